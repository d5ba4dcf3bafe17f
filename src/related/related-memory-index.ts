import {
  jaccard,
  pickRelated,
  POSTINGS_PER_TERM,
  scoreCandidate,
  TAXONOMY_CANDIDATES_EACH_SIDE,
  TEXT_CANDIDATES,
  type ScoredCandidate,
} from './related-method.js';
import { compareTerms, sortedDotProduct } from './term-vector.js';

/*
 * The bulk rebuild's in-memory corpus: every published article as small integers and flat
 * typed arrays (100,000 articles × 32 terms is 3.2 million slots, about 40 MB), the
 * inverted index over it and the topic and tag member lists; then the same candidate and
 * scoring steps as recompute-related-list.ts, so both paths give the same lists.
 */

export interface MemoryCorpus {
  ids: string[]; // published article ids, document index → id
  indexOfId: ReadonlyMap<string, number>;
  recency: Float64Array;
  primaryTopic: Int32Array;
  linkedTopics: number[][]; // the article's article_topics rows
  topicSets: SortedWeights[]; // topicWeights() of each article, as sorted arrays
  tags: number[][];
  /** Every article (any status) filed under each topic and tag, in id order. */
  topicMembers: Map<number, string[]>;
  tagMembers: Map<number, string[]>;
  termsPerArticle: number; // slots per article in termIds and termWeights
  termCount: Uint8Array; // terms used in each article's slots
  termIds: Int32Array; // term ids sorted ascending within an article (= term text order)
  termWeights: Float64Array;
  vocabularySize: number;
}

/** A weighted set as two arrays, keys ascending: merged in one pass, no hashing. */
export interface SortedWeights {
  keys: number[];
  weights: number[];
}

export function sortedWeights(weights: ReadonlyMap<number, number>): SortedWeights {
  const keys = [...weights.keys()].sort((a, b) => a - b);
  return { keys, weights: keys.map((key) => weights.get(key)!) };
}

/** weightedJaccard of related-method.ts over sorted arrays; the weights are binary fractions, so the sums agree exactly. */
function sortedWeightedJaccard(a: SortedWeights, b: SortedWeights): number {
  let shared = 0;
  let union = 0;
  let i = 0;
  let j = 0;
  while (i < a.keys.length || j < b.keys.length) {
    if (j >= b.keys.length || (i < a.keys.length && a.keys[i]! < b.keys[j]!)) union += a.weights[i++]!;
    else if (i >= a.keys.length || b.keys[j]! < a.keys[i]!) union += b.weights[j++]!;
    else {
      shared += Math.min(a.weights[i]!, b.weights[j]!);
      union += Math.max(a.weights[i++]!, b.weights[j++]!);
    }
  }
  return union === 0 ? 0 : shared / union;
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

/** Reusable buffers, so scoring 100,000 articles allocates almost nothing per article. */
export interface ScoringScratch {
  partial: Float64Array;
  touched: Int32Array;
  candidateOf: Int32Array; // article → 1 + the article whose candidate it last was
}

export function createScratch(corpus: MemoryCorpus): ScoringScratch {
  const articles = corpus.ids.length;
  return { partial: new Float64Array(articles), touched: new Int32Array(articles), candidateOf: new Int32Array(articles) };
}

/** Article d's related list: candidates from the index and the taxonomy, scored, the best kept. */
export function relatedListFor(
  d: number,
  corpus: MemoryCorpus,
  postings: MemoryPostings,
  scratch: ScoringScratch,
): ScoredCandidate[] {
  const candidates: number[] = [];
  scratch.candidateOf[d] = d + 1; // never its own candidate
  for (const e of [...textCandidates(d, corpus, postings, scratch), ...taxonomyNeighbours(d, corpus)]) {
    if (scratch.candidateOf[e] !== d + 1) {
      scratch.candidateOf[e] = d + 1;
      candidates.push(e);
    }
  }
  const scored: ScoredCandidate[] = [];
  const { termsPerArticle: slots, termIds, termWeights, termCount } = corpus;
  const [from, to] = [d * slots, d * slots + termCount[d]!];
  for (const e of candidates) {
    scored.push(
      scoreCandidate(corpus.ids[e]!, {
        cosine: sortedDotProduct(termIds, termWeights, from, to, termIds, termWeights, e * slots, e * slots + termCount[e]!),
        topicOverlap: sortedWeightedJaccard(corpus.topicSets[d]!, corpus.topicSets[e]!),
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
  // The best TEXT_CANDIDATES, best first, by the same order as compareCandidates (score
  // desc, id asc); a bounded insertion, where most articles lose to the last place at once.
  const ids = corpus.ids;
  const isBetter = (a: number, b: number) => partial[a]! > partial[b]! || (partial[a] === partial[b] && ids[a]! < ids[b]!);
  const best: number[] = [];
  for (let i = 0; i < touchedCount; i++) {
    const e = touched[i]!;
    if (best.length === TEXT_CANDIDATES && !isBetter(e, best[best.length - 1]!)) continue;
    let at = best.length;
    while (at > 0 && isBetter(e, best[at - 1]!)) at--;
    best.splice(at, 0, e);
    if (best.length > TEXT_CANDIDATES) best.pop();
  }
  for (let i = 0; i < touchedCount; i++) partial[touched[i]!] = 0;
  return best;
}

/** As taxonomyNeighbourIds in SQL: per topic and tag, the nearest ids on each side, then the published ones. */
function taxonomyNeighbours(d: number, corpus: MemoryCorpus): number[] {
  const id = corpus.ids[d]!;
  const found: number[] = [];
  const lists = [
    ...corpus.linkedTopics[d]!.map((topic) => corpus.topicMembers.get(topic)!),
    ...corpus.tags[d]!.map((tag) => corpus.tagMembers.get(tag)!),
  ];
  for (const list of lists) {
    const at = positionOf(list, id);
    const from = Math.max(0, at - TAXONOMY_CANDIDATES_EACH_SIDE);
    const to = Math.min(list.length, at + 1 + TAXONOMY_CANDIDATES_EACH_SIDE);
    for (let i = from; i < to; i++) {
      const e = corpus.indexOfId.get(list[i]!);
      if (e !== undefined && e !== d) found.push(e);
    }
  }
  return found;
}

function positionOf(sortedIds: readonly string[], id: string): number {
  let low = 0;
  let high = sortedIds.length - 1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    const order = compareTerms(sortedIds[mid]!, id);
    if (order === 0) return mid;
    if (order < 0) low = mid + 1;
    else high = mid - 1;
  }
  throw new Error(`related: article ${id} missing from the members of its own topic or tag`);
}
