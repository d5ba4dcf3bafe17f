/** What the admin reads about articles: lists by status with filters, counts, relations, revisions. */
import { sql } from 'kysely';
import type { Database } from '../db/database.js';
import { articleUrl, isPublic } from './article.js';
import type { ArticleRevisionRow } from './article.table.js';

export async function findArticleRelations(
  db: Database,
  articleId: string,
): Promise<{ authorIds: string[]; topicIds: string[]; tags: { id: string; name: string }[] }> {
  const [authors, topics, tags] = await Promise.all([
    db.selectFrom('article_authors').select('user_id').where('article_id', '=', articleId).orderBy('position').execute(),
    db.selectFrom('article_topics').select('topic_id').where('article_id', '=', articleId).orderBy('topic_id').execute(),
    db
      .selectFrom('article_tags')
      .innerJoin('tags', 'tags.id', 'article_tags.tag_id')
      .select(['tags.id', 'tags.name'])
      .where('article_tags.article_id', '=', articleId)
      .orderBy('article_tags.position')
      .execute(),
  ]);
  return { authorIds: authors.map((a) => a.user_id), topicIds: topics.map((t) => t.topic_id), tags };
}

export interface StaffListFilter {
  /** a stored status, or 'all' (everything but the trash) */
  status: string;
  authorId: string | null;
  topicId: string | null;
  /** [from, to) ISO instants of a month, on the publish time (else the last change) */
  between: { from: string; to: string } | null;
  titleContains: string;
  limit: number;
  offset: number;
}

export interface StaffListRow {
  id: string;
  slug: string;
  title: string;
  status: string;
  published_at: string | null;
  updated_at: string;
  deleted_at: string | null;
  topic_name: string;
  topic_path: string;
}

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

function filtered(db: Database, filter: Omit<StaffListFilter, 'limit' | 'offset' | 'status'>) {
  let query = db.selectFrom('articles').innerJoin('topics', 'topics.id', 'articles.primary_topic_id');
  if (filter.authorId) {
    const authorId = filter.authorId;
    query = query.where((eb) =>
      eb.exists(eb.selectFrom('article_authors').select('article_authors.article_id').whereRef('article_authors.article_id', '=', 'articles.id').where('article_authors.user_id', '=', authorId)),
    );
  }
  if (filter.topicId) {
    const topicId = filter.topicId;
    query = query.where((eb) =>
      eb.exists(eb.selectFrom('article_topics').select('article_topics.article_id').whereRef('article_topics.article_id', '=', 'articles.id').where('article_topics.topic_id', '=', topicId)),
    );
  }
  if (filter.between) {
    const { from, to } = filter.between;
    query = query.where(sql<string>`coalesce(articles.published_at, articles.updated_at)`, '>=', from).where(sql<string>`coalesce(articles.published_at, articles.updated_at)`, '<', to);
  }
  const title = filter.titleContains.trim().toLowerCase();
  if (title) query = query.where(sql<boolean>`lower(articles.title) like ${`%${escapeLike(title)}%`} escape '\\'`);
  return query;
}

const STAFF_LIST_COLUMNS = ['articles.id', 'articles.slug', 'articles.title', 'articles.status', 'articles.published_at', 'articles.updated_at', 'articles.deleted_at', 'topics.name as topic_name', 'topics.path as topic_path'] as const;

/** One page of a staff list, most recently changed first, and how many match in all. */
export async function listStaffArticleRows(db: Database, filter: StaffListFilter): Promise<{ rows: StaffListRow[]; total: number }> {
  const base = filtered(db, filter);
  const withStatus = filter.status === 'all' ? base.where('articles.status', '!=', 'trashed') : base.where('articles.status', '=', filter.status);
  const [rows, count] = await Promise.all([
    withStatus
      .select(STAFF_LIST_COLUMNS)
      .orderBy('articles.updated_at', 'desc')
      .orderBy('articles.id', 'desc')
      .limit(filter.limit)
      .offset(filter.offset)
      .execute(),
    withStatus.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.n) };
}

/** The staff list's rows of these articles (a search's page), in no particular order. */
export async function findStaffArticleRows(db: Database, articleIds: readonly string[]): Promise<StaffListRow[]> {
  if (articleIds.length === 0) return [];
  return db.selectFrom('articles').innerJoin('topics', 'topics.id', 'articles.primary_topic_id').select(STAFF_LIST_COLUMNS).where('articles.id', 'in', [...articleIds]).execute();
}

/** How many articles the filters match, by status (the list's tabs). */
export async function countStaffArticlesByStatus(db: Database, filter: Omit<StaffListFilter, 'limit' | 'offset' | 'status'>): Promise<Record<string, number>> {
  const rows = await filtered(db, filter)
    .select(['articles.status', (eb) => eb.fn.countAll<number>().as('n')])
    .groupBy('articles.status')
    .execute();
  return Object.fromEntries(rows.map((r) => [r.status, Number(r.n)]));
}

