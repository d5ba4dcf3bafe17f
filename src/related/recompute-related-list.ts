import type { Database } from '../db/database.js';
import {
  compareCandidates,
  jaccard,
  pickRelated,
  POSTINGS_PER_TERM,
  recencyOf,
  scoreCandidate,
  TAXONOMY_CANDIDATES_EACH_SIDE,
  TEXT_CANDIDATES,
  topicWeights,
  weightedJaccard,
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
 * What one refresh has read about other articles, reused by every list it recomputes:
 * neighbours share most terms and candidates. Valid only while none of those rows change,
 * which holds once the refreshed article's own terms are written.
 */
export interface RelatedReadCache {
  postings: Map<string, Array<{ articleId: string; weight: number }>>;
  taxonomies: Map<string, ArticleTaxonomy | null>; // null: not published
  vectors: Map<string, TermVector>;
  ancestors: Map<string, string[]>;
}

export function createReadCache(): RelatedReadCache {
  return { postings: new Map(), taxonomies: new Map(), vectors: new Map(), ancestors: new Map() };
}

/**
 * Every candidate for the article, scored, best first; empty when the article is not
 * published. Never the article itself, never an unpublished article.
 */
export async function scoreRelatedCandidates(
  db: Database,
  articleId: string,
  cache: RelatedReadCache = createReadCache(),
): Promise<ScoredCandidate[]> {
  const subject = (await taxonomiesOf(db, [articleId], cache)).get(articleId);
  if (!subject) return [];
  const vector = (await vectorsOf(db, [articleId], cache)).get(articleId) ?? EMPTY_VECTOR;

  const candidateIds = new Set<string>(await textCandidates(db, articleId, vector, cache));
  const neighbours = await taxonomyNeighbourIds(db, articleId, subject, TAXONOMY_CANDIDATES_EACH_SIDE);
  for (const id of neighbours) candidateIds.add(id);
  candidateIds.delete(articleId);
  if (candidateIds.size === 0) return [];

  const ids = [...candidateIds];
  const taxonomies = await taxonomiesOf(db, ids, cache);
  const vectors = await vectorsOf(db, ids, cache);
  const allTopics = new Set<string>(directTopics(subject));
  for (const t of taxonomies.values()) for (const topic of directTopics(t)) allTopics.add(topic);
  const ancestors = await ancestorsOf(db, allTopics, cache);
  const ancestorsOfTopic = (topic: string) => ancestors.get(topic) ?? [];
  const subjectTopics = topicWeights(subject.primaryTopicId, subject.topicIds, ancestorsOfTopic);

  const scored: ScoredCandidate[] = [];
  for (const candidate of taxonomies.values()) {
    scored.push(
      scoreCandidate(candidate.id, {
        cosine: cosineOf(vector, vectors.get(candidate.id) ?? EMPTY_VECTOR),
        topicOverlap: weightedJaccard(subjectTopics, topicWeights(candidate.primaryTopicId, candidate.topicIds, ancestorsOfTopic)),
        isSamePrimaryTopic: candidate.primaryTopicId === subject.primaryTopicId,
        tagOverlap: jaccard(unique(subject.tagIds), unique(candidate.tagIds)),
        recency: recencyOf(candidate.publishedAt),
      }),
    );
  }
  return scored.sort(compareCandidates);
}

/** The published ones among the given articles, read once per cache. */
async function taxonomiesOf(db: Database, ids: readonly string[], cache: RelatedReadCache): Promise<Map<string, ArticleTaxonomy>> {
  const missing = ids.filter((id) => !cache.taxonomies.has(id));
  if (missing.length > 0) {
    const found = await publishedArticleTaxonomies(db, missing);
    for (const id of missing) cache.taxonomies.set(id, found.get(id) ?? null);
  }
  const result = new Map<string, ArticleTaxonomy>();
  for (const id of ids) {
    const taxonomy = cache.taxonomies.get(id);
    if (taxonomy) result.set(id, taxonomy);
  }
  return result;
}

async function vectorsOf(db: Database, ids: readonly string[], cache: RelatedReadCache): Promise<Map<string, TermVector>> {
  const missing = ids.filter((id) => !cache.vectors.has(id));
  if (missing.length > 0) {
    const found = await storedTermVectors(db, missing);
    for (const id of missing) cache.vectors.set(id, found.get(id) ?? EMPTY_VECTOR);
  }
  return new Map(ids.map((id) => [id, cache.vectors.get(id)!]));
}

async function ancestorsOf(db: Database, topics: Iterable<string>, cache: RelatedReadCache): Promise<Map<string, string[]>> {
  const missing = [...topics].filter((topic) => !cache.ancestors.has(topic));
  if (missing.length > 0) for (const [topic, chain] of await topicAncestors(db, missing)) cache.ancestors.set(topic, chain);
  return cache.ancestors;
}

/**
 * Walks the heaviest postings of each of the article's terms, in term order, summing
 * partial dot products; the best TEXT_CANDIDATES by that partial sum (ties by id).
 */
async function textCandidates(db: Database, articleId: string, vector: TermVector, cache: RelatedReadCache): Promise<string[]> {
  const partial = new Map<string, number>();
  for (let i = 0; i < vector.terms.length; i++) {
    const term = vector.terms[i]!;
    const weight = vector.weights[i]!;
    let postings = cache.postings.get(term);
    if (!postings) cache.postings.set(term, (postings = await heaviestPostings(db, term, POSTINGS_PER_TERM)));
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
  cache: RelatedReadCache = createReadCache(),
): Promise<RecomputedList> {
  const candidates = await scoreRelatedCandidates(db, articleId, cache);
  const list = pickRelated(candidates).map((c) => ({ relatedId: c.id, score: c.score }));
  const previous = await relatedRows(db, articleId);
  const isSameIds = previous.length === list.length && previous.every((row, i) => row.relatedId === list[i]!.relatedId);
  const isSameScores = isSameIds && previous.every((row, i) => row.score === list[i]!.score);
  if (!isSameScores) await inTransaction(db, (trx) => replaceRelatedList(trx, articleId, list));
  return { isChanged: !isSameIds, candidates };
}
