import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { createDb, type DbHandle } from '../src/db/create-db.js';
import type { Dialect } from '../src/db/database.js';
import { migrateToLatest } from '../src/db/migrate.js';

export const POSTGRES_URL = process.env.TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

/** The dialects a query suite runs on: both, unless the test runner found no PostgreSQL (never in CI). */
export const testDialects: Dialect[] = process.env.DOSSIER_SKIP_POSTGRES === '1' ? ['sqlite'] : ['sqlite', 'postgres'];

export interface TestDb extends DbHandle {
  /** Drops the schema or deletes the file; call in afterAll. */
  destroy(): Promise<void>;
  /** The DATABASE_URL a child process would use to reach the same data. */
  url: string;
}

/**
 * A migrated, empty database of its own: a temporary SQLite file, or a fresh PostgreSQL
 * schema, so parallel test files never see each other's rows.
 */
export async function createTestDb(dialect: Dialect): Promise<TestDb> {
  if (dialect === 'sqlite') {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dossier-test-'));
    const file = path.join(dir, 'test.db');
    const handle = createDb({ dialect: 'sqlite', file });
    await migrateToLatest(handle.db, 'sqlite');
    return {
      ...handle,
      url: file,
      destroy: async () => {
        await handle.close();
        fs.rmSync(dir, { recursive: true, force: true });
      },
    };
  }
  const schema = `t_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: POSTGRES_URL });
  await admin.connect();
  await admin.query(`create schema ${schema}`);
  await admin.end();
  const handle = createDb({ dialect: 'postgres', url: POSTGRES_URL }, { schema, poolSize: 4 });
  await migrateToLatest(handle.db, 'postgres');
  const url = `${POSTGRES_URL}${POSTGRES_URL.includes('?') ? '&' : '?'}options=${encodeURIComponent(`-c search_path=${schema}`)}`;
  return {
    ...handle,
    url,
    destroy: async () => {
      await handle.close();
      const cleanup = new pg.Client({ connectionString: POSTGRES_URL });
      await cleanup.connect();
      await cleanup.query(`drop schema if exists ${schema} cascade`);
      await cleanup.end();
    },
  };
}
