/*
 * The text rules search shares between what it stores and what it is asked: one place, so
 * the index, the query parser, the alias keys and the vocabulary agree on what a word is.
 * A word is a run of letters, digits and combining marks — what SQLite's unicode61 tokenizer
 * and PostgreSQL's parser (after ASCII punctuation is turned into spaces) both call a token.
 */

/** The snippet markers: private-use characters, which cleanText removes from every stored text, so none can be forged. */
export const MARK_START = '\uE000';
export const MARK_END = '\uE001';
/**
 * Between the blocks of a stored body (paragraphs, headings, captions): U+2029 PARAGRAPH
 * SEPARATOR, which both engines read as a space and hand back in their passages, so a
 * passage can be cut to the blocks that hold a match.
 */
export const BLOCK_SEPARATOR = '\u2029';
/** What PostgreSQL's ts_headline is given instead of "<": its parser drops anything that looks like a tag. */
export const LESS_THAN_STAND_IN = '\uE002';

const WORD = /[\p{L}\p{N}\p{M}]+/gu;
const HAS_LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;

/**
 * Text as it is stored and searched: without control characters, private-use characters or
 * lone surrogates (spaces instead), composed (NFC), so a decomposed accent cannot split a
 * word in either engine.
 */
export function cleanText(text: string): string {
  return text.replace(/[\p{Cc}\p{Co}\p{Cs}]+/gu, ' ').normalize('NFC');
}

/** Lower case without accents or compatibility forms: how names and vocabulary terms are compared. */
export function foldText(text: string): string {
  return text.normalize('NFKD').replace(/\p{M}+/gu, '').toLowerCase();
}

/** The words of a cleaned text, lower-cased, accents kept (each engine folds them its own way). */
export function wordsOf(text: string): string[] {
  return (text.toLowerCase().match(WORD) ?? []).filter((w) => HAS_LETTER_OR_DIGIT.test(w));
}
