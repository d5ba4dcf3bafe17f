import fs from 'node:fs/promises';
import path from 'node:path';
import { sql } from 'kysely';
import type { Database, Dialect } from '../db/database.js';
import { emptyDatabase } from '../db/empty-database.js';
import { listMediaIds } from '../media/index.js';
import { readInternalSetting, writeInternalSetting } from '../settings/index.js';

/**
 * Where the demo seed stands, in a settings row: 'started' is the seed's first write and
 * 'complete' its last, so a database that says 'started' holds a demo cut short (a killed
 * process) and nothing else; no row means never seeded.
 */
export type SeedState = 'started' | 'complete' | null;

const KEY = 'demo_seed';

export async function readSeedState(db: Database): Promise<SeedState> {
  const value = await readInternalSetting(db, KEY);
  return value === 'started' || value === 'complete' ? value : null;
}

export async function writeSeedState(db: Database, state: 'started' | 'complete'): Promise<void> {
  await writeInternalSetting(db, KEY, state);
}

/** Does this start have demo work to do (seed an empty database, or finish an interrupted seed)? */
export async function demoSeedNeeded(db: Database): Promise<boolean> {
  const state = await readSeedState(db);
  if (state === 'started') return true;
  if (state === 'complete') return false;
  const user = await db.selectFrom('users').select('id').limit(1).executeTakeFirst();
  return user === undefined;
}

/**
 * Runs `work` while holding the database's demo-seed lock: on PostgreSQL a session
 * advisory lock (per schema), so of several processes starting together on one empty
 * database one seeds and the others wait, then find it seeded. A killed holder's session
 * ends and frees the lock. SQLite serves one process per file, so it needs none.
 */
export async function withSeedLock<T>(db: Database, dialect: Dialect, work: () => Promise<T>): Promise<T> {
  if (dialect !== 'postgres') return work();
  return db.connection().execute(async (conn) => {
    await sql`select pg_advisory_lock(hashtext('dossier demo seed ' || current_schema()))`.execute(conn);
    try {
      return await work();
    } finally {
      await sql`select pg_advisory_unlock(hashtext('dossier demo seed ' || current_schema()))`.execute(conn);
    }
  });
}

/**
 * Removes a demo cut short: every row (the demo owned the database from its first write,
 * and `ensureDemoSeeded` refuses when a non-demo account appeared since) and the media
 * files it stored, temporary files of interrupted writes included.
 */
export async function wipePartialDemo(db: Database, mediaDir: string): Promise<void> {
  const ids = new Set(await listMediaIds(db));
  await emptyDatabase(db);
  for (const dir of [mediaDir, path.join(mediaDir, 'originals')]) {
    const names = await fs.readdir(dir).catch(() => [] as string[]);
    for (const name of names) {
      if (ids.has(name.slice(0, 26)) || name.endsWith('.tmp')) await fs.rm(path.join(dir, name), { force: true });
    }
  }
}
