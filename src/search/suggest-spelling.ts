import type { Database } from '../db/database.js';
import { parseQuery } from './parse-query.js';
import { foldText } from './search-text.js';
import { allowedDistance, editDistance, TERM_LENGTH } from './vocabulary.js';
import { documentCountOf, termsSharingTrigrams } from './vocabulary.queries.js';

/** How many trigram neighbours are weighed by edit distance. */
const CANDIDATES = 60;
/** A known word is only corrected to one this many times as common (readers do search rare words). */
const MORE_COMMON = 20;
/**
 * The most words of one query weighed for a correction: each costs a trigram lookup over
 * the vocabulary, and a query of ten phrases of nonsense words would otherwise hold the
 * database for a second on a large site.
 */
export const MAX_WORDS_CORRECTED = 5;

/**
 * "Did you mean": the vocabulary word closest to `word` (edit distance, then the most used),
 * or null when the word is fine or nothing near enough is known. The vocabulary holds only
 * published articles' words, so a suggestion never reveals a draft.
 */
export async function suggestSpelling(db: Database, word: string): Promise<string | null> {
  const folded = foldText(word);
  if (folded.length < TERM_LENGTH.min || folded.length > TERM_LENGTH.max || !/^\p{L}+$/u.test(folded)) return null;
  const ownCount = await documentCountOf(db, folded);
  const limit = allowedDistance(folded);
  let best: { term: string; distance: number; count: number } | null = null;
  for (const candidate of await termsSharingTrigrams(db, folded, { limit: CANDIDATES, maxLengthDifference: limit })) {
    if (candidate.term === folded || Math.abs(candidate.term.length - folded.length) > limit) continue;
    if (candidate.documentCount < Math.max(1, ownCount * MORE_COMMON)) continue;
    const distance = editDistance(folded, candidate.term);
    if (distance > limit) continue;
    if (!best || distance < best.distance || (distance === best.distance && candidate.documentCount > best.count)) {
      best = { term: candidate.term, distance, count: candidate.documentCount };
    }
  }
  return best?.term ?? null;
}

export interface QuerySuggestion {
  /** the query with each misspelled word replaced */
  query: string;
  corrections: { from: string; to: string }[];
}

/** The whole query with its misspelled words corrected (the rest as typed), or null when no word needs it. */
export async function suggestQuerySpelling(db: Database, rawQuery: string): Promise<QuerySuggestion | null> {
  const parsed = parseQuery(rawQuery);
  if (parsed.kind === 'empty') return null;
  const words = [...new Set(parsed.query.include.flatMap((c) => c.anyOf[0] ?? []))].slice(0, MAX_WORDS_CORRECTED);
  const corrections: { from: string; to: string }[] = [];
  for (const word of words) {
    const to = await suggestSpelling(db, word);
    if (to) corrections.push({ from: word, to });
  }
  if (corrections.length === 0) return null;
  const replacements = new Map(corrections.map((c) => [c.from, c.to]));
  // Word by word over what was typed, so quotes and exclusions stay where the reader put them.
  const query = rawQuery
    .slice(0, 1_000)
    .replace(/[\p{L}\p{N}\p{M}]+/gu, (w) => replacements.get(w.toLowerCase()) ?? w);
  return { query, corrections };
}
