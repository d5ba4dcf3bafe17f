import type { Database } from '../db/database.js';
import type { ArticleRevisionsTable, ArticleRow, NewArticleRow } from './article.table.js';
import { rowChunks } from './row-chunks.js';

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
  await insertArticleRelations(db, [{ articleId, ...rel }]);
}

/** The authors (in order), topics and tags (in order) of new articles, in multi-row statements. */
export async function insertArticleRelations(db: Database, relations: readonly (ArticleRelations & { articleId: string })[]): Promise<void> {
  const authors = relations.flatMap((r) => r.authorIds.map((user_id, position) => ({ article_id: r.articleId, user_id, position })));
  const topics = relations.flatMap((r) => r.topicIds.map((topic_id) => ({ article_id: r.articleId, topic_id })));
  const tags = relations.flatMap((r) => r.tagIds.map((tag_id, position) => ({ article_id: r.articleId, tag_id, position })));
  for (const chunk of rowChunks(authors)) await db.insertInto('article_authors').values(chunk).execute();
  for (const chunk of rowChunks(topics)) await db.insertInto('article_topics').values(chunk).execute();
  for (const chunk of rowChunks(tags)) await db.insertInto('article_tags').values(chunk).execute();
}

export async function insertArticleRows(db: Database, rows: readonly NewArticleRow[]): Promise<void> {
  for (const chunk of rowChunks(rows)) await db.insertInto('articles').values(chunk).execute();
}

export async function insertRevisions(db: Database, revisions: readonly ArticleRevisionsTable[]): Promise<void> {
  for (const chunk of rowChunks(revisions)) await db.insertInto('article_revisions').values(chunk).execute();
}

/** Which of these slugs articles already use. */
export async function findTakenSlugs(db: Database, slugs: readonly string[]): Promise<Set<string>> {
  const taken = new Set<string>();
  for (const chunk of rowChunks([...new Set(slugs)], 1000)) {
    for (const r of await db.selectFrom('articles').select('slug').where('slug', 'in', chunk).execute()) taken.add(r.slug);
  }
  return taken;
}

/** Which of these ids exist in a table: lets a use case name the missing one. */
export async function existingIds(
  db: Database,
  table: 'topics' | 'tags' | 'users' | 'media',
  ids: readonly string[],
): Promise<Set<string>> {
  const found = new Set<string>();
  for (const chunk of rowChunks([...new Set(ids)], 1000)) {
    for (const r of await db.selectFrom(table).select('id').where('id', 'in', chunk).execute()) found.add(r.id);
  }
  return found;
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

/**
 * The approved-comment counts of many articles, recounted from the comments table a few
 * hundred per statement: after a bulk import of articles and their comments.
 */
export async function recountCommentCounts(db: Database, articleIds: readonly string[]): Promise<void> {
  for (let i = 0; i < articleIds.length; i += 500) {
    await db
      .updateTable('articles')
      .set((eb) => ({
        comment_count: eb
          .selectFrom('comments')
          .select(eb.fn.countAll<number>().as('n'))
          .whereRef('comments.article_id', '=', 'articles.id')
          .where('comments.status', '=', 'approved'),
      }))
      .where('id', 'in', articleIds.slice(i, i + 500))
      .execute();
  }
}
