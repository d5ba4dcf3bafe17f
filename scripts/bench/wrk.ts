import { execFile } from 'node:child_process';
import { track } from './children.js';

export const WRK = '/usr/bin/wrk';

export interface WrkRun {
  threads: number;
  connections: number;
  durationSeconds: number;
}

export interface WrkResult {
  command: string;
  requestsPerSec: number;
  p50Ms: number;
  p99Ms: number;
  requests: number;
  /** wrk counts "Non-2xx or 3xx"; we send no conditional requests, so any is an error */
  non2xx: number;
  socketErrors: number;
  /** bytes read per response, headers included: shows whether the gzip body was served */
  bytesPerResponse: number;
}

/** The options of every measured wrk run: latency histogram, long timeout, gzip accepted as a browser would. */
export function wrkOptions(run: WrkRun): string[] {
  return [
    `-t${run.threads}`,
    `-c${run.connections}`,
    `-d${run.durationSeconds}s`,
    '--latency',
    // Past wrk's default 2 s a slow response becomes a socket error and leaves the histogram,
    // which would flatter p99; a long timeout keeps it in.
    '--timeout',
    '10s',
    '-H',
    'Accept-Encoding: gzip',
  ];
}

/** Runs wrk once with gzip accepted, as a browser would ask. */
export async function runWrk(url: string, run: WrkRun): Promise<WrkResult> {
  const args = [...wrkOptions(run), url];
  const stdout = await new Promise<string>((resolve, reject) => {
    const child = execFile(WRK, args, { timeout: (run.durationSeconds + 30) * 1000 }, (error, out) => (error ? reject(error) : resolve(out)));
    track(child); // so Ctrl-C or a kill of the bench ends a wrk in progress too
  });
  return { command: `wrk ${args.map((a) => (a.includes(' ') ? `'${a}'` : a)).join(' ')}`, ...parseWrk(stdout) };
}

/** Reads the figures out of wrk 4's --latency report. */
export function parseWrk(out: string): Omit<WrkResult, 'command'> {
  const match = (re: RegExp, what: string): RegExpExecArray => {
    const m = re.exec(out);
    if (!m) throw new Error(`wrk output has no ${what}:\n${out}`);
    return m;
  };
  const totals = match(/(\d+) requests in [\d.]+\w+, ([\d.]+)(B|KB|MB|GB|TB) read/, 'request total');
  const requests = Number(totals[1]);
  const socket = /Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)/.exec(out);
  return {
    requestsPerSec: Number(match(/Requests\/sec:\s+([\d.]+)/, 'Requests/sec')[1]),
    p50Ms: toMs(match(/^\s+50%\s+([\d.]+)(us|ms|s)\s*$/m, '50% latency')),
    p99Ms: toMs(match(/^\s+99%\s+([\d.]+)(us|ms|s)\s*$/m, '99% latency')),
    requests,
    non2xx: Number(/Non-2xx or 3xx responses: (\d+)/.exec(out)?.[1] ?? 0),
    socketErrors: socket ? socket.slice(1).reduce((sum, n) => sum + Number(n), 0) : 0,
    bytesPerResponse: requests > 0 ? (Number(totals[2]) * BYTES[totals[3]!]!) / requests : 0,
  };
}

const BYTES: Record<string, number> = { B: 1, KB: 1024, MB: 1024 ** 2, GB: 1024 ** 3, TB: 1024 ** 4 };

function toMs(m: RegExpExecArray): number {
  const value = Number(m[1]);
  return m[2] === 'us' ? value / 1000 : m[2] === 's' ? value * 1000 : value;
}
