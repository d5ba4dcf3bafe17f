import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb, type TestDb, testDialects } from '../../test/test-db.js';
import { createDb } from '../db/create-db.js';
import { fixedClock } from '../shared/clock.js';
import { login } from './login.js';

// scripts/ sits outside the test include, so the CLI's test lives beside the use cases it drives.
const ROOT = path.resolve(import.meta.dirname, '../..');
const TSX = path.join(ROOT, 'node_modules/.bin/tsx');
const SCRIPT = path.join(ROOT, 'scripts/user-create.ts');

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

function runUserCreate(args: string[], databaseUrl: string, stdin?: string): Promise<Run> {
  return new Promise((resolve) => {
    const child = execFile(
      TSX,
      [SCRIPT, ...args],
      { cwd: ROOT, env: { PATH: process.env.PATH, HOME: process.env.HOME, DATABASE_URL: databaseUrl, LOG_LEVEL: 'silent' } },
      (error, stdout, stderr) => resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
    );
    child.stdin!.end(stdin ?? '');
  });
}

describe('npm run user:create on a fresh SQLite file', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dossier-user-create-'));
  const url = path.join(dir, 'site.db');
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  async function signIn(email: string, password: string) {
    const handle = createDb({ dialect: 'sqlite', file: url });
    try {
      return await login({ db: handle.db, clock: fixedClock('2026-11-20T12:00:00.000Z'), deviceSecret: Buffer.alloc(32, 7) }, { email, password, ip: 'test' });
    } finally {
      await handle.close();
    }
  }

  it('creates the first administrator with a generated password, printed once, that signs in', async () => {
    const run = await runUserCreate(['--email', 'Ann@Example.org', '--role', 'administrator', '--name', 'Ann Editor'], url);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Created administrator Ann Editor <ann@example.org>.');
    const password = /store it now\): (\S+)/.exec(run.stdout)?.[1];
    expect(password).toMatch(/^[\w-]{24}$/);
    const result = await signIn('ann@example.org', password!);
    expect(result.user.role).toBe('administrator');
  });

  it('takes a password from stdin, and prints none', async () => {
    const run = await runUserCreate(['--email', 'ben@example.org', '--role', 'editor', '--password-stdin'], url, 'a long enough password\n');
    expect(run.code).toBe(0);
    expect(run.stdout).not.toContain('Password');
    expect(run.stdout).toContain('Created editor ben <ben@example.org>.');
    expect((await signIn('ben@example.org', 'a long enough password')).user.name).toBe('ben');
  });

  it.each([
    [['--email', 'ann@example.org', '--role', 'editor'], undefined, 'user:create: an account for ann@example.org already exists'],
    [['--email', 'not-an-email', '--role', 'editor'], undefined, 'user:create: "not-an-email" is not an email address'],
    [['--email', 'cat@example.org', '--role', 'boss'], undefined, 'user:create: "boss" is not a role; use one of administrator, editor, author, contributor'],
    [['--email', 'cat@example.org'], undefined, 'user:create: --role is required'],
    [['--role', 'editor'], undefined, 'user:create: --email is required'],
    [['--email', 'cat@example.org', '--role', 'editor', '--admin'], undefined, "user:create: Unknown option '--admin'"],
    [['--email', 'cat@example.org', '--role', 'editor', '--password-stdin'], 'short', 'user:create: the password must have at least 10 characters'],
  ])('refuses %j with one clear line and exit code 1', async (args, stdin, message) => {
    const run = await runUserCreate(args, url, stdin);
    expect(run.code).toBe(1);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stderr).toContain(message);
    expect(run.stdout).toBe('');
  });
});

describe.each(testDialects.filter((d) => d === 'postgres'))('npm run user:create on %s', (dialect) => {
  let t: TestDb;
  beforeAll(async () => {
    t = await createTestDb(dialect);
  });
  afterAll(() => t?.destroy());

  it('creates the account in the configured database and refuses a duplicate', async () => {
    expect((await runUserCreate(['--email', 'dan@example.org', '--role', 'author'], t.url)).code).toBe(0);
    const row = await t.db.selectFrom('users').select(['email', 'role']).executeTakeFirstOrThrow();
    expect(row).toEqual({ email: 'dan@example.org', role: 'author' });
    const again = await runUserCreate(['--email', 'dan@example.org', '--role', 'author'], t.url);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('already exists');
  });
});
