import { BODY_WEIGHT, DEK_WEIGHT, TITLE_WEIGHT } from './related-method.js';
import { weighTerms, type TermVector } from './term-vector.js';
import { foldText, htmlToText, MAX_TOKEN_LENGTH, MIN_TOKEN_LENGTH, normalizeToken, type ArticleText } from './text-terms.js';

/*
 * Counting the terms of article after article, fast: a bulk rebuild reads every word of
 * 100,000 articles twice, so this is the hot loop of the whole engine, and its cost is
 * memory latency. Each word is hashed twice while the text is scanned (two independent
 * 32-bit hashes plus its length identify it: a false match needs both hashes to collide,
 * odds below one in a billion over a whole corpus) and looked up in one flat table whose
 * entry holds the word's term slot; slots are counted in typed arrays. A known word thus
 * costs no string, no Map lookup and two memory reads; only a new word becomes a string
 * and goes through normalization (stopwords, stemming), once.
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
  /** buildTermVector of the article against the document counts tallied by countDocument. */
  weigh(article: ArticleText, publishedCount: number): TermVector;
  /** Adds the article to the document count of each of its distinct terms. */
  countDocument(article: ArticleText): void;
  /** The document counts tallied by countDocument. */
  documentCount(term: string): number;
  /** Every term countDocument has met. */
  terms(): string[];
}

// 2^20 places remember 300,000 distinct words (16 MB) and stay under a third full, so
// probes are short; past that, new words are normalized every time they occur (the words
// met first are the frequent ones). One article needs far less.
const BULK_TABLE_BITS = 20;
const SINGLE_ARTICLE_TABLE_BITS = 12;
const NOT_A_TERM = -1;

