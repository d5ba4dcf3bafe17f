import type { ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import { freePort, startChild, stopChild, waitForHttp } from './children.js';
import { siteEnv } from './sites.js';

export interface RunningServer {
  origin: string;
  pid: number;
  stop: () => Promise<void>;
}

export interface Memory {
  rssMb: number;
  /** the peak RSS of the process's life (VmHWM) */
  peakRssMb: number;
}

/** Starts `node dist/src/main.js` on a free loopback port against one site dir. */
export async function startDossier(dataDir: string, isPageCacheOn: boolean, extraEnv: Record<string, string> = {}): Promise<RunningServer> {
  const port = await freePort();
  const origin = `http://127.0.0.1:${port}`;
  const env = siteEnv(dataDir, {
    PORT: String(port),
    HOST: '127.0.0.1',
    SITE_URL: origin,
    PAGE_CACHE: isPageCacheOn ? 'on' : 'off',
    // The sites are seeded by the bench; a server must never seed one of its own.
    DEMO_CONTENT: 'off',
    ...extraEnv,
  });
  // Started with node itself, not npm, so the pid we read RSS from is the server's.
  const child: ChildProcess = startChild(process.execPath, ['dist/src/main.js'], { env, stdio: ['ignore', 'inherit', 'inherit'] });
  await waitForHttp(`${origin}/robots.txt`, child);
  return { origin, pid: child.pid!, stop: () => stopChild(child) };
}

/** Resident memory from /proc, as the kernel counts it (Linux only). */
export function readMemory(pid: number): Memory {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN);
  return { rssMb: kb('VmRSS') / 1024, peakRssMb: kb('VmHWM') / 1024 };
}

/** One request the way wrk sends them, to fill the cache and to fail early on a wrong URL. */
export async function warm(url: string): Promise<void> {
  const response = await fetch(url, { headers: { 'accept-encoding': 'gzip' } });
  await response.arrayBuffer();
  if (response.status !== 200) throw new Error(`${url} answered ${response.status}, not 200`);
}
