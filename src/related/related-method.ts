/**
 * "You may also like": how Dossier picks an article's related articles, and why.
 *
 * Lists are computed at write time and stored in `article_related` (rank 1..6, with the
 * score), so the site reads them as they are: `refreshRelatedArticles` runs when an article
 * is published, changed or taken down; `rebuildAllRelated` recomputes everything in bulk.
 * Only published articles take part, as subjects and as candidates.
 *
 * 1. Terms (text-terms.ts). Title, dek and body (tags stripped, entities decoded) are
 *    lowercased and split into words; stopwords, numbers and words under 3 letters are
 *    dropped; English words are Porter-stemmed, so "inflation" and "inflationary" meet.
 *
 * 2. Term weights (term-counter.ts, term-vector.ts). For article A and term t:
 *      tf(t)  = Σ over fields f where t occurs of w_f · (1 + ln count_f(t)),
 *               w_title = 2, w_dek = 1.5, w_body = 1  (each field damped on its own)
 *      idf(t) = 1 + ln((1 + N) / (1 + df(t)))   N = published articles,
 *               df(t) = published articles whose text contains t (`term_frequencies`)
 *      w(t)   = tf(t) · idf(t); the K = 32 heaviest terms are kept and L2-normalized.
 *    Those rows are `article_terms`, which doubles as the inverted index (term → postings).
 *    32 terms say what a piece is about; the long tail only adds noise and index size.
 *
 * 3. Score of a candidate B for article A:
 *      score = 1.00 · cos(A, B)            dot product of the stored vectors, in [0, 1]
 *            + 0.25 · topics(A, B)         weighted Jaccard of the topic sets (below)
 *            + 0.10 · [primary(A) = primary(B)]
 *            + 0.15 · tags(A, B)           Jaccard of the tag sets
 *            + 0.01 · recency(B)           (published_at − 2000-01-01) / 50 years, in [0, 1]
 *    A topic set holds the primary topic at weight 1, the other topics at 0.5 and every
 *    ancestor of those (via parent_id) at 0.25, each topic keeping its largest weight;
 *    topics(A, B) = Σ min(wA, wB) / Σ max(wA, wB). (Binary fractions, so sums are exact.)
 *
 *    Why. Text is what tells two stories in one topic apart, so it leads: a cosine of 0.3
 *    already means a shared story. Topics and tags are the editors' own judgement and lift
 *    a piece with little text in common: the same primary topic and tags add up to 0.5,
 *    about what a clear textual match scores, so neither signal swamps the other. A shared
 *    primary topic counts most; shared ancestry counts a quarter, so siblings ("Tyre" and
 *    "Sidon" under "Levant") rank above strangers but below the same topic. Recency only
 *    breaks ties (at most 0.01): between equally related pieces the newer one carries the
 *    story on, and an absolute scale keeps stored scores independent of when they were made.
 *
 * 4. Candidates, never all pairs: the P = 200 heaviest postings of each of A's terms, summing
 *    partial dot products, of which the C = 40 best; plus, for each topic and tag A is filed
 *    under, the M = 5 articles filed there just before A and the M just after it in id order
 *    (ids are ULIDs, so creation order: the coverage around A), if published. Each candidate
 *    is scored in full; it must reach a relevance (score without recency) of 0.02; the 6
 *    best are stored, ties broken by id. (The app files the primary topic in article_topics
 *    too, so it is among A's topics here.)
 *
 * 5. Upkeep. Publishing or changing A re-weighs its terms, recomputes its list, then the
 *    lists of its 10 strongest candidates and of every article listing A, so older pieces
 *    pick up a new follow-up. Taking A down removes its terms and list and recomputes every
 *    list that held it. Document counts move incrementally: +1 per term when A is first
 *    indexed; on a change, −1 for stored terms the text lost (only the top terms are stored,
 *    so words an edit adds are not counted); −1 per term when A goes. idf is a logarithm, so
 *    this drift only nudges weights; `rebuildAllRelated` recounts exactly.
 *
 * 6. Two paths, one result. recompute-related-list.ts scores from the database, one article
 *    at a time; related-memory-index.ts scores the whole corpus in memory for a rebuild.
 *    They share every formula here and add the same numbers in the same order, so after a
 *    rebuild, refreshing any article changes nothing (related-articles.test.ts checks it).
 */

export const TITLE_WEIGHT = 2;
export const DEK_WEIGHT = 1.5;
export const BODY_WEIGHT = 1;