export function createTermCounter(tableBits: number = BULK_TABLE_BITS): TermCounter {
  const mask = (1 << tableBits) - 1;
  const memoLimit = Math.floor((mask + 1) * 0.3);
  // Place p holds [hashA, hashB, length, slot] at 4p; length 0 marks an empty place.
  const table = new Int32Array((mask + 1) * 4);
  let remembered = 0;
  // Term slots, one per distinct term, never forgotten: document counts are kept on them.
  const slotOfTerm = new Map<string, number>();
  const slotTerm: string[] = [];
  let slotCount = new Int32Array(1024);
  let slotStamp = new Int32Array(1024);
  let slotDocuments = new Int32Array(1024);
  let touched = new Int32Array(1024);
  let touchedCount = 0;
  let stamp = 0;
  // The article being weighed: its term frequencies, kept per slot rather than in a Map.
  let slotFrequency = new Float64Array(1024);
  let slotArticle = new Int32Array(1024);
  let articleSlots = new Int32Array(1024);
  let articleSlotCount = 0;
  let article = 0;

  const slotFor = (term: string): number => {
    let slot = slotOfTerm.get(term);
    if (slot === undefined) {
      slot = slotTerm.length;
      slotTerm.push(term);
      slotOfTerm.set(term, slot);
      if (slot === slotCount.length) {
        slotCount = grown(slotCount);
        slotStamp = grown(slotStamp);
        slotDocuments = grown(slotDocuments);
        touched = grown(touched);
        slotFrequency = grownFloats(slotFrequency);
        slotArticle = grown(slotArticle);
        articleSlots = grown(articleSlots);
      }
    }
    return slot;
  };
  const count = (slot: number) => {
    if (slot === NOT_A_TERM) return;
    if (slotStamp[slot] !== stamp) {
      slotStamp[slot] = stamp;
      slotCount[slot] = 0;
      touched[touchedCount++] = slot;
    }
    slotCount[slot]!++;
  };
  /** Counts source[start, end), whose hashes are `a` and `b`. */
  const visit = (source: string, start: number, end: number, a: number, b: number) => {
    const length = end - start;
    let at = (a & mask) * 4;
    for (; table[at + 2] !== 0; at = (at + 4) & (mask * 4 + 3)) {
      if (table[at] === a && table[at + 1] === b && table[at + 2] === length) return count(table[at + 3]!);
    }
    // A remembered word is copied out of the text: a slice would keep the whole article alive.
    const isRemembered = remembered < memoLimit;
    const token = isRemembered ? detachedCopy(source.slice(start, end)) : source.slice(start, end);
    const term = normalizeToken(token);
    const slot = term === null ? NOT_A_TERM : slotFor(term);
    if (isRemembered) {
      table[at] = a;
      table[at + 1] = b;
      table[at + 2] = length;
      table[at + 3] = slot;
      remembered++;
    }
    count(slot);
  };

  const scanField = (raw: string) => {
    const { folded, isAscii } = foldText(raw);
    if (!isAscii) {
      for (const match of folded.matchAll(/[\p{L}\p{N}]+/gu)) {
        const token = match[0];
        if (token.length >= MIN_TOKEN_LENGTH && token.length <= MAX_TOKEN_LENGTH && /\p{L}/u.test(token)) {
          let a = HASH_A_SEED;
          let b = 0;
          for (let i = 0; i < token.length; i++) {
            const c = token.charCodeAt(i);
            a = Math.imul(a ^ c, HASH_A_PRIME);
            b = (Math.imul(b, HASH_B_FACTOR) + c) | 0;
          }
          visit(token, 0, token.length, a, b);
        }
      }
      return;
    }
    let start = -1;
    let hasLetter = false;
    let a = 0;
    let b = 0;
    for (let i = 0; i <= folded.length; i++) {
      const c = i < folded.length ? folded.charCodeAt(i) : 32;
      const isLetter = c >= 97 && c <= 122;
      if (isLetter || (c >= 48 && c <= 57)) {
        if (start < 0) {
          start = i;
          a = HASH_A_SEED;
          b = 0;
        }
        hasLetter ||= isLetter;
        a = Math.imul(a ^ c, HASH_A_PRIME);
        b = (Math.imul(b, HASH_B_FACTOR) + c) | 0;
      } else if (start >= 0) {
        // Short words and bare numbers are never terms: they are not even looked up.
        const length = i - start;
        if (hasLetter && length >= MIN_TOKEN_LENGTH && length <= MAX_TOKEN_LENGTH) visit(folded, start, i, a, b);
        start = -1;
        hasLetter = false;
      }
    }
  };
  /** Starts a fresh count: afterwards `touched` lists the slots met since. */
  const restart = () => {
    stamp++;
    touchedCount = 0;
  };

  /** Fills slotFrequency for the article's terms, listed in articleSlots (see termFrequencies). */
  const tally = (text: ArticleText) => {
    article++;
    articleSlotCount = 0;
    const addField = (raw: string, weight: number) => {
      restart();
      scanField(raw);
      for (let i = 0; i < touchedCount; i++) {
        const slot = touched[i]!;
        if (slotArticle[slot] !== article) {
          slotArticle[slot] = article;
          slotFrequency[slot] = 0;
          articleSlots[articleSlotCount++] = slot;
        }
        slotFrequency[slot]! += weight * (1 + Math.log(slotCount[slot]!));
      }
    };
    addField(htmlToText(text.body), BODY_WEIGHT);
    addField(text.dek, DEK_WEIGHT);
    addField(text.title, TITLE_WEIGHT);
  };

  return {
    frequencies(text) {
      tally(text);
      const tf = new Map<string, number>();
      for (let i = 0; i < articleSlotCount; i++) tf.set(slotTerm[articleSlots[i]!]!, slotFrequency[articleSlots[i]!]!);
      return tf;
    },
    weigh(text, publishedCount) {
      tally(text);
      const terms: string[] = [];
      const tf = new Float64Array(articleSlotCount);
      const df = new Int32Array(articleSlotCount);
      for (let i = 0; i < articleSlotCount; i++) {
        const slot = articleSlots[i]!;
        terms.push(slotTerm[slot]!);
        tf[i] = slotFrequency[slot]!;
        df[i] = slotDocuments[slot]!;
      }
      return weighTerms(terms, tf, df, publishedCount);
    },
    countDocument(text) {
      // All three fields as one count: each distinct term is met once, whatever field it is in.
      restart();
      scanField(htmlToText(text.body));
      scanField(text.dek);
      scanField(text.title);
      for (let i = 0; i < touchedCount; i++) slotDocuments[touched[i]!]!++;
    },
    documentCount(term) {
      const slot = slotOfTerm.get(term);
      return slot === undefined ? 0 : slotDocuments[slot]!;
    },
    terms: () => slotTerm.filter((_, slot) => slotDocuments[slot]! > 0),
  };
}

// Two unrelated hashes: 32-bit FNV-1a, and the multiply-by-31 string hash.
const HASH_A_SEED = 0x811c9dc5 | 0;
const HASH_A_PRIME = 0x01000193;
const HASH_B_FACTOR = 31;

function grown(array: Int32Array<ArrayBuffer>): Int32Array<ArrayBuffer> {
  const bigger = new Int32Array(array.length * 2);
  bigger.set(array);
  return bigger;
}

function grownFloats(array: Float64Array<ArrayBuffer>): Float64Array<ArrayBuffer> {
  const bigger = new Float64Array(array.length * 2);
  bigger.set(array);
  return bigger;
}

/** The same characters in a string of their own (V8 may represent a slice as a view of its parent). */
function detachedCopy(text: string): string {
  return Buffer.from(text, 'utf16le').toString('utf16le');
}
