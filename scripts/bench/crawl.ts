/*
 * Every published article asked for once, as a crawler (or an attacker with the sitemap)
 * would: each request a miss. Run with the page cache on and off, it shows what a miss
 * costs beside a render without the cache, and whether the server's memory stays within
 * its baseline plus CACHE_MAX_MB while the cache fills and evicts.
 */
import Database from 'better-sqlite3';
import { readMemory, startDossier, warm } from './dossier-server.js';
import { databaseFile } from './sites.js';
import http from 'node:http';

export interface CrawlResult {
  site: 'demo' | 'large';
  mode: 'cached' | 'uncached';
  /** CACHE_MAX_MB of the cached server */
  cacheMaxMb: number | null;
  articles: number;
  connections: number;
  requestsPerSec: number;
  p50Ms: number;
  p99Ms: number;
  /** responses other than 200: must be 0 */
  non200: number;
  seconds: number;
  /** after start and one request for the home page: the server before the crawl */
  rssBeforeMb: number;
  rssAfterMb: number;
  peakRssMb: number;
}

export function allArticlePaths(dataDir: string): string[] {
  const db = new Database(databaseFile(dataDir), { readonly: true, fileMustExist: true });
  try {
    return db
      .prepare<[], { path: string; slug: string }>(
        `select t.path, a.slug from articles a join topics t on t.id = a.primary_topic_id where a.status = 'published' order by a.id`,
      )
      .all()
      .map((r) => `/${r.path}/${r.slug}/`);
  } finally {
    db.close();
  }
}

export async function measureCrawl(
  site: CrawlResult['site'],
  dataDir: string,
  paths: readonly string[],
  options: { isCached: boolean; cacheMaxMb: number; connections: number },
): Promise<CrawlResult> {
  const server = await startDossier(dataDir, options.isCached, { CACHE_MAX_MB: String(options.cacheMaxMb) });
  try {
    await warm(`${server.origin}/`);
    const before = readMemory(server.pid);
    console.log(`  crawl ${site} ${options.isCached ? `cached (CACHE_MAX_MB=${options.cacheMaxMb})` : 'uncached'} -c${options.connections}: ${paths.length.toLocaleString('en-US')} articles, each once`);
    const run = await crawl(server.origin, paths, options.connections);
    const after = readMemory(server.pid);
    return {
      site,
      mode: options.isCached ? 'cached' : 'uncached',
      cacheMaxMb: options.isCached ? options.cacheMaxMb : null,
      articles: paths.length,
      connections: options.connections,
      ...run,
      rssBeforeMb: before.rssMb,
      rssAfterMb: after.rssMb,
      peakRssMb: after.peakRssMb,
    };
  } finally {
    await server.stop();
  }
}

/**
 * A small keep-alive client, not wrk: wrk runs for a fixed time, and a crawl must ask for
 * each page exactly once and be timed until the last answer. It costs the machine a little
 * CPU, the same for the cached and uncached servers.
 */
async function crawl(origin: string, paths: readonly string[], connections: number) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: connections });
  const latencies: number[] = [];
  let non200 = 0;
  let next = 0;
  const get = (path: string) =>
    new Promise<number>((resolve, reject) => {
      http
        .get(origin + path, { agent, headers: { 'accept-encoding': 'gzip' } }, (res) => {
          res.resume();
          res.on('end', () => resolve(res.statusCode ?? 0));
        })
        .on('error', reject);
    });
  const started = performance.now();
  await Promise.all(
    Array.from({ length: connections }, async () => {
      while (next < paths.length) {
        const path = paths[next++]!;
        const t0 = performance.now();
        if ((await get(path)) !== 200) non200++;
        latencies.push(performance.now() - t0);
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  agent.destroy();
  latencies.sort((a, b) => a - b);
  const at = (q: number) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] ?? 0;
  return { requestsPerSec: paths.length / seconds, p50Ms: at(0.5), p99Ms: at(0.99), non200, seconds };
}
