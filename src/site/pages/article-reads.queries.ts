import type { Database } from '../../db/database.js';
import type { ArticleRow } from '../../content/article.table.js';
import type { ListKind } from '../../content/listing.queries.js';

/** The columns a list shows: never the body. */
export const SUMMARY_COLUMNS = [
  'articles.id',
  'articles.slug',
  'articles.title',
  'articles.dek',
  'articles.excerpt',
  'articles.published_at',
  'articles.updated_at',
  'articles.primary_topic_id',
  'articles.featured_media_id',
  'articles.word_count',
  'articles.comment_count',
] as const;
export type SummaryRow = Pick<ArticleRow, 'id' | 'slug' | 'title' | 'dek' | 'excerpt' | 'published_at' | 'updated_at' | 'primary_topic_id' | 'featured_media_id' | 'word_count' | 'comment_count'>;

export interface Window {
  limit: number;
  offset: number;
}

export async function findArticleById(db: Database, id: string): Promise<ArticleRow | undefined> {
  return db.selectFrom('articles').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function listLatestPublished(db: Database, window: Window, excludeIds: string[] = []): Promise<SummaryRow[]> {
  let query = db
    .selectFrom('articles')
    .select(SUMMARY_COLUMNS)
    .where('status', '=', 'published')
    .orderBy('published_at', 'desc')
    .orderBy('id', 'desc');
  if (excludeIds.length) query = query.where('id', 'not in', excludeIds);
  return query.limit(window.limit).offset(window.offset).execute();
}

export async function countPublished(db: Database): Promise<number> {
  const row = await db
    .selectFrom('articles')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('status', '=', 'published')
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** The lead story: the latest featured article, else none. */
export async function findLeadStory(db: Database): Promise<SummaryRow | undefined> {
  return db
    .selectFrom('articles')
    .select(SUMMARY_COLUMNS)
    .where('status', '=', 'published')
    .where('is_featured', '=', 1)
    .orderBy('published_at', 'desc')
    .limit(1)
    .executeTakeFirst();
}

export async function listFromListing(db: Database, kind: ListKind, listId: string, window: Window): Promise<SummaryRow[]> {
  return db
    .selectFrom('article_listings')
    .innerJoin('articles', 'articles.id', 'article_listings.article_id')
    .select(SUMMARY_COLUMNS)
    .where('article_listings.list_kind', '=', kind)
    .where('article_listings.list_id', '=', listId)
    .orderBy('article_listings.published_at', 'desc')
    .orderBy('article_listings.article_id', 'desc')
    .limit(window.limit)
    .offset(window.offset)
    .execute();
}

/** A list's size, kept in list_counts by every write to its entries. */
export async function countListing(db: Database, kind: ListKind, listId: string): Promise<number> {
  const row = await db.selectFrom('list_counts').select('count').where('list_kind', '=', kind).where('list_id', '=', listId).executeTakeFirst();
  return row?.count ?? 0;
}

/** Published articles in [from, to), newest first: a month of the date archive. */
export async function listPublishedBetween(db: Database, from: string, to: string, window: Window): Promise<SummaryRow[]> {
  return db
    .selectFrom('articles')
    .select(SUMMARY_COLUMNS)
    .where('status', '=', 'published')
    .where('published_at', '>=', from)
    .where('published_at', '<', to)
    .orderBy('published_at', 'desc')
    .orderBy('id', 'desc')
    .limit(window.limit)
    .offset(window.offset)
    .execute();
}

export async function countPublishedBetween(db: Database, from: string, to: string): Promise<number> {
  const row = await db
    .selectFrom('articles')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('status', '=', 'published')
    .where('published_at', '>=', from)
    .where('published_at', '<', to)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Publish times of every published article, newest first, for the archive's month list. */
export async function listPublishTimes(db: Database): Promise<string[]> {
  const rows = await db
    .selectFrom('articles')
    .select('published_at')
    .where('status', '=', 'published')
    .orderBy('published_at', 'desc')
    .execute();
  return rows.map((r) => r.published_at!);
}

export async function firstPublishTimeFrom(db: Database, from: string): Promise<string | null> {
  const row = await db
    .selectFrom('articles')
    .select('published_at')
    .where('status', '=', 'published')
    .where('published_at', '>=', from)
    .orderBy('published_at', 'asc')
    .limit(1)
    .executeTakeFirst();
  return row?.published_at ?? null;
}

export async function lastPublishTimeBefore(db: Database, before: string): Promise<string | null> {
  const row = await db
    .selectFrom('articles')
    .select('published_at')
    .where('status', '=', 'published')
    .where('published_at', '<', before)
    .orderBy('published_at', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row?.published_at ?? null;
}

/** Published articles oldest first, for sitemap chunks: a new article lands in the last chunk. */
export async function listSitemapRows(db: Database, window: Window): Promise<{ slug: string; path: string; updated_at: string }[]> {
  return db
    .selectFrom('articles')
    .innerJoin('topics', 'topics.id', 'articles.primary_topic_id')
    .select(['articles.slug', 'topics.path', 'articles.updated_at'])
    .where('articles.status', '=', 'published')
    .orderBy('articles.published_at', 'asc')
    .orderBy('articles.id', 'asc')
    .limit(window.limit)
    .offset(window.offset)
    .execute();
}

/** Lists (topics, tags, authors) that hold at least one published article, with their newest date. */
export async function listNonEmptyLists(db: Database): Promise<{ list_kind: string; list_id: string; latest: string }[]> {
  return db
    .selectFrom('article_listings')
    .select(['list_kind', 'list_id', (eb) => eb.fn.max('published_at').as('latest')])
    .groupBy(['list_kind', 'list_id'])
    .execute();
}
