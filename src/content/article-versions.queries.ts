import { sql } from 'kysely';
import type { Database } from '../db/database.js';
import type { ArticleDraftsTable, ArticleRowUpdate, NewArticleRow } from './article.table.js';

/**
 * Updates an article's row and makes the next version, when it is still at `expectedVersion`
 * (null: whatever version it is at). The version check and the write are one statement, so
 * of two saves from the same version exactly one succeeds. Answers the new version, or null
 * when another save came first.
 */
export async function updateArticleAtVersion(
  db: Database,
  id: string,
  changes: ArticleRowUpdate,
  expectedVersion: number | null,
): Promise<number | null> {
  let query = db
    .updateTable('articles')
    .set({ ...changes, version: sql<number>`version + 1` })
    .where('id', '=', id);
  if (expectedVersion !== null) query = query.where('version', '=', expectedVersion);
  const row = await query.returning('version').executeTakeFirst();
  return row ? Number(row.version) : null;
}

/** The stored row minus what an update never changes. */
export function rowChanges(row: NewArticleRow): ArticleRowUpdate {
  const { id: _id, created_at: _createdAt, ...changes } = row;
  return changes;
}

export interface VersionHolder {
  version: number;
  editedBy: string | null;
  editedAt: string;
}

/** Who made an article's current version, and when, by name (for the conflict notice). */
export async function findVersionHolder(db: Database, id: string): Promise<VersionHolder | undefined> {
  const row = await db
    .selectFrom('articles')
    .leftJoin('users', 'users.id', 'articles.edited_by')
    .select(['articles.version', 'articles.edited_at', 'articles.updated_at', 'users.name'])
    .where('articles.id', '=', id)
    .executeTakeFirst();
  if (!row) return undefined;
  return { version: Number(row.version), editedBy: row.name ?? null, editedAt: row.edited_at ?? row.updated_at };
}

export async function upsertWorkingCopy(db: Database, draft: ArticleDraftsTable): Promise<void> {
  const { article_id: _id, ...changes } = draft;
  await db
    .insertInto('article_drafts')
    .values(draft)
    .onConflict((oc) => oc.column('article_id').doUpdateSet(changes))
    .execute();
}

export async function deleteWorkingCopy(db: Database, articleId: string): Promise<void> {
  await db.deleteFrom('article_drafts').where('article_id', '=', articleId).execute();
}

export interface WorkingCopyRow {
  fields: string;
  baseVersion: number;
  savedBy: string | null;
  savedByName: string | null;
  savedAt: string;
}

export async function findWorkingCopy(db: Database, articleId: string): Promise<WorkingCopyRow | undefined> {
  const row = await db
    .selectFrom('article_drafts')
    .leftJoin('users', 'users.id', 'article_drafts.saved_by')
    .select(['article_drafts.fields', 'article_drafts.base_version', 'article_drafts.saved_by', 'article_drafts.saved_at', 'users.name'])
    .where('article_drafts.article_id', '=', articleId)
    .executeTakeFirst();
  if (!row) return undefined;
  return { fields: row.fields, baseVersion: Number(row.base_version), savedBy: row.saved_by, savedByName: row.name ?? null, savedAt: row.saved_at };
}

/** The article's authors, in byline order. */
export async function findAuthorIds(db: Database, articleId: string): Promise<string[]> {
  const rows = await db.selectFrom('article_authors').select('user_id').where('article_id', '=', articleId).orderBy('position').execute();
  return rows.map((r) => r.user_id);
}
