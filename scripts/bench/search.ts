/*
 * The search rows (issue 8, point 6): p50/p95 latency of searchArticles on the large site,
 * in process (the engine: parse, alias expansion, the capped count and one page of 10 with
 * highlights), on SQLite and on PostgreSQL, for one-word, two-word, alias and phrase queries
 * chosen by how many articles they occur in (search-queries.ts), and very common words beside
 * them; then the same queries through HTTP (GET /search?q=) when the built server has the page.
 * Nothing is written: the sites are only read.
 */
import { performance } from 'node:perf_hooks';
import { createDb } from '../../src/db/create-db.js';
import { generateDemoSite } from '../../src/demo/index.js';
import type { Database, Dialect } from '../../src/db/database.js';
import { searchArticles, type SearchSort } from '../../src/search/index.js';
import { startDossier } from './dossier-server.js';
import { type BenchQuery, chooseSearchQueries } from './search-queries.js';
import { databaseFile } from './sites.js';
import type { BenchOptions } from './options.js';
import { analyzePostgresSite, BENCH_POSTGRES_URL, ensurePostgresSeeded, postgresSite, type PostgresSite } from './search-sites.js';

export interface SearchSite {
  dialect: Dialect;
  /** the SQLite site's data dir (its dossier.db), or the PostgreSQL site */
  dataDir: string;
  postgres: PostgresSite | null;
}

export interface SearchLatency {
  dialect: Dialect;
  via: 'engine' | 'http';
  kind: BenchQuery['kind'];
  query: string;
  sort: SearchSort;
  /** what the first page said: "1000+" past the cap */
  total: string;
  runs: number;
  p50Ms: number;
  p95Ms: number;
  maxMs: number;
  /** HTTP only: responses that were not 200 */
  non200: number;
}

export interface SearchSiteBench {
  dialect: Dialect;
  /** where the site was read: a file or a schema */
  source: string;
  published: number;
  queries: BenchQuery[];
  rows: SearchLatency[];
  /** why there are no HTTP rows, when there are none */
  httpSkipped: string | null;
}

export interface SearchBench {
  runs: number;
  warmupRuns: number;
  sites: SearchSiteBench[];
  /** the sites not measured, and why (e.g. PostgreSQL off) */
  notMeasured: string[];
}

export const SEARCH_SORTS: SearchSort[] = ['relevance', 'date'];
const WARMUP_RUNS = 5;
/** A row stops after this long once it has MIN_RUNS timings, so a query taking a second does not hold the bench for minutes. */
const ROW_BUDGET_MS = 15_000;
const MIN_RUNS = 20;

/** Times `run` up to `runs` times (fewer for a slow one: at least MIN_RUNS, then within ROW_BUDGET_MS). */
async function timeRuns<T>(run: () => Promise<T>, runs: number, onResult: (result: T) => void): Promise<number[]> {
  for (let i = 0; i < WARMUP_RUNS; i++) await run();
  const times: number[] = [];
  const started = performance.now();
  while (times.length < runs && (times.length < MIN_RUNS || performance.now() - started < ROW_BUDGET_MS)) {
    const at = performance.now();
    const result = await run();
    times.push(performance.now() - at);
    onResult(result);
  }
  return times;
}

/**
 * The search rows of `npm run bench` on the large site: its SQLite file as seeded, and the
 * same site in PostgreSQL (seeded once into its schema, then reused); HTTP needs dist/.
 */
export async function benchSearch(options: Pick<BenchOptions, 'largeDir' | 'largeArticles' | 'search'>): Promise<SearchBench> {
  const sites: SearchSite[] = [{ dialect: 'sqlite', dataDir: options.largeDir, postgres: null }];
  const notMeasured: string[] = [];
  if (options.search.isPostgresOn) {
    const postgres = postgresSite(options.search.postgresSchema);
    // Its media (the demo's images) beside the SQLite site's, so a server can show them.
    const dataDir = `${options.largeDir}-postgres`;
    try {
      const demoArticles = generateDemoSite(new Date()).articles.length;
      await ensurePostgresSeeded(postgres, { articles: options.largeArticles, demoArticles, reseed: options.search.reseedPostgres, dataDir });
      console.log(`postgres: planner statistics gathered (ANALYZE of the schema's tables) in ${((await analyzePostgresSite(postgres)) / 1000).toFixed(1)} s`);
      sites.push({ dialect: 'postgres', dataDir, postgres });
    } catch (error) {
      const why = error instanceof Error ? error.message : String(error);
      console.error(`search postgres: not measured: ${why}`);
      notMeasured.push(`postgres not measured (${BENCH_POSTGRES_URL}: ${why}); --no-search-postgres to skip it`);
    }
  } else {
    notMeasured.push('postgres skipped (--no-search-postgres)');
  }
  return measureSearch(sites, { runs: options.search.runs, isHttpOn: options.search.isHttpOn, notMeasured });
}

export async function measureSearch(sites: SearchSite[], options: { runs: number; isHttpOn: boolean; notMeasured?: string[] }): Promise<SearchBench> {
  const measured: SearchSiteBench[] = [];
  for (const site of sites) measured.push(await measureSite(site, options));
  return { runs: options.runs, warmupRuns: WARMUP_RUNS, sites: measured, notMeasured: options.notMeasured ?? [] };
}

