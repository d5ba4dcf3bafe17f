/*
 * wrk over many distinct URLs instead of one: a Lua script holding the list, each request
 * taking the next path. Used for the hostile row (junk and encoded spellings) and for the
 * stream of every article (a crawl: each page asked for once).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFile } from 'node:child_process';
import { track, onCleanup } from './children.js';
import { parseWrk, WRK, wrkOptions, type WrkResult } from './wrk.js';

export interface StatusClasses {
  '2xx': number;
  '3xx': number;
  '4xx': number;
  '5xx': number;
}

export interface StreamRun {
  connections: number;
  /** seconds at most */
  durationSeconds: number;
  /** stop once every path has been asked for once (a crawl), instead of cycling until the end */
  isOnce: boolean;
  /** send each request from another address (X-Forwarded-For 10.x.y.z, for a server that trusts 127.0.0.1 as its proxy) */
  isAddressPerRequest?: boolean;
}

/** Runs wrk -t1 over `paths` in order, gzip accepted, and reads its report. */
export async function runWrkOverPaths(origin: string, paths: readonly string[], run: StreamRun): Promise<WrkResult & { statuses: StatusClasses }> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dossier-bench-urls-'));
  const forget = onCleanup(() => fs.rmSync(dir, { recursive: true, force: true }));
  try {
    const script = path.join(dir, 'paths.lua');
    fs.writeFileSync(script, luaScript(paths, run.isOnce, run.isAddressPerRequest ?? false));
    const args = [
      ...wrkOptions({ threads: 1, connections: run.connections, durationSeconds: run.durationSeconds }),
      '-s',
      script,
      origin + '/',
    ];
    const stdout = await new Promise<string>((resolve, reject) => {
      const child = execFile(WRK, args, { timeout: (run.durationSeconds + 30) * 1000, maxBuffer: 16 * 1024 * 1024 }, (error, out, err) =>
        // wrk reports a Lua error on stderr and carries on with plain requests: refuse that run.
        error ? reject(error) : err.trim() ? reject(new Error(`wrk: ${err.trim()}`)) : resolve(out),
      );
      track(child);
    });
    const classes = /status classes: 2xx (\d+) 3xx (\d+) 4xx (\d+) 5xx (\d+)/.exec(stdout);
    if (!classes) throw new Error(`wrk printed no status classes:\n${stdout}`);
    return {
      command: `wrk ${args.join(' ')} (${paths.length.toLocaleString('en-US')} paths${run.isOnce ? ', each once' : ''}${run.isAddressPerRequest ? ', X-Forwarded-For 10.x.y.z, one address a request' : ''})`,
      ...parseWrk(stdout),
      statuses: { '2xx': Number(classes[1]), '3xx': Number(classes[2]), '4xx': Number(classes[3]), '5xx': Number(classes[4]) },
    };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
    forget();
  }
}

function luaScript(paths: readonly string[], isOnce: boolean, isAddressPerRequest: boolean): string {
  const quoted = paths.map((p) => {
    // Printable ASCII only, as a client would send on the wire; the two characters Lua escapes, escaped.
    if (!/^[\x21-\x7e]+$/.test(p)) throw new Error(`not a wire-ready path: ${JSON.stringify(p)}`);
    return `"${p.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
  });
  return `local paths = {\n${quoted.join(',\n')}\n}
local n = #paths
local threads = {}
function setup(thread)
  table.insert(threads, thread)
end
function init(args)
  sent = 0
  answered = 0
  s2, s3, s4, s5 = 0, 0, 0, 0
end
function request()
  sent = sent + 1
  ${
    isAddressPerRequest
      ? `local ip = string.format("10.%d.%d.%d", math.floor(sent / 65536) % 256, math.floor(sent / 256) % 256, sent % 256)
  return wrk.format("GET", paths[(sent - 1) % n + 1], { ["X-Forwarded-For"] = ip })`
      : 'return wrk.format("GET", paths[(sent - 1) % n + 1])'
  }
end
function response(status, headers, body)
  answered = answered + 1
  if status >= 500 then s5 = s5 + 1 elseif status >= 400 then s4 = s4 + 1 elseif status >= 300 then s3 = s3 + 1 else s2 = s2 + 1 end
  ${isOnce ? 'if answered >= n then wrk.thread:stop() end' : ''}
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
