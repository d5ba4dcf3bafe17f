import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createDb } from '../db/create-db.js';
import type { Database } from '../db/database.js';
import { generateDemoSite } from '../demo/index.js';
import { runMain } from '../../test/spawn-main.js';
import { createTestDb, testDialects } from '../../test/test-db.js';
import { readSeedState } from './seed-state.js';

const site = generateDemoSite(new Date());
const SERVING = /Dossier is serving/;
const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
});

function tempDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dossier-seed-'));
  dirs.push(dir);
  return dir;
}

async function expectCompleteDemo(db: Database, mediaDir?: string): Promise<void> {
  const count = async (table: 'articles' | 'pages' | 'users' | 'topics' | 'media') =>
    Number((await db.selectFrom(table).select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
  expect(await readSeedState(db)).toBe('complete');
  expect(await count('articles')).toBe(site.articles.length);
  expect(await count('pages')).toBe(site.pages.length);
  expect(await count('users')).toBe(site.authors.length);
  expect(await count('topics')).toBe(site.topics.length);
  expect(await count('media')).toBe(site.images.length + 1); // and the logo
  const published = await db.selectFrom('articles').select('id').where('status', '=', 'published').execute();
  expect(published).toHaveLength(site.articles.length);
  if (mediaDir) {
    // One original per media row: nothing left over from the runs that were killed.
    expect(fs.readdirSync(path.join(mediaDir, 'originals')).sort()).toEqual((await db.selectFrom('media').select('id').execute()).map((m) => m.id).sort());
  }
}

describe('the demo seed is all or nothing', () => {
  it('a process killed (SIGKILL) at several points of the seed leaves a start that ends with the complete demo', async () => {
    const dataDir = path.join(tempDir(), 'data');
    const env = { DATA_DIR: dataDir, PORT: '0', HOST: '127.0.0.1', SITE_URL: 'http://127.0.0.1' };
    // Each start finds the previous one's partial demo, removes it and is killed further on.
    for (const step of ['users', 'article:16', 'images', 'pages']) {
      const run = await runMain({ ...env, DOSSIER_TEST_SEED_KILL_AT: step });
      expect(run.signal, `${step}: ${run.stderr}`).toBe('SIGKILL');
    }
    const handle = createDb({ dialect: 'sqlite', file: path.join(dataDir, 'dossier.db') });
    try {
      expect(await readSeedState(handle.db)).toBe('started');
      expect(Number((await handle.db.selectFrom('articles').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n)).toBe(site.articles.length);
    } finally {
      await handle.close();
    }
    const last = await runMain(env, { stopWhen: SERVING });
    expect(last.code, last.stderr).toBe(0);
    expect(last.stdout).toMatch(/cut short last time: removing the partial demo/);
    const after = createDb({ dialect: 'sqlite', file: path.join(dataDir, 'dossier.db') });
    try {
      await expectCompleteDemo(after.db, path.join(dataDir, 'media'));
    } finally {
      await after.close();
    }
    // And a complete demo is left alone on the next start.
    const again = await runMain(env, { stopWhen: SERVING });
    expect(again.stdout).not.toMatch(/demo/);
  }, 180_000);

  it.runIf(testDialects.includes('postgres'))('three processes starting together on one empty PostgreSQL database seed it exactly once', async () => {
    const testDb = await createTestDb('postgres');
    try {
      const runs = await Promise.all(
        [0, 1, 2].map(() =>
          runMain({ DATABASE_URL: testDb.url, DATA_DIR: path.join(tempDir(), 'data'), PORT: '0', HOST: '127.0.0.1' }, { stopWhen: SERVING, timeoutMs: 120_000 }),
        ),
      );
      for (const run of runs) expect(run.code, run.stderr).toBe(0);
      expect(runs.filter((r) => /writing the demo site/.test(r.stdout))).toHaveLength(1);
      await expectCompleteDemo(testDb.db);
    } finally {
      await testDb.destroy();
    }
  }, 180_000);
});
