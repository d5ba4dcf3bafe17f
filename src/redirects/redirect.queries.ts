import type { Database } from '../db/database.js';

export interface Redirect {
  fromPath: string;
  toPath: string;
  code: 301 | 410;
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
