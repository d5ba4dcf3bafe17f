import type { Database } from '../../db/database.js';
import {
  jaccard,
  pickRelated,
  POSTINGS_PER_TERM,
  recencyOf,
  scoreCandidate,
  TAXONOMY_CANDIDATES_EACH_SIDE,
  TEXT_CANDIDATES,
  topicWeights,
  weightedJaccard,
  compareCandidates,
  type ScoredCandidate,
} from './related-method.js';
import {
  heaviestPostings,
  inTransaction,
  publishedArticleTaxonomies,
  relatedRows,
  replaceRelatedList,
  storedTermVectors,
  taxonomyNeighbourIds,
  topicAncestors,
  type ArticleTaxonomy,
} from './related.queries.js';
import { cosineOf, EMPTY_VECTOR, type TermVector } from './term-vector.js';

/*
 * One article's related list from what is stored: its terms in article_terms, the
 * postings of those terms, and the taxonomy tables. The method is in related-method.ts;
 * rebuild-all-related.ts does the same in memory and must stay in step with this file.
 */

/**
 * Postings read during one refresh, kept for the lists recomputed after it: neighbours
 * share most of their terms. Only valid while no article_terms row changes.
 */
export type PostingsCache = Map<string, Array<{ articleId: string; weight: number }>>;

/**
 * Every candidate for the article, scored, best first; empty when the article is not
 * published. Never the article itself, never an unpublished article.
 */
export async function scoreRelatedCandidates(
  db: Database,
  articleId: string,
  postingsCache: PostingsCache = new Map(),
): Promise<ScoredCandidate[]> {
  const subject = (await publishedArticleTaxonomies(db, [articleId])).get(articleId);
  if (!subject) return [];
  const vector = (await storedTermVectors(db, [articleId])).get(articleId) ?? EMPTY_VECTOR;

  const candidateIds = new Set<string>(await textCandidates(db, articleId, vector, postingsCache));
  const neighbours = await taxonomyNeighbourIds(db, articleId, subject, TAXONOMY_CANDIDATES_EACH_SIDE);
  for (const id of neighbours) candidateIds.add(id);
  candidateIds.delete(articleId);
  if (candidateIds.size === 0) return [];

  const ids = [...candidateIds];
  const taxonomies = await publishedArticleTaxonomies(db, ids);
  const vectors = await storedTermVectors(db, ids);
  const allTopics = new Set<string>(directTopics(subject));
  for (const t of taxonomies.values()) for (const topic of directTopics(t)) allTopics.add(topic);
  const ancestors = await topicAncestors(db, allTopics);
  const ancestorsOf = (topic: string) => ancestors.get(topic) ?? [];
  const subjectTopics = topicWeights(subject.primaryTopicId, subject.topicIds, ancestorsOf);

  const scored: ScoredCandidate[] = [];
  for (const candidate of taxonomies.values()) {
    scored.push(
      scoreCandidate(candidate.id, {
        cosine: cosineOf(vector, vectors.get(candidate.id) ?? EMPTY_VECTOR),
        topicOverlap: weightedJaccard(subjectTopics, topicWeights(candidate.primaryTopicId, candidate.topicIds, ancestorsOf)),
        isSamePrimaryTopic: candidate.primaryTopicId === subject.primaryTopicId,
        tagOverlap: jaccard(unique(subject.tagIds), unique(candidate.tagIds)),
        recency: recencyOf(candidate.publishedAt),
      }),
    );
  }
  return scored.sort(compareCandidates);
}

/**
 * Walks the heaviest postings of each of the article's terms, in term order, summing
 * partial dot products; the best TEXT_CANDIDATES by that partial sum (ties by id).
 */
async function textCandidates(db: Database, articleId: string, vector: TermVector, cache: PostingsCache): Promise<string[]> {
  const partial = new Map<string, number>();
  for (let i = 0; i < vector.terms.length; i++) {
    const term = vector.terms[i]!;
    const weight = vector.weights[i]!;
    let postings = cache.get(term);
    if (!postings) cache.set(term, (postings = await heaviestPostings(db, term, POSTINGS_PER_TERM)));
    for (const posting of postings) {
      if (posting.articleId === articleId) continue;
      partial.set(posting.articleId, (partial.get(posting.articleId) ?? 0) + weight * posting.weight);
    }
  }
  return [...partial]
    .map(([id, score]) => ({ id, score, relevance: score }))
    .sort(compareCandidates)
    .slice(0, TEXT_CANDIDATES)
    .map((c) => c.id);
}

/** The topics an article is filed under: its article_topics rows and its primary topic. */
function directTopics(article: ArticleTaxonomy): string[] {
  return unique([...article.topicIds, article.primaryTopicId]);
}

function unique(ids: readonly string[]): string[] {
  return [...new Set(ids)];
}

export interface RecomputedList {
  /** The shown list (ids in rank order) differs from before. */
  isChanged: boolean;
  /** All candidates scored, best first, for choosing whose lists to refresh next. */
  candidates: ScoredCandidate[];
}

/** Recomputes and stores one article's list (emptying it when the article is not published). */
export async function recomputeRelatedList(
  db: Database,
  articleId: string,
  postingsCache: PostingsCache = new Map(),
): Promise<RecomputedList> {
  const candidates = await scoreRelatedCandidates(db, articleId, postingsCache);
  const list = pickRelated(candidates).map((c) => ({ relatedId: c.id, score: c.score }));
  const previous = await relatedRows(db, articleId);
  const isSameIds = previous.length === list.length && previous.every((row, i) => row.relatedId === list[i]!.relatedId);
  const isSameScores = isSameIds && previous.every((row, i) => row.score === list[i]!.score);
  if (!isSameScores) await inTransaction(db, (trx) => replaceRelatedList(trx, articleId, list));
  return { isChanged: !isSameIds, candidates };
}
