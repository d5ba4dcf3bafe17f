import { spawn } from 'node:child_process';
import path from 'node:path';

const ROOT = path.resolve(import.meta.dirname, '..');

/** src/main.ts under tsx, in a clean environment with `env` added, its output piped. */
function spawnEntry(env: Record<string, string>) {
  return spawn(process.execPath, ['--import', 'tsx', path.join(ROOT, 'src/main.ts')], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp', LOG_FORMAT: 'json', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

export interface MainRun {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/**
 * Runs the real entry point (src/main.ts under tsx) with `env` added to a clean
 * environment; resolves when it exits, or stops it with SIGTERM once `stopWhen` matches
 * its output (the server is up) and resolves after it has closed.
 */
export function runMain(env: Record<string, string>, options: { stopWhen?: RegExp; timeoutMs?: number } = {}): Promise<MainRun> {
  return new Promise((resolve, reject) => {
    const child = spawnEntry(env);
    let stdout = '';
    let stderr = '';
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`main did not finish in time\nstdout: ${stdout}\nstderr: ${stderr}`));
    }, options.timeoutMs ?? 60_000);
    child.stdout.on('data', (d: Buffer) => {
      stdout += d.toString();
      if (options.stopWhen?.test(stdout)) child.kill('SIGTERM');
    });
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, stdout, stderr });
    });
  });
}

export interface ServingMain {
  /** http://127.0.0.1:<port> */
  url: string;
  pid: number;
  /** everything it has printed so far */
  stdout(): string;
  /** SIGSTOP / SIGCONT: freezes and thaws the process, timers and all */
  pause(): void;
  resume(): void;
  /** SIGTERM, resolved once it has exited */
  stop(): Promise<MainRun>;
  /** SIGKILL, as a crash or the OOM killer ends it: no handler runs; resolved once it has exited */
  kill(): Promise<MainRun>;
}

/**
 * Starts the real entry point (as `runMain`) and resolves once it says it is serving, with
 * the address it listens on (PORT=0: an ephemeral port, read from its own log line).
 */
export function startMain(env: Record<string, string>, options: { timeoutMs?: number } = {}): Promise<ServingMain> {
  return new Promise((resolve, reject) => {
    const child = spawnEntry({ PORT: '0', HOST: '127.0.0.1', ...env });
    let stdout = '';
    let stderr = '';
    let isServing = false;
    const exited = new Promise<MainRun>((done) => child.once('exit', (code, signal) => done({ code, signal, stdout, stderr })));
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`main did not start in time\nstdout: ${stdout}\nstderr: ${stderr}`));
    }, options.timeoutMs ?? 60_000);
    void exited.then((run) => {
      clearTimeout(timer);
      if (!isServing) reject(new Error(`main exited before serving (${run.code ?? run.signal})\nstdout: ${run.stdout}\nstderr: ${run.stderr}`));
    });
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.stdout.on('data', (d: Buffer) => {
      stdout += d.toString();
      const port = isServing ? null : /Dossier is serving \S+ \(listening on [\d.]+:(\d+)/.exec(stdout)?.[1];
      if (!port) return;
      isServing = true;
      clearTimeout(timer);
      resolve({
        url: `http://127.0.0.1:${port}`,
        pid: child.pid!,
        stdout: () => stdout,
        pause: () => child.kill('SIGSTOP'),
        resume: () => child.kill('SIGCONT'),
        stop: async () => {
          if (child.exitCode === null && child.signalCode === null) {
            child.kill('SIGCONT');
            child.kill('SIGTERM');
          }
          return exited;
        },
        kill: async () => {
          if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
          return exited;
        },
      });
    });
  });
}