/** The authors of these articles, by article, in byline order. */
export async function authorNamesOf(db: Database, articleIds: readonly string[]): Promise<Map<string, { id: string; name: string }[]>> {
  const byArticle = new Map<string, { id: string; name: string }[]>();
  if (articleIds.length === 0) return byArticle;
  const rows = await db
    .selectFrom('article_authors')
    .innerJoin('users', 'users.id', 'article_authors.user_id')
    .select(['article_authors.article_id', 'users.id', 'users.name'])
    .where('article_authors.article_id', 'in', [...articleIds])
    .orderBy('article_authors.position')
    .execute();
  for (const r of rows) {
    const list = byArticle.get(r.article_id) ?? [];
    list.push({ id: r.id, name: r.name });
    byArticle.set(r.article_id, list);
  }
  return byArticle;
}

export async function listStaffNames(db: Database): Promise<{ id: string; name: string; role: string }[]> {
  return db.selectFrom('users').select(['id', 'name', 'role']).orderBy('name').execute();
}

export async function listRecentImages(db: Database, limit: number): Promise<{ id: string; file: string; alt: string }[]> {
  return db.selectFrom('media').select(['id', 'file', 'alt']).orderBy('created_at', 'desc').orderBy('id', 'desc').limit(limit).execute();
}

export interface RevisionListRow {
  id: string;
  version: number | null;
  action: string;
  title: string;
  created_at: string;
  user_name: string | null;
}

export async function listRevisionRows(db: Database, articleId: string): Promise<RevisionListRow[]> {
  return db
    .selectFrom('article_revisions')
    .leftJoin('users', 'users.id', 'article_revisions.user_id')
    .select(['article_revisions.id', 'article_revisions.version', 'article_revisions.action', 'article_revisions.title', 'article_revisions.created_at', 'users.name as user_name'])
    .where('article_revisions.article_id', '=', articleId)
    .orderBy('article_revisions.created_at', 'desc')
    .orderBy('article_revisions.id', 'desc')
    .execute();
}

export async function findRevisionRow(db: Database, articleId: string, revisionId: string): Promise<ArticleRevisionRow | undefined> {
  return db.selectFrom('article_revisions').selectAll().where('id', '=', revisionId).where('article_id', '=', articleId).executeTakeFirst();
}

export interface QueueRow {
  id: string;
  title: string;
  status: string;
  published_at: string | null;
  updated_at: string;
}

/** Articles in one status for the dashboard: pending by last change, scheduled by time to come. */
export async function listQueueRows(db: Database, status: 'pending' | 'scheduled', limit: number): Promise<QueueRow[]> {
  const query = db.selectFrom('articles').select(['id', 'title', 'status', 'published_at', 'updated_at']).where('status', '=', status);
  return (status === 'scheduled' ? query.orderBy('published_at', 'asc') : query.orderBy('updated_at', 'desc')).orderBy('id').limit(limit).execute();
}

export interface ActivityRow {
  article_id: string;
  title: string;
  status: string;
  action: string;
  created_at: string;
  user_name: string | null;
}

/** The latest saves, publishes and restores, newest first. */
export async function listActivityRows(db: Database, limit: number): Promise<ActivityRow[]> {
  return db
    .selectFrom('article_revisions')
    .innerJoin('articles', 'articles.id', 'article_revisions.article_id')
    .leftJoin('users', 'users.id', 'article_revisions.user_id')
    .select(['article_revisions.article_id', 'articles.title', 'articles.status', 'article_revisions.action', 'article_revisions.created_at', 'users.name as user_name'])
    .where('articles.status', '!=', 'trashed')
    .orderBy('article_revisions.created_at', 'desc')
    .orderBy('article_revisions.id', 'desc')
    .limit(limit)
    .execute();
}

/** The titles of these articles, by id (bulk actions name what they refused). */
export async function findArticleTitles(db: Database, ids: readonly string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db.selectFrom('articles').select(['id', 'title']).where('id', 'in', [...ids]).execute();
  return new Map(rows.map((r) => [r.id, r.title]));
}

/** The title of each article and its public address while readers can open it (the comment queue links each comment to its place). */
export async function findArticleLinks(db: Database, ids: readonly string[]): Promise<Map<string, { title: string; url: string | null }>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .selectFrom('articles')
    .innerJoin('topics', 'topics.id', 'articles.primary_topic_id')
    .select(['articles.id', 'articles.title', 'articles.slug', 'articles.status', 'topics.path as topic_path'])
    .where('articles.id', 'in', [...ids])
    .execute();
  return new Map(rows.map((r) => [r.id, { title: r.title, url: isPublic(r.status) ? articleUrl(r.topic_path, r.slug) : null }]));
}
