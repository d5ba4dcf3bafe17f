import { TERMS_PER_ARTICLE } from './related-method.js';

/** An article's strongest terms, sorted by term, with L2-normalized weights. */
export interface TermVector {
  terms: string[];
  weights: number[];
}

export const EMPTY_VECTOR: TermVector = Object.freeze({ terms: [], weights: [] }) as TermVector;

/** Smoothed idf: never zero or negative, finite for a term no article has yet. */
export function inverseDocumentFrequency(documentCount: number, publishedCount: number): number {
  return 1 + Math.log((1 + publishedCount) / (1 + Math.max(0, documentCount)));
}

/**
 * tf·idf for every term, the `limit` heaviest kept (equal weights by term, so the choice is
 * stable), normalized to unit length over what is kept: the dot product of two stored
 * vectors is then their cosine.
 */
export function buildTermVector(
  termFrequencies: ReadonlyMap<string, number>,
  documentCount: (term: string) => number,
  publishedCount: number,
  limit: number = TERMS_PER_ARTICLE,
): TermVector {
  const terms = [...termFrequencies.keys()];
  return weighTerms(terms, terms.map((term) => termFrequencies.get(term)!), terms.map(documentCount), publishedCount, limit);
}

/** buildTermVector over parallel arrays: term i has frequency tf[i] and document count df[i]. */
export function weighTerms(
  terms: readonly string[],
  tf: ArrayLike<number>,
  df: ArrayLike<number>,
  publishedCount: number,
  limit: number = TERMS_PER_ARTICLE,
): TermVector {
  // The heaviest `limit`, heaviest first, by bounded insertion: an article has hundreds of
  // terms and most lose to the current last place at once, so nothing else is sorted.
  const kept: Array<{ term: string; weight: number }> = [];
  for (let i = 0; i < terms.length; i++) {
    const term = terms[i]!;
    const weight = tf[i]! * inverseDocumentFrequency(df[i]!, publishedCount);
    if (kept.length === limit && !isHeavier(weight, term, kept[limit - 1]!)) continue;
    let at = kept.length;
    while (at > 0 && isHeavier(weight, term, kept[at - 1]!)) at--;
    kept.splice(at, 0, { term, weight });
    if (kept.length > limit) kept.pop();
  }
  kept.sort((a, b) => compareTerms(a.term, b.term));
  let sumOfSquares = 0;
  for (const { weight } of kept) sumOfSquares += weight * weight;
  const norm = Math.sqrt(sumOfSquares);
  if (norm === 0) return { terms: [], weights: [] };
  return { terms: kept.map((k) => k.term), weights: kept.map((k) => k.weight / norm) };
}

function isHeavier(weight: number, term: string, than: { term: string; weight: number }): boolean {
  return weight > than.weight || (weight === than.weight && term < than.term);
}

/** Code-unit order, the order of SQL text comparison on both our databases. */
export function compareTerms(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function cosineOf(a: TermVector, b: TermVector): number {
  return sortedDotProduct(a.terms, a.weights, 0, a.terms.length, b.terms, b.weights, 0, b.terms.length);
}

/**
 * Σ a·b over keys both sides hold, walking two key-sorted ranges in step. Shared by the
 * incremental path (string keys) and the bulk rebuild (integer keys in string order, on
 * flat arrays), so both add the same products in the same order and agree to the bit.
 */
export function sortedDotProduct<K extends string | number>(
  keysA: ArrayLike<K>,
  weightsA: ArrayLike<number>,
  startA: number,
  endA: number,
  keysB: ArrayLike<K>,
  weightsB: ArrayLike<number>,
  startB: number,
  endB: number,
): number {
  let sum = 0;
  let i = startA;
  let j = startB;
  while (i < endA && j < endB) {
    const keyA = keysA[i]!;
    const keyB = keysB[j]!;
    if (keyA === keyB) sum += weightsA[i++]! * weightsB[j++]!;
    else if (keyA < keyB) i++;
    else j++;
  }
  return sum;
}