async function measureSite(site: SearchSite, options: { runs: number; isHttpOn: boolean }): Promise<SearchSiteBench> {
  const source = site.postgres ? `PostgreSQL schema ${site.postgres.schema}` : databaseFile(site.dataDir);
  const handle = site.postgres
    ? createDb({ dialect: 'postgres', url: site.postgres.url }, { poolSize: 2 })
    : createDb({ dialect: 'sqlite', file: databaseFile(site.dataDir) });
  let chosen: Awaited<ReturnType<typeof chooseSearchQueries>>;
  const rows: SearchLatency[] = [];
  try {
    console.log(`search ${site.dialect}: choosing queries by how many of the articles they occur in (${source})`);
    chosen = await chooseSearchQueries(handle.db, site.dialect);
    for (const q of chosen.queries) {
      console.log(`  ${q.kind.padEnd(12)} ${q.query.padEnd(28)} ${q.matches.toLocaleString('en-US').padStart(7)} articles (${percent(q.share)})`);
    }
    for (const q of chosen.queries) for (const sort of SEARCH_SORTS) rows.push(await timeEngine(handle.db, site.dialect, q, sort, options.runs));
  } finally {
    await handle.close();
  }
  let httpSkipped: string | null = options.isHttpOn ? null : 'skipped (--no-search-http)';
  if (options.isHttpOn) {
    const http = await timeHttp(site, chosen.queries, options.runs);
    if ('skipped' in http) httpSkipped = http.skipped;
    else rows.push(...http.rows);
  }
  return { dialect: site.dialect, source, published: chosen.published, queries: chosen.queries, rows, httpSkipped };
}

async function timeEngine(db: Database, dialect: Dialect, q: BenchQuery, sort: SearchSort, runs: number): Promise<SearchLatency> {
  let total = '';
  const times = await timeRuns(
    () => searchArticles({ db, dialect }, q.query, { audience: 'public', sort, page: 1, perPage: 10 }),
    runs,
    (outcome) => {
      total = outcome.kind === 'results' ? `${outcome.total.count}${outcome.total.isAtLeast ? '+' : ''}` : outcome.kind;
    },
  );
  return { dialect, via: 'engine', kind: q.kind, query: q.query, sort, total, runs: times.length, ...percentiles(times), non200: 0 };
}

/**
 * The same queries through the built server's results page, one request at a time on one
 * keep-alive connection (the latency a reader sees, without queueing), the page cache off.
 */
async function timeHttp(site: SearchSite, queries: BenchQuery[], runs: number): Promise<{ rows: SearchLatency[] } | { skipped: string }> {
  const server = await startDossier(site.dataDir, false, {
    ...(site.postgres ? { DATABASE_URL: site.postgres.url } : {}),
    // One client asks hundreds of times a minute, searching nearly all the time: the
    // per-address limits and the share of time searches may take would refuse it.
    SEARCH_LIMIT_PER_IP: '1000000/60',
    SEARCH_SUGGEST_LIMIT_PER_IP: '1000000/60',
    SEARCH_TIME_SHARE: '1',
  });
  try {
    await untilReady(server.origin);
    const url = (q: string, sort: SearchSort) => `${server.origin}/search?q=${encodeURIComponent(q)}${sort === 'date' ? '&sort=date' : ''}`;
    const probe = await fetch(url(queries[0]?.query ?? 'a', 'relevance'));
    await probe.arrayBuffer();
    if (probe.status === 404) return { skipped: 'the built server has no /search page (it comes with the results page of issue 8)' };
    const rows: SearchLatency[] = [];
    for (const q of queries) {
      for (const sort of SEARCH_SORTS) {
        const get = async () => {
          const response = await fetch(url(q.query, sort), { headers: { 'accept-encoding': 'gzip' } });
          await response.arrayBuffer();
          return response.status;
        };
        let non200 = 0;
        const times = await timeRuns(get, runs, (status) => {
          if (status !== 200) non200++;
        });
        rows.push({ dialect: site.dialect, via: 'http', kind: q.kind, query: q.query, sort, total: '', runs: times.length, ...percentiles(times), non200 });
      }
    }
    return { rows };
  } finally {
    await server.stop();
  }
}

/** startDossier returns at the first answer; until the app is made (migrations checked: seconds on PostgreSQL) that is a 503. */
async function untilReady(origin: string, timeoutMs = 120_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const response = await fetch(`${origin}/robots.txt`);
    await response.arrayBuffer();
    if (response.status === 200) return;
    if (response.status !== 503 || Date.now() > deadline) throw new Error(`${origin}/robots.txt answered ${response.status}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

function percentiles(times: number[]): { p50Ms: number; p95Ms: number; maxMs: number } {
  const sorted = [...times].sort((a, b) => a - b);
  const at = (p: number) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]!;
  return { p50Ms: at(0.5), p95Ms: at(0.95), maxMs: sorted.at(-1)! };
}

export function percent(share: number): string {
  return `${(share * 100).toFixed(share < 0.01 ? 2 : 1)}%`;
}