export const TERMS_PER_ARTICLE = 32;
export const POSTINGS_PER_TERM = 200;
export const TEXT_CANDIDATES = 40;
export const TAXONOMY_CANDIDATES_EACH_SIDE = 5;
export const RELATED_LIST_SIZE = 6;
export const NEIGHBOURS_TO_REFRESH = 10;
export const MIN_RELEVANCE = 0.02;

export const SCORE_WEIGHTS = {
  cosine: 1,
  topics: 0.25,
  samePrimaryTopic: 0.1,
  tags: 0.15,
  recency: 0.01,
} as const;

export const TOPIC_ROLE_WEIGHTS = { primary: 1, other: 0.5, ancestor: 0.25 } as const;

const RECENCY_ORIGIN = Date.UTC(2000, 0, 1);
const RECENCY_SPAN = 50 * 365.25 * 24 * 3600 * 1000;

/** What a candidate shares with the article; see the header for each part's meaning. */
export interface ScoreParts {
  cosine: number;
  topicOverlap: number;
  isSamePrimaryTopic: boolean;
  tagOverlap: number;
  recency: number;
}

export interface ScoredCandidate {
  id: string;
  score: number;
  relevance: number;
}

export function relevanceOf(parts: ScoreParts): number {
  return (
    SCORE_WEIGHTS.cosine * parts.cosine +
    SCORE_WEIGHTS.topics * parts.topicOverlap +
    SCORE_WEIGHTS.samePrimaryTopic * (parts.isSamePrimaryTopic ? 1 : 0) +
    SCORE_WEIGHTS.tags * parts.tagOverlap
  );
}

export function scoreCandidate(id: string, parts: ScoreParts): ScoredCandidate {
  const relevance = relevanceOf(parts);
  return { id, relevance, score: relevance + SCORE_WEIGHTS.recency * parts.recency };
}

/** 0 for anything before 2000, rising evenly to 1 in 2050; undated articles count as old. */
export function recencyOf(publishedAt: string | null): number {
  const time = publishedAt ? Date.parse(publishedAt) : NaN;
  if (Number.isNaN(time)) return 0;
  return Math.min(1, Math.max(0, (time - RECENCY_ORIGIN) / RECENCY_SPAN));
}

/**
 * An article's weighted topic set: primary topic, other topics, and their ancestors.
 * Works on any key (topic ids, or the bulk rebuild's small integers).
 */
export function topicWeights<K>(primaryTopic: K, topics: Iterable<K>, ancestorsOf: (topic: K) => Iterable<K>): Map<K, number> {
  const weights = new Map<K, number>();
  const raise = (topic: K, weight: number) => {
    if ((weights.get(topic) ?? 0) < weight) weights.set(topic, weight);
  };
  const direct = new Set(topics);
  direct.add(primaryTopic);
  for (const topic of direct) {
    raise(topic, topic === primaryTopic ? TOPIC_ROLE_WEIGHTS.primary : TOPIC_ROLE_WEIGHTS.other);
    for (const ancestor of ancestorsOf(topic)) raise(ancestor, TOPIC_ROLE_WEIGHTS.ancestor);
  }
  return weights;
}

/** Σ min / Σ max over the union of keys: 1 for equal sets, 0 for disjoint ones. */
export function weightedJaccard<K>(a: ReadonlyMap<K, number>, b: ReadonlyMap<K, number>): number {
  let shared = 0;
  let union = 0;
  for (const [key, weightA] of a) {
    const weightB = b.get(key) ?? 0;
    shared += Math.min(weightA, weightB);
    union += Math.max(weightA, weightB);
  }
  for (const [key, weightB] of b) if (!a.has(key)) union += weightB;
  return union === 0 ? 0 : shared / union;
}

/** |A ∩ B| / |A ∪ B| of two lists without repeats. */
export function jaccard<K>(a: readonly K[], b: readonly K[]): number {
  if (a.length === 0 || b.length === 0) return 0;
  let shared = 0;
  for (const item of a) if (b.includes(item)) shared++;
  return shared / (a.length + b.length - shared);
}

/** Best first; equal scores by id, so every run and both rebuild paths agree. */
export function compareCandidates(a: ScoredCandidate, b: ScoredCandidate): number {
  return b.score - a.score || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/** The stored list: relevant enough, best first, at most RELATED_LIST_SIZE. */
export function pickRelated(candidates: readonly ScoredCandidate[]): ScoredCandidate[] {
  return candidates
    .filter((candidate) => candidate.relevance >= MIN_RELEVANCE)
    .sort(compareCandidates)
    .slice(0, RELATED_LIST_SIZE);
}
