import { foldText } from './search-text.js';

// One-letter pieces joined by dots or hyphens: "M.E.K.", "U.S", "M-E-K". Not "al-Qaeda", "x-ray" or "e-mail".
const ACRONYM = /(?<![\p{L}\p{N}])\p{L}(?:[.-]\p{L})+(?![\p{L}\p{N}])\.?/gu;

/**
 * The key a topic name, an alias or the words of a query are compared under: folded (case,
 * accents, compatibility forms), acronyms closed up (`M.E.K.` → `mek`), every other run of
 * punctuation a single space. "Mojahedín-e Khalq", "mojahedin e khalq" and "MOJAHEDIN-E-KHALQ"
 * share a key, as do "M.E.K.", "MEK" and "mek".
 */
export function aliasKey(name: string): string {
  const closedUp = foldText(name).replace(ACRONYM, (m) => m.replace(/[.-]/g, ''));
  return (closedUp.match(/[\p{L}\p{N}]+/gu) ?? []).join(' ');
}
