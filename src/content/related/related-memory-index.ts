import {
  compareCandidates,
  jaccard,
  pickRelated,
  POSTINGS_PER_TERM,
  scoreCandidate,
  TAXONOMY_CANDIDATES_EACH_SIDE,
  TEXT_CANDIDATES,
  weightedJaccard,
  type ScoredCandidate,
} from './related-method.js';
import { compareTerms, sortedDotProduct } from './term-vector.js';

/*
 * The bulk rebuild's in-memory corpus: every published article as small integers and flat
 * typed arrays (100,000 articles × 32 terms is 3.2 million slots, about 40 MB), the
 * inverted index over it, and the same candidate and scoring steps as
 * recompute-related-list.ts, so both paths give the same lists.
 */

export interface MemoryCorpus {
  ids: string[]; // article ids, document index → id
  publishedAt: Array<string | null>;
  recency: Float64Array;
  primaryTopic: Int32Array;
  directTopics: number[][]; // article_topics plus the primary topic, without repeats
  topicWeights: Array<Map<number, number>>;
  tags: number[][];
  termsPerArticle: number; // slots per article in termIds and termWeights
  termCount: Uint8Array; // terms used in each article's slots
  termIds: Int32Array; // term ids sorted ascending within an article (= term text order)
  termWeights: Float64Array;
  vocabularySize: number;
}

/** For each term, its heaviest postings (capped), as ranges of two flat arrays. */
export interface MemoryPostings {
  start: Int32Array; // term → first posting
  end: Int32Array; // term → one past its last kept posting
  docs: Int32Array;
  weights: Float64Array;
}

export function buildPostings(corpus: MemoryCorpus, cap: number = POSTINGS_PER_TERM): MemoryPostings {
  const { termCount, termIds, termWeights, termsPerArticle, vocabularySize } = corpus;
  const articles = corpus.ids.length;
  const start = new Int32Array(vocabularySize + 1);
  for (let d = 0; d < articles; d++) {
    for (let k = 0; k < termCount[d]!; k++) start[termIds[d * termsPerArticle + k]! + 1]!++;
  }
  for (let t = 0; t < vocabularySize; t++) start[t + 1]! += start[t]!;
  const fill = start.slice(0, vocabularySize);
  const docs = new Int32Array(start[vocabularySize]!);
  const weights = new Float64Array(docs.length);
  for (let d = 0; d < articles; d++) {
    for (let k = 0; k < termCount[d]!; k++) {
      const slot = d * termsPerArticle + k;
      const at = fill[termIds[slot]!]!++;
      docs[at] = d;
      weights[at] = termWeights[slot]!;
    }
  }
  const end = new Int32Array(vocabularySize);
  for (let t = 0; t < vocabularySize; t++) {
    const from = start[t]!;
    const to = start[t + 1]!;
    end[t] = to;
    if (to - from <= cap) continue;
    // Only a capped term needs an order: the same top `cap` as the SQL path (weight desc, id asc).
    const order = Array.from({ length: to - from }, (_, i) => from + i).sort(
      (a, b) => weights[b]! - weights[a]! || compareTerms(corpus.ids[docs[a]!]!, corpus.ids[docs[b]!]!),
    );
    const keptDocs = order.slice(0, cap).map((i) => docs[i]!);
    const keptWeights = order.slice(0, cap).map((i) => weights[i]!);
    docs.set(keptDocs, from);
    weights.set(keptWeights, from);
    end[t] = from + cap;
  }
  return { start, end, docs, weights };
}

/** Articles filed under each topic or tag, oldest first, for "published nearest in time". */
export interface MemoryTimeline {
  timeRank: Int32Array; // position in (published_at, id) order; −1 when undated
  topicMembers: Map<number, Int32Array>;
  tagMembers: Map<number, Int32Array>;
}

export function buildTimeline(corpus: MemoryCorpus): MemoryTimeline {
  const dated: number[] = [];
  for (let d = 0; d < corpus.ids.length; d++) if (corpus.publishedAt[d] !== null) dated.push(d);
  dated.sort((a, b) => compareTerms(corpus.publishedAt[a]!, corpus.publishedAt[b]!) || compareTerms(corpus.ids[a]!, corpus.ids[b]!));
  const timeRank = new Int32Array(corpus.ids.length).fill(-1);
  dated.forEach((d, rank) => (timeRank[d] = rank));
  const members = (keysOf: (d: number) => number[]) => {
    const lists = new Map<number, number[]>();
    for (const d of dated) {
      for (const key of keysOf(d)) {
        let list = lists.get(key);
        if (!list) lists.set(key, (list = []));
        list.push(d); // `dated` is in time order, so every list is too
      }
    }
    return new Map([...lists].map(([key, list]) => [key, Int32Array.from(list)]));
  };
  return { timeRank, topicMembers: members((d) => corpus.directTopics[d]!), tagMembers: members((d) => corpus.tags[d]!) };
}

