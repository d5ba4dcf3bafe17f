import type { Database } from '../db/database.js';
import type { ArticleText } from './text-terms.js';
import { compareTerms, type TermVector } from './term-vector.js';

/*
 * Every SQL statement of the incremental related-articles path. Lists of ids or terms go
 * out in chunks so no statement nears either dialect's limit on bound parameters.
 */

const CHUNK = 500;

export const PUBLISHED = 'published';

export interface ArticleForIndexing extends ArticleText {
  id: string;
  isPublished: boolean;
}

/** What scoring needs to know about a published article besides its terms. */
export interface ArticleTaxonomy {
  id: string;
  publishedAt: string | null;
  primaryTopicId: string;
  topicIds: string[]; // from article_topics, primary not added
  tagIds: string[];
}

export interface RelatedRow {
  relatedId: string;
  score: number;
}

export { inTransaction } from '../shared/in-transaction.js';

function chunks<T>(items: readonly T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += CHUNK) out.push(items.slice(i, i + CHUNK));
  return out;
}

export async function findArticleForIndexing(db: Database, articleId: string): Promise<ArticleForIndexing | undefined> {
  const row = await db
    .selectFrom('articles')
    .select(['id', 'title', 'dek', 'body', 'status'])
    .where('id', '=', articleId)
    .executeTakeFirst();
  return row && { id: row.id, title: row.title, dek: row.dek, body: row.body, isPublished: row.status === PUBLISHED };
}

export async function countPublishedArticles(db: Database): Promise<number> {
  const row = await db
    .selectFrom('articles')
    .select((eb) => eb.fn.countAll<number>().as('count'))
    .where('status', '=', PUBLISHED)
    .executeTakeFirstOrThrow();
  return Number(row.count);
}

export async function documentCounts(db: Database, terms: readonly string[]): Promise<Map<string, number>> {
  const counts = new Map<string, number>();
  for (const chunk of chunks(terms)) {
    const rows = await db.selectFrom('term_frequencies').select(['term', 'document_count']).where('term', 'in', chunk).execute();
    for (const row of rows) counts.set(row.term, Number(row.document_count));
  }
  return counts;
}

/** Adds one article's worth (+1 or −1) to each term's document count; counts at zero go. */
export async function adjustDocumentCounts(db: Database, terms: readonly string[], delta: 1 | -1): Promise<void> {
  // Sorted, so concurrent writers on PostgreSQL lock rows in one order and cannot deadlock.
  const sorted = [...new Set(terms)].sort(compareTerms);
  for (const chunk of chunks(sorted)) {
    if (delta === 1) {
      await db
        .insertInto('term_frequencies')
        .values(chunk.map((term) => ({ term, document_count: 1 })))
        .onConflict((oc) => oc.column('term').doUpdateSet((eb) => ({ document_count: eb('term_frequencies.document_count', '+', 1) })))
        .execute();
    } else {
      await db
        .updateTable('term_frequencies')
        .set((eb) => ({ document_count: eb('document_count', '-', 1) }))
        .where('term', 'in', chunk)
        .execute();
      await db.deleteFrom('term_frequencies').where('term', 'in', chunk).where('document_count', '<=', 0).execute();
    }
  }
}

export async function storedTermVectors(db: Database, articleIds: readonly string[]): Promise<Map<string, TermVector>> {
  const vectors = new Map<string, TermVector>();
  for (const chunk of chunks(articleIds)) {
    const rows = await db
      .selectFrom('article_terms')
      .select(['article_id', 'term', 'weight'])
      .where('article_id', 'in', chunk)
      .execute();
    for (const row of rows) {
      let vector = vectors.get(row.article_id);
      if (!vector) vectors.set(row.article_id, (vector = { terms: [], weights: [] }));
      vector.terms.push(row.term);
      vector.weights.push(Number(row.weight));
    }
  }
  // Sorted here rather than in SQL, whose text order could follow a locale.
  for (const [id, vector] of vectors) {
    const order = vector.terms.map((_, i) => i).sort((a, b) => compareTerms(vector.terms[a]!, vector.terms[b]!));
    vectors.set(id, { terms: order.map((i) => vector.terms[i]!), weights: order.map((i) => vector.weights[i]!) });
  }
  return vectors;
}

