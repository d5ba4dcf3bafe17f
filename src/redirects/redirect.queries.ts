import type { Database } from '../db/database.js';

export interface Redirect {
  fromPath: string;
  toPath: string;
  code: 301 | 410;
}

/** The redirect for a path, tried as given and with or without its trailing slash. */
export async function findRedirect(db: Database, path: string): Promise<Redirect | null> {
  const variants = [path, path.endsWith('/') ? path.slice(0, -1) : `${path}/`].filter(Boolean);
  const rows = await db.selectFrom('redirects').select(['from_path', 'to_path', 'code']).where('from_path', 'in', variants).execute();
  const row = rows.find((r) => r.from_path === path) ?? rows[0];
  return row ? { fromPath: row.from_path, toPath: row.to_path, code: row.code === 410 ? 410 : 301 } : null;
}

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
