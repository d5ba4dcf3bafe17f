/*
 * The search flood row: readers on the cached front page while searches arrive as fast as 16
 * connections can send them, each from an address of its own (X-Forwarded-For through a
 * trusted proxy), so no per-address limit stops them. Run with the share of time searches may
 * take off (SEARCH_TIME_SHARE=1) and at its default: what the readers keep, and how many
 * searches are answered or refused. On the large SQLite site, where a search holds the one
 * thread the cached pages need.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFile } from 'node:child_process';
import { onCleanup, track } from './children.js';
import { startDossier, warm } from './dossier-server.js';
import type { StatusClasses } from './url-stream.js';
import { parseWrk, runWrk, WRK, wrkOptions, type WrkResult } from './wrk.js';

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

async function floodSearches(origin: string, durationSeconds: number): Promise<WrkResult & { statuses: StatusClasses }> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dossier-bench-flood-'));
  const forget = onCleanup(() => fs.rmSync(dir, { recursive: true, force: true }));
  try {
    const script = path.join(dir, 'flood.lua');
    fs.writeFileSync(script, floodScript(FLOOD_QUERIES.map((q) => `/search?q=${encodeURIComponent(q)}`)));
    const args = [...wrkOptions({ threads: 1, connections: CONNECTIONS, durationSeconds }), '-s', script, `${origin}/`];
    const stdout = await new Promise<string>((resolve, reject) => {
      const child = execFile(WRK, args, { timeout: (durationSeconds + 30) * 1000 }, (error, out, err) =>
        error ? reject(error) : err.trim() ? reject(new Error(`wrk: ${err.trim()}`)) : resolve(out),
      );
      track(child);
    });
    const classes = /status classes: 2xx (\d+) 3xx (\d+) 4xx (\d+) 5xx (\d+)/.exec(stdout);
    if (!classes) throw new Error(`wrk printed no status classes:\n${stdout}`);
    return {
      command: `wrk ${args.join(' ')} (${FLOOD_QUERIES.length} queries, X-Forwarded-For 10.x.y.z, one address a request)`,
      ...parseWrk(stdout),
      statuses: { '2xx': Number(classes[1]), '3xx': Number(classes[2]), '4xx': Number(classes[3]), '5xx': Number(classes[4]) },
    };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
    forget();
  }
}

function floodScript(paths: readonly string[]): string {
  return `local paths = { ${paths.map((p) => `"${p}"`).join(', ')} }
local threads = {}
function setup(thread)
  table.insert(threads, thread)
end
function init(args)
  sent = 0
  s2, s3, s4, s5 = 0, 0, 0, 0
end
function request()
  sent = sent + 1
  local ip = string.format("10.%d.%d.%d", math.floor(sent / 65536) % 256, math.floor(sent / 256) % 256, sent % 256)
  return wrk.format("GET", paths[(sent - 1) % #paths + 1], { ["X-Forwarded-For"] = ip })
end
function response(status, headers, body)
  if status >= 500 then s5 = s5 + 1 elseif status >= 400 then s4 = s4 + 1 elseif status >= 300 then s3 = s3 + 1 else s2 = s2 + 1 end
end
function done(summary, latency, requests)
  local c = { 0, 0, 0, 0 }
  for _, t in ipairs(threads) do
    c[1] = c[1] + t:get("s2"); c[2] = c[2] + t:get("s3"); c[3] = c[3] + t:get("s4"); c[4] = c[4] + t:get("s5")
  end
  io.write(string.format("status classes: 2xx %d 3xx %d 4xx %d 5xx %d\\n", c[1], c[2], c[3], c[4]))
end
`;
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
