/*
 * npm run bench -- [--large-dir <path>] [--reseed] [--no-lighthouse] [--duration 10] …
 * Throughput, p50/p99 latency and memory of the main pages on the demo site and on the
 * 100,000-article site, cached and uncached, beside nginx and a bare Node.js server serving
 * the same article as a precompressed static file; then Lighthouse; then the admin's rows,
 * comment posting under reading load, and search latency on the large site (SQLite and
 * PostgreSQL). See docs/benchmarks.md.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startBareNode } from './bench/bare-node.js';
import { installCleanupHandlers, runToEnd } from './bench/children.js';
import { cpuBetween, sampleCpu } from './bench/cpu.js';
import { discoverPages, type PageName, type SitePages } from './bench/discover.js';
import { readMemory, startDossier, warm, type RunningServer } from './bench/dossier-server.js';
import { auditPage, CHROMIUM, isLighthouseInstalled, type LighthouseSummary } from './bench/lighthouse.js';
import { NGINX, startNginx } from './bench/nginx.js';
import { parseBenchOptions, UsageError, USAGE, type BenchOptions } from './bench/options.js';
import { formatReport } from './bench/print.js';
import type { BenchReport, Mode, Row, ServerMemory, SiteInfo } from './bench/results.js';
import { checkExternalSite, ensureSeeded, type SiteDir } from './bench/sites.js';
import { removeStaticArticle, writeStaticArticle } from './bench/static-article.js';
import { evaluateTargets } from './bench/targets.js';
import { runWrk, WRK } from './bench/wrk.js';
import { allArticlePaths, measureCrawl, type CrawlResult } from './bench/crawl.js';
import { measureHostile, type HostileResult } from './bench/hostile.js';
import { formatAdmin, measureAdmin, measureSaves } from './bench/admin.js';
import { measureComments } from './bench/comments.js';
import { benchSearch } from './bench/search.js';
import { measureSearchFlood } from './bench/search-flood.js';

type Measure = (site: Row['site'], page: string, path: string, mode: Mode, server: RunningServer, connections: number) => Promise<void>;

const PAGES: PageName[] = ['home', 'topic', 'article', 'feed'];
/** Uncached, only the pages that render the most: the longest article and the fullest topic. */
const UNCACHED_PAGES: PageName[] = ['article', 'topic'];
/** The pages whose uncached latency is a target get a -c1 run too: render time without queueing. */
const UNCACHED_TARGETS: Record<SiteDir['name'], PageName> = { demo: 'article', large: 'topic' };