/** Upserts rather than delete-then-insert, so two refreshes of one article never collide. */
export async function replaceArticleTerms(db: Database, articleId: string, vector: TermVector): Promise<void> {
  if (vector.terms.length === 0) return deleteArticleTerms(db, articleId);
  await db.deleteFrom('article_terms').where('article_id', '=', articleId).where('term', 'not in', vector.terms).execute();
  const rows = vector.terms.map((term, i) => ({ term, article_id: articleId, weight: vector.weights[i]! }));
  for (const chunk of chunks(rows)) {
    await db
      .insertInto('article_terms')
      .values(chunk)
      .onConflict((oc) => oc.columns(['term', 'article_id']).doUpdateSet((eb) => ({ weight: eb.ref('excluded.weight') })))
      .execute();
  }
}

export async function deleteArticleTerms(db: Database, articleId: string): Promise<void> {
  await db.deleteFrom('article_terms').where('article_id', '=', articleId).execute();
}

/**
 * The inverted index: a term's heaviest postings, heaviest first. The schema's keys are
 * (term, article_id) and (article_id), so the database reads all of the term's postings to
 * order them; an index on article_terms (term, weight) would make this a short range scan.
 */
export async function heaviestPostings(
  db: Database,
  term: string,
  limit: number,
): Promise<Array<{ articleId: string; weight: number }>> {
  const rows = await db
    .selectFrom('article_terms')
    .select(['article_id', 'weight'])
    .where('term', '=', term)
    .orderBy('weight', 'desc')
    .orderBy('article_id', 'asc')
    .limit(limit)
    .execute();
  return rows.map((row) => ({ articleId: row.article_id, weight: Number(row.weight) }));
}

/**
 * For each given topic and tag, the `limit` articles filed under it just before and just
 * after the article in id order: ids are ULIDs, so that is creation order, the coverage
 * around the article. Each query is a short range of a covering index, never the articles
 * table, whose rows carry the bodies. Any status: the caller keeps the published ones.
 */
export async function taxonomyNeighbourIds(
  db: Database,
  articleId: string,
  links: { topicIds: readonly string[]; tagIds: readonly string[] },
  limit: number,
): Promise<string[]> {
  const found = new Set<string>();
  for (const topicId of links.topicIds) {
    const topic = db.selectFrom('article_topics').select('article_id').where('topic_id', '=', topicId);
    const before = await topic.where('article_id', '<', articleId).orderBy('article_id', 'desc').limit(limit).execute();
    const after = await topic.where('article_id', '>', articleId).orderBy('article_id', 'asc').limit(limit).execute();
    for (const row of [...before, ...after]) found.add(row.article_id);
  }
  for (const tagId of links.tagIds) {
    const tag = db.selectFrom('article_tags').select('article_id').where('tag_id', '=', tagId);
    const before = await tag.where('article_id', '<', articleId).orderBy('article_id', 'desc').limit(limit).execute();
    const after = await tag.where('article_id', '>', articleId).orderBy('article_id', 'asc').limit(limit).execute();
    for (const row of [...before, ...after]) found.add(row.article_id);
  }
  return [...found];
}

/** Every article carrying a tag, any status (a covering index range; the recompute skips unpublished ones). */
export async function articleIdsWithTag(db: Database, tagId: string): Promise<string[]> {
  const rows = await db.selectFrom('article_tags').select('article_id').where('tag_id', '=', tagId).orderBy('article_id').execute();
  return rows.map((row) => row.article_id);
}