/** Reusable buffers, so scoring 100,000 articles allocates almost nothing per article. */
export interface ScoringScratch {
  partial: Float64Array;
  touched: Int32Array;
}

export function createScratch(corpus: MemoryCorpus): ScoringScratch {
  return { partial: new Float64Array(corpus.ids.length), touched: new Int32Array(corpus.ids.length) };
}

/** Article d's related list: candidates from the index and the timeline, scored, the best kept. */
export function relatedListFor(
  d: number,
  corpus: MemoryCorpus,
  postings: MemoryPostings,
  timeline: MemoryTimeline,
  scratch: ScoringScratch,
): ScoredCandidate[] {
  const candidates = new Set<number>(textCandidates(d, corpus, postings, scratch));
  for (const e of taxonomyNeighbours(d, corpus, timeline)) candidates.add(e);
  candidates.delete(d);
  const scored: ScoredCandidate[] = [];
  const { termsPerArticle: slots, termIds, termWeights, termCount } = corpus;
  for (const e of candidates) {
    scored.push(
      scoreCandidate(corpus.ids[e]!, {
        cosine: sortedDotProduct(termIds, termWeights, d * slots, d * slots + termCount[d]!, termIds, termWeights, e * slots, e * slots + termCount[e]!),
        topicOverlap: weightedJaccard(corpus.topicWeights[d]!, corpus.topicWeights[e]!),
        isSamePrimaryTopic: corpus.primaryTopic[d] === corpus.primaryTopic[e],
        tagOverlap: jaccard(corpus.tags[d]!, corpus.tags[e]!),
        recency: corpus.recency[e]!,
      }),
    );
  }
  return pickRelated(scored);
}

/** Partial dot products over capped postings, in the article's term order; the best TEXT_CANDIDATES. */
function textCandidates(d: number, corpus: MemoryCorpus, postings: MemoryPostings, scratch: ScoringScratch): number[] {
  const { partial, touched } = scratch;
  let touchedCount = 0;
  const base = d * corpus.termsPerArticle;
  for (let k = 0; k < corpus.termCount[d]!; k++) {
    const term = corpus.termIds[base + k]!;
    const weight = corpus.termWeights[base + k]!;
    for (let p = postings.start[term]!; p < postings.end[term]!; p++) {
      const e = postings.docs[p]!;
      if (e === d) continue;
      if (partial[e] === 0) touched[touchedCount++] = e;
      partial[e]! += weight * postings.weights[p]!;
    }
  }
  const best: Array<ScoredCandidate & { index: number }> = [];
  for (let i = 0; i < touchedCount; i++) {
    const e = touched[i]!;
    const candidate = { index: e, id: corpus.ids[e]!, score: partial[e]!, relevance: 0 };
    partial[e] = 0;
    // A bounded insertion: most candidates lose to the current last place at once.
    if (best.length === TEXT_CANDIDATES && compareCandidates(candidate, best[best.length - 1]!) >= 0) continue;
    let at = best.length;
    while (at > 0 && compareCandidates(candidate, best[at - 1]!) < 0) at--;
    best.splice(at, 0, candidate);
    if (best.length > TEXT_CANDIDATES) best.pop();
  }
  return best.map((c) => c.index);
}

/** The TAXONOMY_CANDIDATES_EACH_SIDE articles sharing a topic or tag published just before and just after d. */
function taxonomyNeighbours(d: number, corpus: MemoryCorpus, timeline: MemoryTimeline): number[] {
  const rank = timeline.timeRank[d]!;
  if (rank < 0) return [];
  const before = new Set<number>();
  const after = new Set<number>();
  const lists: Int32Array[] = [];
  for (const topic of corpus.directTopics[d]!) lists.push(timeline.topicMembers.get(topic)!);
  for (const tag of corpus.tags[d]!) lists.push(timeline.tagMembers.get(tag)!);
  for (const list of lists) {
    const at = positionByRank(list, rank, timeline.timeRank);
    for (let i = at - 1; i >= 0 && i >= at - TAXONOMY_CANDIDATES_EACH_SIDE; i--) before.add(list[i]!);
    for (let i = at + 1; i < list.length && i <= at + TAXONOMY_CANDIDATES_EACH_SIDE; i++) after.add(list[i]!);
  }
  // The nearest of the union, as one SQL query over all of d's topics and tags would find them.
  const byRank = (a: number, b: number) => timeline.timeRank[a]! - timeline.timeRank[b]!;
  return [
    ...[...before].sort(byRank).reverse().slice(0, TAXONOMY_CANDIDATES_EACH_SIDE),
    ...[...after].sort(byRank).slice(0, TAXONOMY_CANDIDATES_EACH_SIDE),
  ];
}

function positionByRank(list: Int32Array, rank: number, timeRank: Int32Array): number {
  let low = 0;
  let high = list.length - 1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    const midRank = timeRank[list[mid]!]!;
    if (midRank === rank) return mid;
    if (midRank < rank) low = mid + 1;
    else high = mid - 1;
  }
  throw new Error('related: article missing from its own topic timeline');
}
