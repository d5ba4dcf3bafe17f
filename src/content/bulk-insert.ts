import type { Database } from '../db/database.js';
import type { TocEntry } from './body-html.js';
import type { NewArticleRow } from './article.table.js';
import { addToListCounts, listingRows } from './listing.queries.js';

/** A published article whose text was already prepared (prepareArticleText), for imports and big seeds. */
export interface BulkArticle {
  id: string;
  slug: string;
  title: string;
  dek: string;
  bodyHtml: string;
  excerpt: string;
  toc: TocEntry[];
  wordCount: number;
  publishedAt: Date;
  primaryTopicId: string;
  topicIds: string[];
  tagIds: string[];
  authorIds: string[];
  featuredMediaId: string | null;
  isFeatured: boolean;
  commentCount: number;
}

// Rows per INSERT: under SQLite's 32,766 and PostgreSQL's 65,535 bound parameters.
const ROWS_PER_STATEMENT = 500;

/**
 * Inserts many published articles in one transaction with multi-row INSERTs: the articles,
 * their authors, topics, tags and list entries. `ancestorsOf` gives a topic's id and its
 * ancestors' ids. Related articles are computed afterwards in bulk.
 */
export async function insertPublishedArticles(
  db: Database,
  articles: readonly BulkArticle[],
  ancestorsOf: (topicId: string) => string[],
  now: Date,
): Promise<void> {
  const articleRows: NewArticleRow[] = articles.map((a) => ({
    id: a.id,
    slug: a.slug,
    title: a.title,
    dek: a.dek,
    body: a.bodyHtml,
    excerpt: a.excerpt,
    toc: JSON.stringify(a.toc),
    word_count: a.wordCount,
    status: 'published',
    published_at: a.publishedAt.toISOString(),
    created_at: now.toISOString(),
    updated_at: a.publishedAt.toISOString(),
    primary_topic_id: a.primaryTopicId,
    featured_media_id: a.featuredMediaId,
    is_featured: a.isFeatured ? 1 : 0,
    comment_count: a.commentCount,
  }));
  const authors = articles.flatMap((a) => a.authorIds.map((user_id, position) => ({ article_id: a.id, user_id, position })));
  const topics = articles.flatMap((a) => [...new Set([a.primaryTopicId, ...a.topicIds])].map((topic_id) => ({ article_id: a.id, topic_id })));
  const tags = articles.flatMap((a) => a.tagIds.map((tag_id, position) => ({ article_id: a.id, tag_id, position })));
  const listings = articles.flatMap((a) =>
    listingRows(a.id, a.publishedAt.toISOString(), {
      topicIds: [a.primaryTopicId, ...a.topicIds].flatMap(ancestorsOf),
      tagIds: a.tagIds,
      authorIds: a.authorIds,
    }),
  );
  await db.transaction().execute(async (trx) => {
    for (const chunk of chunks(articleRows)) await trx.insertInto('articles').values(chunk).execute();
    for (const chunk of chunks(authors)) await trx.insertInto('article_authors').values(chunk).execute();
    for (const chunk of chunks(topics)) await trx.insertInto('article_topics').values(chunk).execute();
    for (const chunk of chunks(tags)) await trx.insertInto('article_tags').values(chunk).execute();
    for (const chunk of chunks(listings)) await trx.insertInto('article_listings').values(chunk).execute();
    await addToListCounts(trx, listings);
  });
}

function* chunks<T>(rows: readonly T[]): Generator<T[]> {
  for (let i = 0; i < rows.length; i += ROWS_PER_STATEMENT) yield rows.slice(i, i + ROWS_PER_STATEMENT);
}
