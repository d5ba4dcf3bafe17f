import type { Database } from '../db/database.js';
import type { PagesTable } from './article.table.js';

export async function findPageBySlug(db: Database, slug: string): Promise<PagesTable | undefined> {
  return db.selectFrom('pages').selectAll().where('slug', '=', slug).executeTakeFirst();
}

export async function findPageById(db: Database, id: string): Promise<PagesTable | undefined> {
  return db.selectFrom('pages').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function updatePageRow(db: Database, id: string, changes: Omit<PagesTable, 'id' | 'created_at'>): Promise<void> {
  await db.updateTable('pages').set(changes).where('id', '=', id).execute();
}

export async function listPublishedPages(db: Database): Promise<Pick<PagesTable, 'id' | 'slug' | 'title' | 'updated_at'>[]> {
  return db.selectFrom('pages').select(['id', 'slug', 'title', 'updated_at']).where('status', '=', 'published').orderBy('title').execute();
}

/** Every page, drafts too, for the admin's list (never the bodies). */
export async function listAllPages(db: Database): Promise<Pick<PagesTable, 'id' | 'slug' | 'title' | 'status' | 'updated_at'>[]> {
  return db.selectFrom('pages').select(['id', 'slug', 'title', 'status', 'updated_at']).orderBy('title').execute();
}

export async function insertPage(db: Database, page: PagesTable): Promise<void> {
  await db.insertInto('pages').values(page).execute();
}

export async function deletePageRow(db: Database, id: string): Promise<void> {
  await db.deleteFrom('pages').where('id', '=', id).execute();
}

export async function isTopLevelTopicSlug(db: Database, slug: string): Promise<boolean> {
  const row = await db.selectFrom('topics').select('id').where('path', '=', slug).executeTakeFirst();
  return row !== undefined;
}

/** Which of these first segments a page or a top-level topic already has. */
export async function takenTopLevelSlugs(db: Database, slugs: readonly string[]): Promise<Set<string>> {
  if (slugs.length === 0) return new Set();
  const [pages, topics] = await Promise.all([
    db.selectFrom('pages').select('slug').where('slug', 'in', [...slugs]).execute(),
    db.selectFrom('topics').select('path').where('path', 'in', [...slugs]).execute(),
  ]);
  return new Set([...pages.map((p) => p.slug), ...topics.map((t) => t.path)]);
}

/** Whether a redirect row answers for /<slug>/: it would hide a page created there. */
export async function isRedirectedPagePath(db: Database, slug: string): Promise<boolean> {
  const row = await db.selectFrom('redirects').select('from_path').where('from_path', 'in', [`/${slug}/`, `/${slug}`]).executeTakeFirst();
  return row !== undefined;
}
