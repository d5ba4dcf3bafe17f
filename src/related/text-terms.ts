import { porterStem } from './porter-stemmer.js';
import { STOPWORDS } from './stopwords.js';

/** The words of an article that related-article matching reads. */
export interface ArticleText {
  title: string;
  dek: string;
  body: string; // stored body HTML
}

export const MIN_TOKEN_LENGTH = 3;
// Longer "words" are glued URLs, hashes or base64, never vocabulary.
export const MAX_TOKEN_LENGTH = 40;

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

/** The index terms of plain text, in order, repeats kept (the simple path, for tests and one-offs). */
export function textTerms(text: string): string[] {
  const terms: string[] = [];
  forEachToken(text, (token) => {
    const term = normalizeToken(token);
    if (term !== null) terms.push(term);
  });
  return terms;
}

/**
 * Lowercase, accents folded ("Café" and "cafe" are one word to a reader), apostrophes
 * removed so they join rather than split: "don't" is the stopword "dont", "Obama's" stems
 * to "obama". `isAscii` says the fast character loop of term-counter.ts may scan it.
 */
export function foldText(text: string): { folded: string; isAscii: boolean } {
  let folded = text.toLowerCase();
  const isAscii = !/[^\x00-\x7f]/.test(folded);
  if (!isAscii) folded = folded.normalize('NFKD').replace(/\p{M}+/gu, '');
  if (folded.includes("'") || folded.includes('\u2019')) folded = folded.replace(/['\u2019]/g, '');
  return { folded, isAscii };
}

/** Calls `visit` with each lowercase word of plain text that could be a term (letters in it, 3 to 40 characters). */
function forEachToken(text: string, visit: (token: string) => void): void {
  const { folded } = foldText(text);
  for (const [token] of folded.matchAll(/[\p{L}\p{N}]+/gu)) {
    if (token.length >= MIN_TOKEN_LENGTH && token.length <= MAX_TOKEN_LENGTH && /\p{L}/u.test(token)) visit(token);
  }
}
