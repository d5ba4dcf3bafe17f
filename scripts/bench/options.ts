import path from 'node:path';
import { parseArgs } from 'node:util';

export interface BenchOptions {
  /** bench-managed site dirs are seeded here when missing */
  demoDir: string;
  largeDir: string;
  /** true when --large-dir named a directory we must only read, never seed or delete */
  isLargeDirExternal: boolean;
  largeArticles: number;
  reseed: boolean;
  build: boolean;
  lighthouse: 'auto' | 'on' | 'off';
  lighthouseRuns: number;
  wrk: WrkSettings;
  /** an unmeasured wrk run before each measured one */
  warmupSeconds: number;
  resultsDir: string;
  /** ask for every article of the large site once, cached and uncached */
  crawl: boolean;
  /** CACHE_MAX_MB the servers run with (the environment's, else the default) */
  cacheMaxMb: number;
  search: SearchOptions;
}

export interface SearchOptions {
  /** measure the search rows at all */
  isOn: boolean;
  /** timed searches per query and order */
  runs: number;
  /** also on the large site in PostgreSQL (seeded into a schema of the test database when missing) */
  isPostgresOn: boolean;
  /** drop and re-seed the PostgreSQL site */
  reseedPostgres: boolean;
  /** the schema the PostgreSQL site lives in */
  postgresSchema: string;
  /** also through GET /search on the built server */
  isHttpOn: boolean;
}

export interface WrkSettings {
  threads: number;
  durationSeconds: number;
  /** connections for cached pages and the static references */
  connections: number;
  /** connections for uncached renders: each request renders, so fewer keep the queue short */
  uncachedConnections: number;
}

export const USAGE = `npm run bench -- [options]
  --large-dir <path>        use a site seeded elsewhere instead of ./data/bench/large (never seeded or deleted here)
  --large-articles <n>      articles generated for ./data/bench/large when seeding it (default 100000)
  --reseed                  delete and re-seed ./data/bench/demo and ./data/bench/large
  --no-build                skip npm run build (dist/ must be current)
  --lighthouse | --no-lighthouse   force or skip Lighthouse (default: run it when installed)
  --lighthouse-runs <n>     runs per page and form factor; the median is reported (default 3)
  --duration <s>            seconds per wrk run (default 10)
  --warmup <s>              seconds of unmeasured load before each run (default 10, so servers are measured warm; 0 for none)
  --threads <n>             wrk threads (default 1: the machine has 2 cores and the server needs one)
  --connections <n>         wrk connections for cached pages and the references (default 64)
  --uncached-connections <n>  wrk connections for uncached renders (default 8)
  --crawl                   also ask for every article of the large site once, cached and uncached (minutes)
  --no-search               skip the search rows (latency of searches on the large site, SQLite and PostgreSQL)
  --search-runs <n>         timed searches per query and order (default 60)
  --no-search-postgres      search rows on SQLite only (else the large site is seeded into PostgreSQL once: minutes)
  --reseed-postgres         drop and re-seed the large site's PostgreSQL schema (BENCH_POSTGRES_URL, default the test database)
  --postgres-schema <name>  the schema of the PostgreSQL site (default bench_large; seeded with --large-articles)
  --no-search-http          search rows in process only, not through GET /search`;

export function parseBenchOptions(argv: string[], cwd = process.cwd()): BenchOptions {
  const { values } = parseArgs({
    args: argv,
    options: {
      'large-dir': { type: 'string' },
      'large-articles': { type: 'string', default: '100000' },
      reseed: { type: 'boolean', default: false },
      'no-build': { type: 'boolean', default: false },
      lighthouse: { type: 'boolean' },
      'no-lighthouse': { type: 'boolean' },
      'lighthouse-runs': { type: 'string', default: '3' },
      duration: { type: 'string', default: '10' },
      warmup: { type: 'string', default: '10' },
      threads: { type: 'string', default: '1' },
      connections: { type: 'string', default: '64' },
      'uncached-connections': { type: 'string', default: '8' },
      crawl: { type: 'boolean', default: false },
      'no-search': { type: 'boolean', default: false },
      'search-runs': { type: 'string', default: '60' },
      'no-search-postgres': { type: 'boolean', default: false },
      'reseed-postgres': { type: 'boolean', default: false },
      'postgres-schema': { type: 'string', default: 'bench_large' },
      'no-search-http': { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) {
    console.log(USAGE);
    process.exit(0);
  }
  const externalLarge = values['large-dir'];
  return {
    demoDir: path.resolve(cwd, 'data/bench/demo'),
    largeDir: path.resolve(cwd, externalLarge ?? 'data/bench/large'),
    isLargeDirExternal: externalLarge !== undefined,
    largeArticles: wholeNumber('--large-articles', values['large-articles'], 0),
    reseed: values.reseed,
    build: !values['no-build'],
    lighthouse: values['no-lighthouse'] ? 'off' : values.lighthouse ? 'on' : 'auto',
    lighthouseRuns: wholeNumber('--lighthouse-runs', values['lighthouse-runs'], 1),
    wrk: {
      threads: wholeNumber('--threads', values.threads, 1),
      durationSeconds: wholeNumber('--duration', values.duration, 1),
      connections: wholeNumber('--connections', values.connections, 1),
      uncachedConnections: wholeNumber('--uncached-connections', values['uncached-connections'], 1),
    },
    warmupSeconds: wholeNumber('--warmup', values.warmup, 0),
    resultsDir: path.resolve(cwd, 'bench-results'),
    crawl: values.crawl,
    cacheMaxMb: Number(process.env.CACHE_MAX_MB ?? 64),
    search: {
      isOn: !values['no-search'],
      runs: wholeNumber('--search-runs', values['search-runs'], 1),
      isPostgresOn: !values['no-search-postgres'],
      reseedPostgres: values['reseed-postgres'],
      postgresSchema: values['postgres-schema'],
      isHttpOn: !values['no-search-http'],
    },
  };
}

function wholeNumber(flag: string, raw: string, min: number): number {
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min) throw new UsageError(`${flag} takes a whole number of at least ${min}, not "${raw}"`);
  return n;
}

export class UsageError extends Error {}
