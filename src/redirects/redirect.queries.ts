import { sql } from 'kysely';
import type { Database } from '../db/database.js';
import type { Redirect, RedirectCode, RedirectEntry } from './redirect.js';

export type { Redirect } from './redirect.js';

const toEntry = (row: { from_path: string; to_path: string; code: number; hits: number; last_hit_at: string | null; created_at: string }): RedirectEntry => ({
  fromPath: row.from_path,
  toPath: row.to_path,
  code: Number(row.code) as RedirectCode,
  hits: Number(row.hits),
  lastHitAt: row.last_hit_at ? new Date(row.last_hit_at) : null,
  createdAt: new Date(row.created_at),
});

const entryColumns = ['from_path', 'to_path', 'code', 'hits', 'last_hit_at', 'created_at'] as const;

/** Adds a redirect or changes where an existing one points (its hits are kept). */
export async function insertRedirect(db: Database, redirect: Redirect, now: string): Promise<void> {
  await db
    .insertInto('redirects')
    .values({ from_path: redirect.fromPath, to_path: redirect.toPath, code: redirect.code, created_at: now })
    .onConflict((oc) => oc.column('from_path').doUpdateSet({ to_path: redirect.toPath, code: redirect.code }))
    .execute();
}

export async function deleteRedirectRow(db: Database, fromPath: string): Promise<void> {
  await db.deleteFrom('redirects').where('from_path', 'in', [fromPath, fromPath.replace(/\/$/, '')]).execute();
}

export async function deleteRedirectRows(db: Database, fromPaths: readonly string[]): Promise<void> {
  if (fromPaths.length === 0) return;
  await db.deleteFrom('redirects').where('from_path', 'in', [...fromPaths]).execute();
}

export async function findRedirect(db: Database, fromPath: string): Promise<RedirectEntry | null> {
  const row = await db.selectFrom('redirects').select(entryColumns).where('from_path', '=', fromPath).executeTakeFirst();
  return row ? toEntry(row) : null;
}

export async function findRedirects(db: Database, fromPaths: readonly string[]): Promise<Map<string, RedirectEntry>> {
  if (fromPaths.length === 0) return new Map();
  const rows = await db.selectFrom('redirects').select(entryColumns).where('from_path', 'in', [...new Set(fromPaths)]).execute();
  return new Map(rows.map((r) => [r.from_path, toEntry(r)]));
}

export interface RedirectFilter {
  /** part of the from or to path */
  contains?: string;
  limit: number;
  offset: number;
}

/** The manager's list, most recently added first; a filter matches either path. */
export async function listRedirects(db: Database, filter: RedirectFilter): Promise<{ items: RedirectEntry[]; total: number }> {
  let query = db.selectFrom('redirects');
  if (filter.contains) {
    const like = `%${filter.contains.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;
    query = query.where((eb) => eb.or([eb('from_path', 'like', sql<string>`${like} escape '\\'`), eb('to_path', 'like', sql<string>`${like} escape '\\'`)]));
  }
  const [{ n }, rows] = await Promise.all([
    query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
    query.select(entryColumns).orderBy('created_at', 'desc').orderBy('from_path').limit(filter.limit).offset(filter.offset).execute(),
  ]);
  return { items: rows.map(toEntry), total: Number(n) };
}

/** Adds hits counted in memory; the later of the stored and the new last hit is kept (ISO text sorts as time). */
export async function addRedirectHits(db: Database, fromPath: string, hits: number, lastHitAt: string): Promise<void> {
  await db
    .updateTable('redirects')
    .set({
      hits: sql<number>`hits + ${hits}`,
      last_hit_at: sql<string>`case when last_hit_at is null or last_hit_at < ${lastHitAt} then ${lastHitAt} else last_hit_at end`,
    })
    .where('from_path', '=', fromPath)
    .execute();
}

/**
 * Points every redirect that led to a path under `fromPrefix` (the path itself or below it)
 * to the same place under `toPrefix`, so a move never leaves a chain of 301s behind.
 * Prefixes end with "/"; they are made of slugs, so LIKE needs no escaping.
 */
export async function retargetRedirects(db: Database, fromPrefix: string, toPrefix: string): Promise<void> {
  await db
    .updateTable('redirects')
    .set({ to_path: sql<string>`${toPrefix} || substr(to_path, ${fromPrefix.length + 1})` })
    .where('to_path', 'like', `${fromPrefix}%`)
    .execute();
}