async function main(): Promise<void> {
  const options = parseBenchOptions(process.argv.slice(2));
  installCleanupHandlers();
  checkTools();
  const startedAt = new Date().toISOString();
  const loadAverageAtStart = os.loadavg();
  const lighthouseSkipped = whyLighthouseIsSkipped(options);

  if (options.build) await runToEnd('npm', ['run', '--silent', 'build']);
  const demo: SiteDir = { name: 'demo', dataDir: options.demoDir };
  const large: SiteDir = { name: 'large', dataDir: options.largeDir };
  await ensureSeeded(demo, 0, options.reseed);
  if (options.isLargeDirExternal) checkExternalSite(large);
  else await ensureSeeded(large, options.largeArticles, options.reseed);

  const rows: Row[] = [];
  const memory: ServerMemory[] = [];
  const sites: SiteInfo[] = [];
  let staticArticle: BenchReport['staticArticle'] = null;
  let lighthouse: LighthouseSummary[] | { skipped: string } = { skipped: lighthouseSkipped ?? 'not run' };
  const hostile: HostileResult[] = [];
  let crawl: CrawlResult[] | { skipped: string } = { skipped: 'not run (--crawl to run it)' };
  const measure: Measure = async (site, page, path, mode, server, connections) => {
    console.log(`  wrk ${site} ${page} ${mode} -c${connections}: ${path}`);
    const run = { threads: Math.min(options.wrk.threads, connections), connections };
    // Discarded: the first seconds under load are JIT compilation and lazily loaded modules,
    // which would otherwise land in the measured run's p99.
    if (options.warmupSeconds > 0) await runWrk(server.origin + path, { ...run, durationSeconds: options.warmupSeconds });
    const before = sampleCpu(server.pid);
    const wrk = await runWrk(server.origin + path, { ...run, durationSeconds: options.wrk.durationSeconds });
    rows.push({ site, page, path, mode, connections, wrk, cpu: cpuBetween(before, sampleCpu(server.pid)) });
  };

  for (const site of [demo, large]) {
    const pages = discoverPages(site.dataDir);
    sites.push({ name: site.name, dataDir: site.dataDir, ...pages });
    console.log(`${site.name}: cached, ${pages.publishedArticles} published articles`);
    const cachedServer = await startDossier(site.dataDir, true);
    try {
      for (const page of PAGES) await warm(cachedServer.origin + pages.paths[page]);
      for (const page of PAGES) await measure(site.name, page, pages.paths[page], 'cached', cachedServer, options.wrk.connections);
      memory.push({ site: site.name, mode: 'cached', ...readMemory(cachedServer.pid) });
      hostile.push(await measureHostile(site.name, cachedServer, pages, options.wrk.connections, options.cacheMaxMb));
      if (site.name === 'demo') {
        staticArticle = await measureReferences(cachedServer, pages, measure, options);
        if (!lighthouseSkipped) {
          // A Lighthouse failure should not throw away the wrk figures already measured.
          lighthouse = await runLighthouse(cachedServer, pages, options.lighthouseRuns).catch((error: unknown) => {
            console.error('  Lighthouse failed:', error);
            return { skipped: `failed: ${error instanceof Error ? error.message : String(error)}` };
          });
        }
      }
    } finally {
      await cachedServer.stop();
    }

    console.log(`${site.name}: uncached (PAGE_CACHE=off)`);
    const uncachedServer = await startDossier(site.dataDir, false);
    try {
      for (const page of UNCACHED_PAGES) await warm(uncachedServer.origin + pages.paths[page]);
      for (const page of UNCACHED_PAGES) {
        await measure(site.name, page, pages.paths[page], 'uncached', uncachedServer, options.wrk.uncachedConnections);
      }
      const target = UNCACHED_TARGETS[site.name];
      await measure(site.name, target, pages.paths[target], 'uncached', uncachedServer, 1);
      memory.push({ site: site.name, mode: 'uncached', ...readMemory(uncachedServer.pid) });
    } finally {
      await uncachedServer.stop();
    }
  }

  if (options.crawl) {
    const paths = allArticlePaths(large.dataDir);
    crawl = [];
    for (const isCached of [true, false]) {
      crawl.push(await measureCrawl('large', large.dataDir, paths, { isCached, cacheMaxMb: options.cacheMaxMb, connections: options.wrk.uncachedConnections }));
    }
  }

  console.log('admin: autosave under reading load, upload, saves');
  const adminServer = await measureAdmin(demo.dataDir, discoverPages(demo.dataDir).paths.article, options.wrk.durationSeconds);
  const admin = { server: adminServer, saves: await measureSaves() };

  console.log('comments: posting at full speed, held and shown at once, with readers on the same article');
  const comments = await measureComments(demo.dataDir, discoverPages(demo.dataDir).paths.article, options.wrk.durationSeconds);

  const search = options.search.isOn ? await benchSearch(options) : { skipped: 'skipped (--no-search)' };
  const searchFlood = !options.search.isOn
    ? { skipped: 'skipped (--no-search)' }
    : options.search.isHttpOn
      ? await measureSearchFlood(large.dataDir, options.wrk.durationSeconds)
      : { skipped: 'skipped (--no-search-http)' };

  const partial = {
    startedAt,
    command: `npm run bench -- ${process.argv.slice(2).join(' ')}`.trim(),
    machine: { cpus: os.cpus().length, cpuModel: os.cpus()[0]?.model ?? 'unknown', node: process.version, loadAverageAtStart, loadAverageAtEnd: os.loadavg() },
    wrk: options.wrk,
    warmupSeconds: options.warmupSeconds,
    sites,
    staticArticle,
    rows,
    memory,
    lighthouse,
    hostile,
    crawl,
    admin,
    comments,
    search,
    searchFlood,
  };
  const report: BenchReport = { ...partial, finishedAt: new Date().toISOString(), targets: evaluateTargets(partial, options.wrk.uncachedConnections) };
  console.log('\n' + formatReport(report));
  console.log(`\n${formatAdmin(adminServer)}\n${admin.saves.join('\n')}`);
  fs.mkdirSync(options.resultsDir, { recursive: true });
  const file = path.join(options.resultsDir, `${startedAt.replace(/[:.]/g, '-')}.json`);
  fs.writeFileSync(file, JSON.stringify(report, null, 2) + '\n');
  console.log(`\nwritten to ${path.relative(process.cwd(), file)}`);
}

/** nginx and the bare Node server, each serving the demo's longest article, precompressed. */
async function measureReferences(
  server: RunningServer,
  pages: SitePages,
  measure: Measure,
  options: BenchOptions,
): Promise<NonNullable<BenchReport['staticArticle']>> {
  const article = await writeStaticArticle(server.origin, pages.paths.article);
  try {
    for (const [mode, start] of [['nginx gzip_static', startNginx], ['node http, same buffer', startBareNode]] as const) {
      const reference = await start(article);
      try {
        await measure('reference', 'article', article.urlPath, mode, reference, options.wrk.connections);
      } finally {
        await reference.stop();
      }
    }
    return { path: article.urlPath, htmlBytes: article.htmlBytes, gzBytes: article.gzBytes };
  } finally {
    removeStaticArticle(article);
  }
}

async function runLighthouse(server: RunningServer, pages: SitePages, runs: number): Promise<LighthouseSummary[]> {
  const summaries: LighthouseSummary[] = [];
  for (const page of ['home', 'article'] as const) {
    for (const formFactor of ['mobile', 'desktop'] as const) {
      console.log(`  Lighthouse ${page} ${formFactor}, ${runs} runs: ${pages.paths[page]}`);
      summaries.push(await auditPage(page, server.origin + pages.paths[page], formFactor, runs));
    }
  }
  return summaries;
}

function checkTools(): void {
  const missing = [
    [NGINX, 'nginx'],
    [WRK, 'wrk'],
  ].filter(([file]) => !fs.existsSync(file!));
  if (missing.length > 0) {
    throw new UsageError(
      `missing ${missing.map(([file]) => file).join(' and ')}; install the Debian packages: apt-get install ${missing.map(([, pkg]) => pkg).join(' ')}`,
    );
  }
}

function whyLighthouseIsSkipped(options: BenchOptions): string | null {
  if (options.lighthouse === 'off') return 'skipped (--no-lighthouse)';
  if (isLighthouseInstalled()) return null;
  const why = `lighthouse (npm devDependency) or ${CHROMIUM} (Debian package chromium) is missing`;
  if (options.lighthouse === 'on') throw new UsageError(`--lighthouse: ${why}`);
  return `skipped: ${why}`;
}

main().catch((error: unknown) => {
  if (error instanceof UsageError) console.error(`bench: ${error.message}\n\n${USAGE}`);
  else console.error('bench failed:', error);
  process.exit(1);
});
