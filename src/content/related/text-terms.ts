import { porterStem } from './porter-stemmer.js';
import { BODY_WEIGHT, DEK_WEIGHT, TITLE_WEIGHT } from './related-method.js';
import { STOPWORDS } from './stopwords.js';

/** The words of an article that related-article matching reads. */
export interface ArticleText {
  title: string;
  dek: string;
  body: string; // stored body HTML
}

/** Maps a lowercase token to its index term, or null when the token is not one. */
export type TermNormalizer = (token: string) => string | null;

const MIN_TOKEN_LENGTH = 3;
// Longer "words" are glued URLs, hashes or base64, never vocabulary.
const MAX_TOKEN_LENGTH = 40;
// The memo is a cache, not a store: past this size it starts over.
const MEMO_LIMIT = 200_000;

const NAMED_ENTITIES: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: ' ',
  shy: '',
  rsquo: "'",
  lsquo: "'",
  ldquo: '"',
  rdquo: '"',
  ndash: '-',
  mdash: '-',
  hellip: '...',
};

/**
 * A normalizer that remembers its answers: news text repeats a few thousand words
 * endlessly, so a bulk rebuild stems each distinct word once instead of every time.
 */
export function createTermNormalizer(): TermNormalizer {
  const memo = new Map<string, string | null>();
  return (token) => {
    let term = memo.get(token);
    if (term === undefined) {
      if (memo.size >= MEMO_LIMIT) memo.clear();
      term = normalizeToken(token);
      memo.set(token, term);
    }
    return term;
  };
}

/** Drops stopwords, numbers and too short or too long tokens; stems plain English words. */
export function normalizeToken(token: string): string | null {
  if (token.length < MIN_TOKEN_LENGTH || token.length > MAX_TOKEN_LENGTH) return null;
  if (STOPWORDS.has(token) || /^\d+$/.test(token)) return null;
  // Only ASCII letter words are English for the stemmer; "g20" or "ελλάδα" stay as they are.
  return /^[a-z]+$/.test(token) ? porterStem(token) : token;
}

/** The visible text of an HTML fragment: tags become spaces, entities become characters. */
export function htmlToText(html: string): string {
  return decodeEntities(
    html
      .replace(/<!--[\s\S]*?-->/g, ' ')
      .replace(/<(script|style)\b[\s\S]*?<\/\1\s*>/gi, ' ')
      .replace(/<[^>]*>/g, ' '),
  );
}

function decodeEntities(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(/&(#[0-9]{1,7}|#x[0-9a-f]{1,6}|[a-z][a-z0-9]{1,31});/gi, (_, name: string) => {
    if (name.startsWith('#')) {
      const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : ' ';
    }
    return NAMED_ENTITIES[name.toLowerCase()] ?? ' ';
  });
}

/** The index terms of plain text, in order, repeats kept. */
export function textTerms(text: string, normalize: TermNormalizer = normalizeToken): string[] {
  const terms: string[] = [];
  forEachTerm(text, normalize, (term) => terms.push(term));
  return terms;
}

/**
 * Calls `visit` with each index term of plain text. Runs over every word of every article
 * twice in a bulk rebuild, so the common case (ASCII text) is a plain character loop
 * rather than a regex iterator, which allocates a match object per word.
 */
function forEachTerm(text: string, normalize: TermNormalizer, visit: (term: string) => void): void {
  let folded = text.toLowerCase();
  const isAscii = !/[^\x00-\x7f]/.test(folded);
  if (!isAscii) {
    // "Café" and "cafe" are one word to a reader; so are curly and straight apostrophes.
    folded = folded.normalize('NFKD').replace(/\p{M}+/gu, '');
  }
  // Apostrophes join rather than split: "don't" is the stopword "dont", "Obama's" stems to "obama".
  if (folded.includes("'") || folded.includes('\u2019')) folded = folded.replace(/['\u2019]/g, '');
  if (!isAscii) {
    for (const [token] of folded.matchAll(/[\p{L}\p{N}]+/gu)) {
      const term = normalize(token);
      if (term !== null) visit(term);
    }
    return;
  }
  let start = -1;
  for (let i = 0; i <= folded.length; i++) {
    const c = i < folded.length ? folded.charCodeAt(i) : 32;
    if ((c >= 97 && c <= 122) || (c >= 48 && c <= 57)) {
      if (start < 0) start = i;
    } else if (start >= 0) {
      const term = normalize(folded.slice(start, i));
      if (term !== null) visit(term);
      start = -1;
    }
  }
}

/**
 * The field-weighted, sublinear term frequency of each term of an article:
 * tf(t) = Σ over fields f of weight(f) · (1 + ln count_f(t)), for fields where t occurs.
 * Each field is damped on its own so a word repeated through a long body cannot drown
 * the few words of the title, which say best what the piece is about.
 */
export function termFrequencies(article: ArticleText, normalize: TermNormalizer = normalizeToken): Map<string, number> {
  const tf = new Map<string, number>();
  const counts = new Map<string, number>();
  const count = (term: string) => counts.set(term, (counts.get(term) ?? 0) + 1);
  const addField = (text: string, weight: number) => {
    counts.clear();
    forEachTerm(text, normalize, count);
    for (const [term, n] of counts) tf.set(term, (tf.get(term) ?? 0) + weight * (1 + Math.log(n)));
  };
  addField(htmlToText(article.body), BODY_WEIGHT);
  addField(article.dek, DEK_WEIGHT);
  addField(article.title, TITLE_WEIGHT);
  return tf;
}
