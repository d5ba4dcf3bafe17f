/*
 * The search flood row: readers on the cached front page while searches arrive as fast as 16
 * connections can send them, each from an address of its own (X-Forwarded-For through a
 * trusted proxy), so no per-address limit stops them. Run with the share of time searches may
 * take off (SEARCH_TIME_SHARE=1) and at its default: what the readers keep, and how many
 * searches are answered or refused. On the large SQLite site, where a search holds the one
 * thread the cached pages need.
 */
import { startDossier, warm } from './dossier-server.js';
import { runWrkOverPaths, type StatusClasses } from './url-stream.js';
import { runWrk, type WrkResult } from './wrk.js';

/** The flood's queries: common words (the costliest searches) and rarer ones, every request another address. */
export const FLOOD_QUERIES = ['which', 'whether', 'which whether', 'print', 'violations recorded', '"height drove"', 'SHB'];
const CONNECTIONS = 16;

export interface SearchFloodRow {
  /** SEARCH_TIME_SHARE of the server */
  timeShare: number;
  readers: WrkResult;
  searches: WrkResult & { statuses: StatusClasses };
}

export interface SearchFloodBench {
  site: string;
  durationSeconds: number;
  readersAlone: WrkResult;
  rows: SearchFloodRow[];
}

export async function measureSearchFlood(dataDir: string, durationSeconds: number, timeShares: readonly number[] = [1, 0.5]): Promise<SearchFloodBench> {
  let readersAlone: WrkResult | null = null;
  const rows: SearchFloodRow[] = [];
  for (const timeShare of timeShares) {
    const server = await startDossier(dataDir, true, {
      TRUSTED_PROXY: '127.0.0.1',
      // Each address asks once or twice: the per-address limits stay as shipped.
      SEARCH_TIME_SHARE: String(timeShare),
    });
    try {
      await warm(`${server.origin}/`);
      readersAlone ??= await runWrk(`${server.origin}/`, { threads: 1, connections: CONNECTIONS, durationSeconds });
      console.log(`search flood, SEARCH_TIME_SHARE=${timeShare}: ${durationSeconds} s of searches from distinct addresses beside readers of /`);
      const [searches, readers] = await Promise.all([
        floodSearches(server.origin, durationSeconds),
        runWrk(`${server.origin}/`, { threads: 1, connections: CONNECTIONS, durationSeconds }),
      ]);
      rows.push({ timeShare, readers, searches });
    } finally {
      await server.stop();
    }
  }
  return { site: dataDir, durationSeconds, readersAlone: readersAlone!, rows };
}

function floodSearches(origin: string, durationSeconds: number): Promise<WrkResult & { statuses: StatusClasses }> {
  const paths = FLOOD_QUERIES.map((q) => `/search?q=${encodeURIComponent(q)}`);
  return runWrkOverPaths(origin, paths, { connections: CONNECTIONS, durationSeconds, isOnce: false, isAddressPerRequest: true });
}

export function formatSearchFlood(b: SearchFloodBench): string {
  const out = [
    `Search flood (${b.site}): ${b.durationSeconds} s, ${CONNECTIONS} connections of searches (${FLOOD_QUERIES.length} queries, each request from another address) beside ${CONNECTIONS} of readers on / (cached)`,
    `readers alone: ${b.readersAlone.requestsPerSec.toFixed(0)} req/s, p50 ${b.readersAlone.p50Ms.toFixed(2)} ms, p99 ${b.readersAlone.p99Ms.toFixed(2)} ms`,
  ];
  for (const row of b.rows) {
    const s = row.searches;
    out.push(
      `SEARCH_TIME_SHARE=${row.timeShare}${row.timeShare >= 1 ? ' (off)' : ''}: readers ${row.readers.requestsPerSec.toFixed(0)} req/s, p50 ${row.readers.p50Ms.toFixed(2)} ms, p99 ${row.readers.p99Ms.toFixed(2)} ms; ` +
        `searches ${(s.statuses['2xx'] / b.durationSeconds).toFixed(1)}/s answered 200, ${(s.statuses['5xx'] / b.durationSeconds).toFixed(0)}/s refused 503, ${s.statuses['4xx']} 4xx, p99 ${s.p99Ms.toFixed(1)} ms`,
    );
  }
  return out.join('\n');
}
