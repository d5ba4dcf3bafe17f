import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runMain } from '../../test/spawn-main.js';

/** Every file and folder under `dir` with its size: what "the disk as it was" compares. */
function snapshot(dir: string): string[] {
  if (!fs.existsSync(dir)) return ['(absent)'];
  const out: string[] = [];
  const walk = (d: string) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const full = path.join(d, e.name);
      out.push(`${path.relative(dir, full)} ${e.isDirectory() ? 'dir' : fs.statSync(full).size}`);
      if (e.isDirectory()) walk(full);
    }
  };
  walk(dir);
  return out.sort();
}

const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const c of cleanups.splice(0)) c();
});

function tempDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dossier-startup-'));
  cleanups.push(() => fs.rmSync(dir, { recursive: true, force: true }));
  return dir;
}

async function expectOneLineFailure(env: Record<string, string>, watched: string, pattern: RegExp) {
  const before = snapshot(watched);
  const run = await runMain({ PORT: '0', HOST: '127.0.0.1', ...env }, { timeoutMs: 30_000 });
  expect(run.code, run.stderr).toBe(1);
  const lines = run.stderr.trimEnd().split('\n');
  expect(lines, run.stderr).toHaveLength(1);
  expect(lines[0]).toMatch(/^dossier: /);
  expect(lines[0]).toMatch(pattern);
  expect(snapshot(watched)).toEqual(before);
}

describe('start-up errors: one line, exit 1, nothing written', () => {
  it('a port in use', async () => {
    const blocker = net.createServer();
    await new Promise<void>((r) => blocker.listen(0, '127.0.0.1', r));
    cleanups.push(() => blocker.close());
    const port = (blocker.address() as net.AddressInfo).port;
    const root = tempDir();
    const dataDir = path.join(root, 'data');
    await expectOneLineFailure({ PORT: String(port), DATA_DIR: dataDir }, root, new RegExp(`port ${port} is already in use.*set PORT`));
  });

  it('DATABASE_URL naming a folder', async () => {
    const root = tempDir();
    fs.mkdirSync(path.join(root, 'db-folder'));
    await expectOneLineFailure(
      { DATA_DIR: path.join(root, 'data'), DATABASE_URL: path.join(root, 'db-folder') },
      root,
      /DATABASE_URL names the folder .*db-folder; name a file in it/,
    );
  });

  it('an unwritable DATA_DIR', async () => {
    const root = tempDir();
    const locked = path.join(root, 'locked');
    fs.mkdirSync(locked);
    // Root ignores permission bits; an immutable folder refuses even root.
    if (process.getuid?.() === 0) {
      expect(spawnSync('chattr', ['+i', locked]).status).toBe(0);
      cleanups.unshift(() => spawnSync('chattr', ['-i', locked]));
    } else {
      fs.chmodSync(locked, 0o500);
      cleanups.unshift(() => fs.chmodSync(locked, 0o700));
    }
    await expectOneLineFailure({ DATA_DIR: path.join(locked, 'data') }, root, /DATA_DIR: cannot write in .*locked.*make it writable/);
  });

  it('a DATA_DIR below a file', async () => {
    const root = tempDir();
    fs.writeFileSync(path.join(root, 'a-file'), 'x');
    await expectOneLineFailure({ DATA_DIR: path.join(root, 'a-file', 'data') }, root, /DATA_DIR: .* is a file, not a folder/);
  });

  it('an unreachable REDIS_URL, before the database, WAL, secret or media folder exist', async () => {
    const root = tempDir();
    await expectOneLineFailure(
      { DATA_DIR: path.join(root, 'data'), REDIS_URL: 'redis://127.0.0.1:1' },
      root,
      /cannot reach Redis at redis:\/\/127\.0\.0\.1:1.*start Redis or unset REDIS_URL/,
    );
  });

  it('a database path under /proc (reading /proc/kmsg would block for ever)', async () => {
    const root = tempDir();
    await expectOneLineFailure({ DATA_DIR: path.join(root, 'data'), DATABASE_URL: '/proc/kmsg' }, root, /not a regular file|pseudo file system/);
    await expectOneLineFailure({ DATA_DIR: path.join(root, 'data'), DATABASE_URL: '/proc/dossier/site.db' }, root, /proc pseudo file system/);
  });

  it('invalid settings, all on one line', async () => {
    const root = tempDir();
    await expectOneLineFailure({ DATA_DIR: path.join(root, 'data'), PORT: 'eighty', LOG_LEVEL: 'loud' }, root, /invalid configuration: .*PORT.*; .*LOG_LEVEL/);
  });
});
