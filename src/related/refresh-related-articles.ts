import type { Database } from '../db/database.js';
import { MIN_RELEVANCE, NEIGHBOURS_TO_REFRESH } from './related-method.js';
import {
  adjustDocumentCounts,
  articleIdsWithTag,
  articlesListing,
  countPublishedArticles,
  deleteArticleTerms,
  documentCounts,
  findArticleForIndexing,
  inTransaction,
  replaceArticleTerms,
  storedTermVectors,
  type ArticleForIndexing,
} from './related.queries.js';
import { createReadCache, recomputeRelatedList } from './recompute-related-list.js';
import { buildTermVector, compareTerms } from './term-vector.js';
import { termFrequencies } from './term-counter.js';

export interface RefreshRelatedResult {
  /** Articles whose shown related list changed: their pages need invalidating. */
  changedArticleIds: string[];
}

/**
 * Brings related articles up to date after an article was published, changed, withdrawn
 * or otherwise taken down (see related-method.ts, "Upkeep"). The article's terms and the
 * document counts change in one transaction; each list is then rewritten in its own, and
 * the reads between run outside any, so on SQLite other requests get turns meanwhile.
 * Call it before deleting an article outright: a deleted article's rows cascade away and
 * the lists that named it keep a gap until they are next recomputed.
 */
export async function refreshRelatedArticles(db: Database, articleId: string): Promise<RefreshRelatedResult> {
  const changed = new Set<string>();
  // Read before anything moves: these lists held the article and may need it gone or re-scored.
  const toRecompute = new Set(await articlesListing(db, articleId));
  const isPublished = await inTransaction(db, async (trx) => {
    const article = await findArticleForIndexing(trx, articleId);
    if (article?.isPublished) await indexArticleTerms(trx, article);
    else await unindexArticleTerms(trx, articleId, article);
    return article?.isPublished ?? false;
  });

  const cache = createReadCache();
  const own = await recomputeRelatedList(db, articleId, cache);
  if (own.isChanged) changed.add(articleId);
  if (isPublished) {
    // Its strongest candidates may now want it in their own lists (a follow-up to an older piece).
    const strongest = own.candidates.filter((c) => c.relevance >= MIN_RELEVANCE).slice(0, NEIGHBOURS_TO_REFRESH);
    for (const candidate of strongest) toRecompute.add(candidate.id);
  }
  toRecompute.delete(articleId);
  for (const id of [...toRecompute].sort(compareTerms)) {
    if ((await recomputeRelatedList(db, id, cache)).isChanged) changed.add(id);
  }
  return { changedArticleIds: [...changed].sort(compareTerms) };
}

/**
 * After a tag merge: every article now carrying the kept tag shares it with articles it did
 * not share a tag with before, so its list is recomputed (their terms did not change). A
 * merge of a tag on thousands of articles costs thousands of recomputes, after the commit.
 */
export async function refreshRelatedOfTag(db: Database, tagId: string): Promise<RefreshRelatedResult> {
  const changed: string[] = [];
  const cache = createReadCache();
  for (const id of await articleIdsWithTag(db, tagId)) {
    if ((await recomputeRelatedList(db, id, cache)).isChanged) changed.push(id);
  }
  return { changedArticleIds: changed.sort(compareTerms) };
}

/** Re-weighs the article's terms and keeps document counts in step (drift rules in related-method.ts). */
async function indexArticleTerms(db: Database, article: ArticleForIndexing): Promise<void> {
  const tf = termFrequencies(article);
  const previous = (await storedTermVectors(db, [article.id])).get(article.id);
  if (!previous) {
    await adjustDocumentCounts(db, [...tf.keys()], 1);
  } else {
    await adjustDocumentCounts(db, previous.terms.filter((term) => !tf.has(term)), -1);
  }
  const publishedCount = await countPublishedArticles(db);
  const counts = await documentCounts(db, [...tf.keys()]);
  const vector = buildTermVector(tf, (term) => counts.get(term) ?? 0, publishedCount);
  await replaceArticleTerms(db, article.id, vector);
}

/** Takes an article out of the index: its terms go, and its text no longer counts. */
async function unindexArticleTerms(db: Database, articleId: string, article: ArticleForIndexing | undefined): Promise<void> {
  const previous = (await storedTermVectors(db, [articleId])).get(articleId);
  if (!previous) return; // never indexed, or already taken out: nothing was counted
  const counted = new Set(previous.terms);
  if (article) for (const term of termFrequencies(article).keys()) counted.add(term);
  await adjustDocumentCounts(db, [...counted], -1);
  await deleteArticleTerms(db, articleId);
}
