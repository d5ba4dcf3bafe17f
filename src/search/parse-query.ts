import { cleanText, wordsOf } from './search-text.js';

/*
 * What a reader may type: words, "quoted phrases" and -exclusions (a minus before a word or
 * a quoted phrase). Nothing else is syntax: AND, OR, NEAR, *, ^, :, parentheses, SQL or
 * regex characters are punctuation or plain words. The parser keeps only words (see
 * search-text.ts), so what reaches an engine is always a list of word sequences that the
 * engine's adapter quotes itself (sqlite-search.ts, postgres-search.ts).
 */

export const QUERY_LIMITS = {
  /** characters read from the raw query; the rest is ignored */
  inputChars: 1_000,
  /** terms and phrases, included and excluded together */
  clauses: 10,
  wordsPerPhrase: 10,
  /** a longer word is cut to this length (no language has such words; junk should still get an answer) */
  wordLength: 60,
};

/** The words of one way to match, in a row; a single word is a term. */
export type WordSequence = readonly string[];

export interface Clause {
  /** the clause matches a document where any of these sequences occurs */
  anyOf: readonly WordSequence[];
  /** the piece of the query it came from, as typed (alias lookup, showing the query back) */
  text: string;
  /** a "quoted phrase": matched as a whole, never joined with its neighbours to name a topic */
  isQuoted: boolean;
}

export interface ParsedQuery {
  /** every one must match */
  include: readonly Clause[];
  /** none may match */
  exclude: readonly Clause[];
  /** part of the query was past a limit and ignored */
  isTruncated: boolean;
}

export type QueryParse =
  | { kind: 'query'; query: ParsedQuery }
  /** nothing to search for: no word at all, or only exclusions */
  | { kind: 'empty'; reason: 'no-words' | 'only-exclusions'; isTruncated: boolean };

// A whole piece made of one-letter pieces joined by dots or hyphens: "M.E.K.", "U.S", "M-E-K".
const ACRONYM_PIECE = /^\p{L}(?:[.-]\p{L})+\.?$/u;

interface Piece {
  text: string;
  isQuoted: boolean;
  isExcluded: boolean;
}

/** Parses a raw query string; never throws, whatever the string holds. */
export function parseQuery(raw: string): QueryParse {
  const text = cleanText(raw.slice(0, QUERY_LIMITS.inputChars));
  let isTruncated = raw.length > QUERY_LIMITS.inputChars;
  const include: Clause[] = [];
  const exclude: Clause[] = [];
  for (const piece of piecesOf(text)) {
    const clause = clauseOf(piece);
    if (!clause) continue;
    if (include.length + exclude.length >= QUERY_LIMITS.clauses) {
      isTruncated = true;
      break;
    }
    if (clause.isCut) isTruncated = true;
    (piece.isExcluded ? exclude : include).push(clause.clause);
  }
  if (include.length === 0) return { kind: 'empty', reason: exclude.length > 0 ? 'only-exclusions' : 'no-words', isTruncated };
  return { kind: 'query', query: { include, exclude, isTruncated } };
}

/** Splits on white space and quotes; a minus at the start of a piece excludes it. An unclosed quote runs to the end. */
function piecesOf(text: string): Piece[] {
  const pieces: Piece[] = [];
  let i = 0;
  while (i < text.length) {
    while (i < text.length && /\s/u.test(text[i]!)) i++;
    if (i >= text.length) break;
    let isExcluded = false;
    if (text[i] === '-' && i + 1 < text.length && !/\s/u.test(text[i + 1]!)) {
      isExcluded = true;
      i++;
    }
    if (text[i] === '"') {
      const close = text.indexOf('"', i + 1);
      const end = close < 0 ? text.length : close;
      pieces.push({ text: text.slice(i + 1, end), isQuoted: true, isExcluded });
      i = end + 1;
    } else {
      let end = i;
      while (end < text.length && text[end] !== '"' && !/\s/u.test(text[end]!)) end++;
      pieces.push({ text: text.slice(i, end), isQuoted: false, isExcluded });
      i = end;
    }
  }
  return pieces;
}

function clauseOf(piece: Piece): { clause: Clause; isCut: boolean } | null {
  const all = wordsOf(piece.text);
  if (all.length === 0) return null;
  let isCut = all.length > QUERY_LIMITS.wordsPerPhrase;
  const words = all.slice(0, QUERY_LIMITS.wordsPerPhrase).map((w) => {
    if (w.length <= QUERY_LIMITS.wordLength) return w;
    isCut = true;
    return [...w].slice(0, QUERY_LIMITS.wordLength).join('');
  });
  const text = piece.text.trim();
  // "M.E.K." is the word "mek" as often as the letters m, e, k in a row: either matches. Also
  // written inside punctuation or as a possessive: "(M.E.K.)", "M.E.K.,", "M.E.K.'s".
  const acronym = text.replace(/^[^\p{L}\p{N}]+/u, '').replace(/[’']s$/u, '').replace(/[^\p{L}\p{N}.]+$/u, '');
  const anyOf: WordSequence[] = !piece.isQuoted && ACRONYM_PIECE.test(acronym) ? [[wordsOf(acronym).join('')], words] : [words];
  return { clause: { anyOf, text, isQuoted: piece.isQuoted }, isCut };
}
