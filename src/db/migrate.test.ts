import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { createTestDb, testDialects, type TestDb } from '../../test/test-db.js';
import { createDb, DatabaseOpenError } from './create-db.js';
import { migrateToLatest } from './migrate.js';

describe.each(testDialects)('migrations on %s', (dialect) => {
  const dbs: TestDb[] = [];
  afterAll(async () => Promise.all(dbs.map((d) => d.destroy())));

  it('creates every entity of the content model and runs twice without change', async () => {
    const t = await createTestDb(dialect);
    dbs.push(t);
    const tables = (await t.db.introspection.getTables()).map((x) => x.name);
    for (const name of ['articles', 'pages', 'topics', 'tags', 'users', 'media', 'comments', 'redirects', 'settings', 'sessions', 'article_revisions']) {
      expect(tables).toContain(name);
    }
    expect(await migrateToLatest(t.db, dialect)).toEqual([]);
  });
});

describe('opening SQLite', () => {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'dossier-open-'));
  afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

  it('creates the file and its folder, with WAL and synchronous=FULL', async () => {
    const file = path.join(tmp, 'nested', 'deeper', 'site.db');
    const handle = createDb({ dialect: 'sqlite', file });
    await migrateToLatest(handle.db, 'sqlite');
    const mode = await sql<{ journal_mode: string }>`pragma journal_mode`.execute(handle.db);
    const sync = await sql<{ synchronous: number }>`pragma synchronous`.execute(handle.db);
    await handle.close();
    expect(fs.existsSync(file)).toBe(true);
    expect(mode.rows[0]?.journal_mode).toBe('wal');
    expect(sync.rows[0]?.synchronous).toBe(2); // FULL
  });

  it('refuses a file that is not SQLite, leaving it untouched', () => {
    const file = path.join(tmp, 'notes.txt');
    fs.writeFileSync(file, 'these are my notes, not a database');
    expect(() => createDb({ dialect: 'sqlite', file })).toThrow(/is not a SQLite database/);
    expect(fs.readFileSync(file, 'utf8')).toBe('these are my notes, not a database');
  });

  it('refuses a SQLite database that belongs to another program', async () => {
    const file = path.join(tmp, 'other.db');
    const other = createDb({ dialect: 'sqlite', file });
    await sql`create table invoices (id integer primary key)`.execute(other.db);
    await expect(migrateToLatest(other.db, 'sqlite')).rejects.toThrow(DatabaseOpenError);
    await expect(migrateToLatest(other.db, 'sqlite')).rejects.toThrow(/not a Dossier database/);
    await other.close();
  });

  it('explains a folder that cannot be created', () => {
    const blocker = path.join(tmp, 'a-file');
    fs.writeFileSync(blocker, '');
    expect(() => createDb({ dialect: 'sqlite', file: path.join(blocker, 'sub', 'x.db') })).toThrow(
      /cannot create the database folder .*set DATABASE_URL/,
    );
  });
});
