import type { Database } from '../db/database.js';
import type { ArticleRow, NewArticleRow } from './article.table.js';

export async function findArticleRowById(db: Database, id: string): Promise<ArticleRow | undefined> {
  return db.selectFrom('articles').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function isSlugTaken(db: Database, slug: string, exceptId: string | null): Promise<boolean> {
  let query = db.selectFrom('articles').select('id').where('slug', '=', slug);
  if (exceptId) query = query.where('id', '!=', exceptId);
  return (await query.executeTakeFirst()) !== undefined;
}

export async function upsertArticleRow(db: Database, row: NewArticleRow, isNew: boolean): Promise<void> {
  if (isNew) {
    await db.insertInto('articles').values(row).execute();
  } else {
    const { id, created_at: _createdAt, ...changes } = row;
    await db.updateTable('articles').set(changes).where('id', '=', id).execute();
  }
}

export interface ArticleRelations {
  authorIds: string[];
  topicIds: string[];
  tagIds: string[];
}

export async function replaceArticleRelations(db: Database, articleId: string, rel: ArticleRelations): Promise<void> {
  await db.deleteFrom('article_authors').where('article_id', '=', articleId).execute();
  await db.deleteFrom('article_topics').where('article_id', '=', articleId).execute();
  await db.deleteFrom('article_tags').where('article_id', '=', articleId).execute();
  await db
    .insertInto('article_authors')
    .values(rel.authorIds.map((user_id, position) => ({ article_id: articleId, user_id, position })))
    .execute();
  await db
    .insertInto('article_topics')
    .values(rel.topicIds.map((topic_id) => ({ article_id: articleId, topic_id })))
    .execute();
  if (rel.tagIds.length > 0) {
    await db
      .insertInto('article_tags')
      .values(rel.tagIds.map((tag_id, position) => ({ article_id: articleId, tag_id, position })))
      .execute();
  }
}

export async function insertRevision(
  db: Database,
  revision: { id: string; articleId: string; userId: string | null; title: string; dek: string; body: string; createdAt: string },
): Promise<void> {
  await db
    .insertInto('article_revisions')
    .values({
      id: revision.id,
      article_id: revision.articleId,
      user_id: revision.userId,
      title: revision.title,
      dek: revision.dek,
      body: revision.body,
      created_at: revision.createdAt,
    })
    .execute();
}

/** Which of these ids exist in a table: lets a use case name the missing one. */
export async function existingIds(
  db: Database,
  table: 'topics' | 'tags' | 'users' | 'media',
  ids: readonly string[],
): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await db.selectFrom(table).select('id').where('id', 'in', [...new Set(ids)]).execute();
  return new Set(rows.map((r) => r.id));
}

/** Scheduled articles whose time has come, oldest first. */
export async function dueScheduledArticleIds(db: Database, nowIso: string): Promise<string[]> {
  const rows = await db
    .selectFrom('articles')
    .select('id')
    .where('status', '=', 'scheduled')
    .where('published_at', '<=', nowIso)
    .orderBy('published_at')
    .limit(100)
    .execute();
  return rows.map((r) => r.id);
}

export async function setArticleStatus(db: Database, id: string, status: string, updatedAt: string): Promise<void> {
  await db.updateTable('articles').set({ status, updated_at: updatedAt }).where('id', '=', id).execute();
}

/** The approved-comment count shown on the article's cards; the comments feature keeps it in step. */
export async function recordCommentCount(db: Database, articleId: string, count: number): Promise<void> {
  await db.updateTable('articles').set({ comment_count: count }).where('id', '=', articleId).execute();
}