/** Taxonomy of those of the given articles that are published; the others are left out. */
export async function publishedArticleTaxonomies(db: Database, articleIds: readonly string[]): Promise<Map<string, ArticleTaxonomy>> {
  const found = new Map<string, ArticleTaxonomy>();
  for (const chunk of chunks([...new Set(articleIds)])) {
    // Status is checked here, not in SQL: given `status = ?`, SQLite may walk the whole
    // (status, published_at) index instead of looking up these few ids.
    const articles = (
      await db.selectFrom('articles').select(['id', 'status', 'published_at', 'primary_topic_id']).where('id', 'in', chunk).execute()
    ).filter((a) => a.status === PUBLISHED);
    for (const a of articles) {
      found.set(a.id, { id: a.id, publishedAt: a.published_at, primaryTopicId: a.primary_topic_id, topicIds: [], tagIds: [] });
    }
    const ids = articles.map((a) => a.id);
    if (ids.length === 0) continue;
    const topics = await db.selectFrom('article_topics').select(['article_id', 'topic_id']).where('article_id', 'in', ids).execute();
    for (const row of topics) found.get(row.article_id)!.topicIds.push(row.topic_id);
    const tags = await db.selectFrom('article_tags').select(['article_id', 'tag_id']).where('article_id', 'in', ids).execute();
    for (const row of tags) found.get(row.article_id)!.tagIds.push(row.tag_id);
  }
  return found;
}

/** Each given topic's ancestors, nearest first, climbing parent_id one level per query. */
export async function topicAncestors(db: Database, topicIds: Iterable<string>): Promise<Map<string, string[]>> {
  const parentOf = new Map<string, string | null>();
  let frontier = [...new Set(topicIds)];
  while (frontier.length > 0) {
    const next: string[] = [];
    for (const chunk of chunks(frontier)) {
      const rows = await db.selectFrom('topics').select(['id', 'parent_id']).where('id', 'in', chunk).execute();
      for (const row of rows) {
        parentOf.set(row.id, row.parent_id);
        if (row.parent_id !== null && !parentOf.has(row.parent_id)) next.push(row.parent_id);
      }
    }
    for (const id of frontier) if (!parentOf.has(id)) parentOf.set(id, null); // unknown topic
    frontier = [...new Set(next)];
  }
  const ancestors = new Map<string, string[]>();
  for (const id of parentOf.keys()) {
    const chain: string[] = [];
    // The seen-set guards against a parent cycle written by hand into the table.
    for (let p = parentOf.get(id) ?? null; p !== null && !chain.includes(p) && p !== id; p = parentOf.get(p) ?? null) chain.push(p);
    ancestors.set(id, chain);
  }
  return ancestors;
}

export async function relatedRows(db: Database, articleId: string): Promise<RelatedRow[]> {
  const rows = await db
    .selectFrom('article_related')
    .select(['related_id', 'score'])
    .where('article_id', '=', articleId)
    .orderBy('rank', 'asc')
    .execute();
  return rows.map((row) => ({ relatedId: row.related_id, score: Number(row.score) }));
}

/** An article's related list as the site shows it, best first. */
export async function relatedArticleIds(db: Database, articleId: string): Promise<string[]> {
  return (await relatedRows(db, articleId)).map((row) => row.relatedId);
}

/** Articles whose related list names the given one. */
export async function articlesListing(db: Database, relatedId: string): Promise<string[]> {
  const rows = await db.selectFrom('article_related').select('article_id').where('related_id', '=', relatedId).execute();
  return [...new Set(rows.map((row) => row.article_id))];
}

/** Upserts rank by rank and trims the tail, so two refreshes of one list never collide. */
export async function replaceRelatedList(db: Database, articleId: string, list: readonly RelatedRow[]): Promise<void> {
  await db.deleteFrom('article_related').where('article_id', '=', articleId).where('rank', '>', list.length).execute();
  if (list.length === 0) return;
  await db
    .insertInto('article_related')
    .values(list.map((row, i) => ({ article_id: articleId, rank: i + 1, related_id: row.relatedId, score: row.score })))
    .onConflict((oc) =>
      oc.columns(['article_id', 'rank']).doUpdateSet((eb) => ({
        related_id: eb.ref('excluded.related_id'),
        score: eb.ref('excluded.score'),
      })),
    )
    .execute();
}
