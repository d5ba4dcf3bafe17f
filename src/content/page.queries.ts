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

export async function insertPage(db: Database, page: PagesTable): Promise<void> {
  await db.insertInto('pages').values(page).execute();
}

export async function isTopLevelTopicSlug(db: Database, slug: string): Promise<boolean> {
  const row = await db.selectFrom('topics').select('id').where('path', '=', slug).executeTakeFirst();
  return row !== undefined;
}
