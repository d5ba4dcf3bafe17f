import { BODY_WEIGHT, DEK_WEIGHT, TITLE_WEIGHT } from './related-method.js';
import { foldText, htmlToText, MAX_TOKEN_LENGTH, MIN_TOKEN_LENGTH, normalizeToken, type ArticleText } from './text-terms.js';

/*
 * Counting the terms of article after article, fast: a bulk rebuild reads every word of
 * 100,000 articles twice, so this is the hot loop of the whole engine. Words are hashed
 * while the text is scanned and looked up in an open-addressing table of the words seen
 * so far, so a known word costs no string allocation and no Map lookup; only a new word
 * becomes a string and goes through normalization (stopwords, stemming) once.
 */

/**
 * The field-weighted, sublinear term frequency of each term of an article:
 * tf(t) = Σ over fields f where t occurs of weight(f) · (1 + ln count_f(t)).
 * Each field is damped on its own so a word repeated through a long body cannot drown
 * the few words of the title, which say best what the piece is about.
 */
export function termFrequencies(article: ArticleText): Map<string, number> {
  return createTermCounter(SINGLE_ARTICLE_TABLE_BITS).frequencies(article);
}

/** Counts terms article after article, keeping what it learns about words between them. */
export interface TermCounter {
  /** As termFrequencies. */
  frequencies(article: ArticleText): Map<string, number>;
  /** Adds the article to the document count of each of its distinct terms. */
  countDocument(article: ArticleText): void;
  /** The document counts tallied by countDocument. */
  documentCount(term: string): number;
  /** Every term countDocument has met. */
  terms(): string[];
}

interface TermSlot {
  term: string;
  count: number;
  stamp: number; // which field pass last counted it
  documentCount: number;
}

// 2^20 places remember 300,000 distinct words (about 30 MB) and stay under a third full,
// so probes are short; past that, new words are normalized every time they occur (the
// words met first are the frequent ones). One article needs far less.
const BULK_TABLE_BITS = 20;
const SINGLE_ARTICLE_TABLE_BITS = 13;
const EMPTY = -1;

export function createTermCounter(tableBits: number = BULK_TABLE_BITS): TermCounter {
  const mask = (1 << tableBits) - 1;
  const memoLimit = Math.floor((mask + 1) * 0.3);
  const placeOf = new Int32Array(mask + 1).fill(EMPTY); // table place → entry
  const entryHash = new Int32Array(memoLimit);
  const entryToken: string[] = [];
  const entrySlot: Array<TermSlot | null> = [];
  // One slot per term, never forgotten: the vocabulary is what document counts are kept on.
  const slotOfTerm = new Map<string, TermSlot>();
  const touched: TermSlot[] = [];
  let stamp = 0;

  const slotFor = (term: string): TermSlot => {
    let slot = slotOfTerm.get(term);
    if (!slot) slotOfTerm.set(term, (slot = { term, count: 0, stamp: 0, documentCount: 0 }));
    return slot;
  };
  const count = (slot: TermSlot | null) => {
    if (slot === null) return;
    if (slot.stamp !== stamp) {
      slot.stamp = stamp;
      slot.count = 0;
      touched.push(slot);
    }
    slot.count++;
  };
  /** Counts source[start, end), whose hash is `hash`: its slot from the table, or normalized now. */
  const visit = (source: string, start: number, end: number, hash: number) => {
    const length = end - start;
    let place = hash & mask;
    for (let entry = placeOf[place]!; entry !== EMPTY; entry = placeOf[(place = (place + 1) & mask)]!) {
      if (entryHash[entry] !== hash) continue;
      const token = entryToken[entry]!;
      if (token.length !== length) continue;
      let i = 0;
      while (i < length && token.charCodeAt(i) === source.charCodeAt(start + i)) i++;
      if (i === length) return count(entrySlot[entry]!);
    }
    const isRemembered = entryToken.length < memoLimit;
    // A remembered word is copied out of the text: a slice would keep the whole article alive.
    const token = isRemembered ? detachedCopy(source.slice(start, end)) : source.slice(start, end);
    const term = normalizeToken(token);
    const slot = term === null ? null : slotFor(term);
    if (isRemembered) {
      placeOf[place] = entryToken.length;
      entryHash[entryToken.length] = hash;
      entryToken.push(token);
      entrySlot.push(slot);
    }
    count(slot);
  };

  const scanField = (raw: string) => {
    const { folded, isAscii } = foldText(raw);
    if (!isAscii) {
      for (const match of folded.matchAll(/[\p{L}\p{N}]+/gu)) {
        const token = match[0];
        if (token.length >= MIN_TOKEN_LENGTH && token.length <= MAX_TOKEN_LENGTH && /\p{L}/u.test(token)) {
          visit(token, 0, token.length, hashOf(token));
        }
      }
      return;
    }
    let start = -1;
    let hasLetter = false;
    let hash = 0;
    for (let i = 0; i <= folded.length; i++) {
      const c = i < folded.length ? folded.charCodeAt(i) : 32;
      const isLetter = c >= 97 && c <= 122;
      if (isLetter || (c >= 48 && c <= 57)) {
        if (start < 0) {
          start = i;
          hash = FNV_OFFSET;
        }
        hasLetter ||= isLetter;
        hash = Math.imul(hash ^ c, FNV_PRIME);
      } else if (start >= 0) {
        // Short words and bare numbers are never terms: they are not even looked up.
        const length = i - start;
        if (hasLetter && length >= MIN_TOKEN_LENGTH && length <= MAX_TOKEN_LENGTH) visit(folded, start, i, hash);
        start = -1;
        hasLetter = false;
      }
    }
  };
  /** Scans one field as a fresh count; `touched` then holds its terms. */
  const scanAsField = (raw: string) => {
    stamp++;
    touched.length = 0;
    scanField(raw);
  };

  return {
    frequencies(article) {
      const tf = new Map<string, number>();
      const addField = (raw: string, weight: number) => {
        scanAsField(raw);
        for (const slot of touched) tf.set(slot.term, (tf.get(slot.term) ?? 0) + weight * (1 + Math.log(slot.count)));
      };
      addField(htmlToText(article.body), BODY_WEIGHT);
      addField(article.dek, DEK_WEIGHT);
      addField(article.title, TITLE_WEIGHT);
      return tf;
    },
    countDocument(article) {
      // All three fields as one pass: each distinct term is met once, whatever field it is in.
      stamp++;
      touched.length = 0;
      scanField(htmlToText(article.body));
      scanField(article.dek);
      scanField(article.title);
      for (const slot of touched) slot.documentCount++;
    },
    documentCount: (term) => slotOfTerm.get(term)?.documentCount ?? 0,
    terms: () => [...slotOfTerm.values()].filter((slot) => slot.documentCount > 0).map((slot) => slot.term),
  };
}

// 32-bit FNV-1a over UTF-16 code units: one xor and one multiply per character.
const FNV_OFFSET = 0x811c9dc5 | 0;
const FNV_PRIME = 0x01000193;

function hashOf(token: string): number {
  let hash = FNV_OFFSET;
  for (let i = 0; i < token.length; i++) hash = Math.imul(hash ^ token.charCodeAt(i), FNV_PRIME);
  return hash;
}

/** The same characters in a string of their own (V8 may represent a slice as a view of its parent). */
function detachedCopy(text: string): string {
  return Buffer.from(text, 'utf16le').toString('utf16le');
}
