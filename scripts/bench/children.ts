/*
 * Every process the benchmark starts goes through here, so that a normal end, an error
 * or Ctrl-C leaves no server, nginx or Chromium behind.
 */
import { spawn, type ChildProcess, type SpawnOptions } from 'node:child_process';
import net from 'node:net';

const running = new Set<ChildProcess>();
const cleanups = new Set<() => void>();

/** Starts a long-lived child that is killed when the benchmark exits, however it exits. */
export function startChild(command: string, args: string[], options: SpawnOptions): ChildProcess {
  return track(spawn(command, args, options));
}

/** Adds a child started some other way (e.g. execFile) to those killed on exit. */
export function track(child: ChildProcess): ChildProcess {
  running.add(child);
  child.once('exit', () => running.delete(child));
  return child;
}

/** Stops one child and waits for it, escalating to SIGKILL if it ignores SIGTERM. */
export async function stopChild(child: ChildProcess, timeoutMs = 5_000): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
  await exited;
  clearTimeout(timer);
}

/** Runs a command to completion, output passed through; rejects on a non-zero exit. */
export function runToEnd(command: string, args: string[], options: SpawnOptions = {}): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = startChild(command, args, { stdio: 'inherit', ...options });
    child.once('error', reject);
    child.once('exit', (code, signal) =>
      code === 0 ? resolve() : reject(new Error(`${command} ${args.join(' ')} exited with ${signal ?? code}`)),
    );
  });
}

/** Registers something to undo on exit that is not a child we spawned (e.g. a temp dir). */
export function onCleanup(fn: () => void): () => void {
  cleanups.add(fn);
  return () => cleanups.delete(fn);
}

function killEverything(): void {
  // SIGTERM, not SIGKILL: a killed nginx master would orphan its worker, still listening.
  // Our exit cannot wait, but each of these ends itself promptly on SIGTERM.
  for (const child of running) child.kill('SIGTERM');
  for (const fn of cleanups) {
    try {
      fn();
    } catch {
      // Best effort: we are exiting anyway.
    }
  }
}

/** Installs the exit and signal handlers once, at the start of the run. */
export function installCleanupHandlers(): void {
  process.once('exit', killEverything);
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      console.error(`\nbench: ${signal}, stopping every child process`);
      process.exit(130); // runs killEverything through the exit handler
    });
  }
}

/** A port free on loopback right now (the OS picks it; the race before we bind is harmless here). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/** Polls a URL until it answers (any status), or fails if the child dies or time runs out. */
export async function waitForHttp(url: string, child: ChildProcess, timeoutMs = 120_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(`the process serving ${url} exited with ${child.signalCode ?? child.exitCode} before it answered`);
    }
    try {
      await fetch(url, { signal: AbortSignal.timeout(2_000) });
      return;
    } catch {
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  throw new Error(`${url} did not answer within ${timeoutMs / 1000} s`);
}
