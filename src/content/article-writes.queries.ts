import { sql } from 'kysely';
import type { Database } from '../db/database.js';
import type { ArticleRow, NewArticleRevisionRow, NewArticleRow } from './article.table.js';
import { rowChunks } from '../shared/row-chunks.js';

export async function findArticleRowById(db: Database, id: string): Promise<ArticleRow | undefined> {
  return db.selectFrom('articles').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function isSlugTaken(db: Database, slug: string, exceptId: string | null): Promise<boolean> {
  let query = db.selectFrom('articles').select('id').where('slug', '=', slug);
  if (exceptId) query = query.where('id', '!=', exceptId);
  return (await query.executeTakeFirst()) !== undefined;
}

export async function insertArticleRow(db: Database, row: NewArticleRow): Promise<void> {
  await db.insertInto('articles').values(row).execute();
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

export async function insertRevisions(db: Database, revisions: readonly NewArticleRevisionRow[]): Promise<void> {
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

/**
 * The claim of a due scheduled article: the one statement whose row count decides which
 * writer publishes it. False when another writer (another process) already did, or when it
 * was unscheduled or moved meanwhile.
 */
export async function claimScheduledArticle(db: Database, id: string, nowIso: string): Promise<boolean> {
  const result = await db
    .updateTable('articles')
    .set({ status: 'published', updated_at: nowIso, version: sql<number>`version + 1` })
    .where('id', '=', id)
    .where('status', '=', 'scheduled')
    .where('published_at', '<=', nowIso)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/**
 * Takes the write lock on these articles' rows (a write that changes nothing), in id order so
 * two writers cannot deadlock: the comments feature holds it while it recounts, so two
 * comments posted at once on PostgreSQL cannot both count without the other. SQLite already
 * runs one writing transaction at a time.
 */
export async function lockCommentCounts(db: Database, articleIds: readonly string[]): Promise<void> {
  for (const id of [...new Set(articleIds)].sort()) {
    await db.updateTable('articles').set({ comment_count: sql<number>`comment_count` }).where('id', '=', id).execute();
  }
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

/** Takes an article to the trash, keeping the status it had for the restore. */
export async function moveToTrash(db: Database, id: string, nowIso: string): Promise<void> {
  await db
    .updateTable('articles')
    .set({ status: 'trashed', status_before_trash: sql<string>`status`, deleted_at: nowIso, updated_at: nowIso, version: sql<number>`version + 1` })
    .where('id', '=', id)
    .where('status', '!=', 'trashed')
    .execute();
}

/** Brings an article back from the trash in the status it had. */
export async function restoreFromTrash(db: Database, id: string, nowIso: string): Promise<void> {
  await db
    .updateTable('articles')
    .set({ status: sql<string>`coalesce(status_before_trash, 'draft')`, status_before_trash: null, deleted_at: null, updated_at: nowIso, version: sql<number>`version + 1` })
    .where('id', '=', id)
    .where('status', '=', 'trashed')
    .execute();
}

/** A status change made by a workflow action (unpublish, withdraw): a new version, made by `editorId`. */
export async function setArticleStatus(db: Database, id: string, status: string, editorId: string | null, nowIso: string): Promise<void> {
  await db
    .updateTable('articles')
    .set({ status, updated_at: nowIso, edited_by: editorId, edited_at: nowIso, version: sql<number>`version + 1` })
    .where('id', '=', id)
    .execute();
}

/** Articles in the trash since before `cutoffIso`. */
export async function trashedBefore(db: Database, cutoffIso: string): Promise<string[]> {
  const rows = await db
    .selectFrom('articles')
    .select('id')
    .where('status', '=', 'trashed')
    .where('deleted_at', '<=', cutoffIso)
    .orderBy('deleted_at')
    .limit(500)
    .execute();
  return rows.map((r) => r.id);
}

/** Deletes a trashed article for good; its relations, revisions, working copy and comments go with it (foreign keys). */
export async function deleteTrashedArticle(db: Database, id: string): Promise<boolean> {
  const result = await db.deleteFrom('articles').where('id', '=', id).where('status', '=', 'trashed').executeTakeFirst();
  return Number(result.numDeletedRows) === 1;
}

export async function setPreviewToken(db: Database, id: string, token: string | null): Promise<void> {
  await db.updateTable('articles').set({ preview_token: token }).where('id', '=', id).execute();
}

export async function findArticleIdByPreviewToken(db: Database, token: string): Promise<string | undefined> {
  const row = await db.selectFrom('articles').select('id').where('preview_token', '=', token).executeTakeFirst();
  return row?.id;
}

/** Publishes (or schedules) a stored article as it is, at the time it has or now. */
export async function setPublication(db: Database, id: string, status: 'published' | 'scheduled', publishedAt: string, editorId: string, nowIso: string): Promise<void> {
  await db
    .updateTable('articles')
    .set({ status, published_at: publishedAt, updated_at: nowIso, edited_by: editorId, edited_at: nowIso, version: sql<number>`version + 1` })
    .where('id', '=', id)
    .execute();
}

/** A revision copying the stored text as it is now (a publish without a text change). */
export async function insertRevisionOfStored(db: Database, revision: { id: string; articleId: string; userId: string; nowIso: string; action: string }): Promise<void> {
  await db
    .insertInto('article_revisions')
    .columns(['id', 'article_id', 'user_id', 'title', 'dek', 'body', 'created_at', 'version', 'action'])
    .expression((eb) =>
      eb
        .selectFrom('articles')
        .select([
          eb.val(revision.id).as('id'),
          'articles.id',
          eb.val(revision.userId).as('user_id'),
          'articles.title',
          'articles.dek',
          'articles.body',
          eb.val(revision.nowIso).as('created_at'),
          'articles.version',
          eb.val(revision.action).as('action'),
        ])
        .where('articles.id', '=', revision.articleId),
    )
    .execute();
}
