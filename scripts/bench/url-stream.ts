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
import { parseWrk, WRK, type WrkResult } from './wrk.js';

export interface StreamRun {
  connections: number;
  /** seconds at most */
  durationSeconds: number;
  /** stop once every path has been asked for once (a crawl), instead of cycling until the end */
  isOnce: boolean;
}

/** Runs wrk -t1 over `paths` in order, gzip accepted, and reads its report. */
export async function runWrkOverPaths(origin: string, paths: readonly string[], run: StreamRun): Promise<WrkResult> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dossier-bench-urls-'));
  const forget = onCleanup(() => fs.rmSync(dir, { recursive: true, force: true }));
  try {
    const script = path.join(dir, 'paths.lua');
    fs.writeFileSync(script, luaScript(paths, run.isOnce));
    const args = [
      '-t1',
      `-c${run.connections}`,
      `-d${run.durationSeconds}s`,
      '--latency',
      '--timeout',
      '10s',
      '-H',
      'Accept-Encoding: gzip',
      '-s',
      script,
      origin + '/',
    ];
    const stdout = await new Promise<string>((resolve, reject) => {
      const child = execFile(WRK, args, { timeout: (run.durationSeconds + 30) * 1000, maxBuffer: 16 * 1024 * 1024 }, (error, out) =>
        error ? reject(error) : resolve(out),
      );
      track(child);
    });
    return { command: `wrk ${args.join(' ')} (${paths.length.toLocaleString('en-US')} paths${run.isOnce ? ', each once' : ''})`, ...parseWrk(stdout) };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
    forget();
  }
}

function luaScript(paths: readonly string[], isOnce: boolean): string {
  const quoted = paths.map((p) => {
    // Printable ASCII only, as a client would send on the wire; the two characters Lua escapes, escaped.
    if (!/^[\x21-\x7e]+$/.test(p)) throw new Error(`not a wire-ready path: ${JSON.stringify(p)}`);
    return `"${p.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
  });
  return `local paths = {\n${quoted.join(',\n')}\n}
local n = #paths
local sent = 0
local answered = 0
request = function()
  sent = sent + 1
  return wrk.format("GET", paths[(sent - 1) % n + 1])
end
${
  isOnce
    ? `response = function(status, headers, body)
  answered = answered + 1
  if answered >= n then wrk.thread:stop() end
end`
    : ''
}
`;
}
