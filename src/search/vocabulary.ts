import { foldText } from './search-text.js';

/*
 * The vocabulary behind "did you mean": the words of the published articles, folded, with
 * how many articles use each, and each word's trigrams (pg_trgm's padding: two spaces
 * before, one after) to find the words that look like a misspelled one.
 */

export const TERM_LENGTH = { min: 3, max: 30 };

/** The distinct vocabulary words of a text: letters only (numbers are never misspelled words), 3 to 30 of them. */
export function vocabularyTerms(text: string): Set<string> {
  const terms = new Set<string>();
  for (const word of foldText(text).match(/[\p{L}\p{N}]+/gu) ?? []) {
    if (word.length >= TERM_LENGTH.min && word.length <= TERM_LENGTH.max && /^\p{L}+$/u.test(word)) terms.add(word);
  }
  return terms;
}

export function trigramsOf(term: string): string[] {
  const padded = `  ${term} `;
  const grams = new Set<string>();
  for (let i = 0; i + 3 <= padded.length; i++) grams.add(padded.slice(i, i + 3));
  return [...grams];
}

/** Optimal string alignment distance: insertions, deletions, substitutions and swaps of neighbours cost 1. */
export function editDistance(a: string, b: string): number {
  const x = [...a];
  const y = [...b];
  let before = new Array<number>(y.length + 1).fill(0);
  let previous = Array.from({ length: y.length + 1 }, (_, j) => j);
  for (let i = 1; i <= x.length; i++) {
    const current = [i];
    for (let j = 1; j <= y.length; j++) {
      const cost = x[i - 1] === y[j - 1] ? 0 : 1;
      let d = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
      if (i > 1 && j > 1 && x[i - 1] === y[j - 2] && x[i - 2] === y[j - 1]) d = Math.min(d, before[j - 2]! + 1);
      current.push(d);
    }
    before = previous;
    previous = current;
  }
  return previous[y.length]!;
}

/** How far a word may be from a suggestion: one edit for short words, two from seven letters on. */
export function allowedDistance(word: string): number {
  return word.length >= 7 ? 2 : 1;
}

/** Per term, how many more (or fewer) published articles use it. */
export type VocabularyChange = Map<string, number>;

/** Adds a document's terms to a change: +1 for each when it becomes findable, −1 when it stops. */
export function countTerms(change: VocabularyChange, terms: Iterable<string>, delta: 1 | -1): void {
  for (const term of terms) change.set(term, (change.get(term) ?? 0) + delta);
}
