/**
 * The Porter stemmer (M. F. Porter, "An algorithm for suffix stripping", 1980), so that
 * "inflation", "inflationary" and "inflated" meet on one term. Written from the paper's
 * five steps; the regular expressions encode its measure m of a stem ([C](VC)^m[V]).
 * Expects a lowercase ASCII word; words shorter than three letters come back unchanged.
 */

const CONSONANT = '[^aeiou]';
const VOWEL = '[aeiouy]';
const CONSONANTS = `${CONSONANT}[^aeiouy]*`;
const VOWELS = `${VOWEL}[aeiou]*`;

const M_GT_0 = new RegExp(`^(${CONSONANTS})?${VOWELS}${CONSONANTS}`);
const M_EQ_1 = new RegExp(`^(${CONSONANTS})?${VOWELS}${CONSONANTS}(${VOWELS})?$`);
const M_GT_1 = new RegExp(`^(${CONSONANTS})?${VOWELS}${CONSONANTS}${VOWELS}${CONSONANTS}`);
const HAS_VOWEL = new RegExp(`^(${CONSONANTS})?${VOWEL}`);
// *o: the stem ends consonant-vowel-consonant, the last not w, x or y ("hop", not "bow").
const ENDS_CVC = new RegExp(`^${CONSONANTS}${VOWEL}[^aeiouwxy]$`);

const STEP1A_SSES_IES = /^(.+?)(ss|i)es$/;
const STEP1A_S = /^(.+?)([^s])s$/;
const STEP1B_EED = /^(.+?)eed$/;
const STEP1B_ED_ING = /^(.+?)(ed|ing)$/;
const STEP1B_RESTORE_E = /(at|bl|iz)$/;
const DOUBLE_CONSONANT = /([^aeiouylsz])\1$/;
const STEP1C_Y = /^(.+?)y$/;

const STEP2_SUFFIXES: Record<string, string> = {
  ational: 'ate',
  tional: 'tion',
  enci: 'ence',
  anci: 'ance',
  izer: 'ize',
  bli: 'ble',
  alli: 'al',
  entli: 'ent',
  eli: 'e',
  ousli: 'ous',
  ization: 'ize',
  ation: 'ate',
  ator: 'ate',
  alism: 'al',
  iveness: 'ive',
  fulness: 'ful',
  ousness: 'ous',
  aliti: 'al',
  iviti: 'ive',
  biliti: 'ble',
  logi: 'log',
};
const STEP3_SUFFIXES: Record<string, string> = {
  icate: 'ic',
  ative: '',
  alize: 'al',
  iciti: 'ic',
  ical: 'ic',
  ful: '',
  ness: '',
};
// The lazy stem makes the regex take the longest listed suffix that matches.
const STEP2 = new RegExp(`^(.+?)(${Object.keys(STEP2_SUFFIXES).join('|')})$`);
const STEP3 = new RegExp(`^(.+?)(${Object.keys(STEP3_SUFFIXES).join('|')})$`);
const STEP4 = /^(.+?)(al|ance|ence|er|ic|able|ible|ant|ement|ment|ent|ou|ism|ate|iti|ous|ive|ize)$/;
const STEP4_ION = /^(.+?)([st])ion$/;
const STEP5_E = /^(.+?)e$/;

export function porterStem(input: string): string {
  if (input.length < 3) return input;
  // An initial y is a consonant; upper case keeps the vowel classes from seeing it as one.
  const startsWithY = input.charCodeAt(0) === 121;
  let word = startsWithY ? `Y${input.slice(1)}` : input;

  // Step 1a: plurals.
  let match = STEP1A_SSES_IES.exec(word);
  if (match) word = match[1]! + match[2]!;
  else if ((match = STEP1A_S.exec(word))) word = match[1]! + match[2]!;

  // Step 1b: -eed, -ed, -ing.
  if ((match = STEP1B_EED.exec(word))) {
    if (M_GT_0.test(match[1]!)) word = word.slice(0, -1);
  } else if ((match = STEP1B_ED_ING.exec(word)) && HAS_VOWEL.test(match[1]!)) {
    word = match[1]!;
    if (STEP1B_RESTORE_E.test(word)) word += 'e';
    else if (DOUBLE_CONSONANT.test(word)) word = word.slice(0, -1);
    else if (ENDS_CVC.test(word)) word += 'e';
  }

  // Step 1c: y → i when the stem has a vowel.
  if ((match = STEP1C_Y.exec(word)) && HAS_VOWEL.test(match[1]!)) word = `${match[1]!}i`;

  // Steps 2 and 3: map double and single derivational suffixes when m > 0.
  if ((match = STEP2.exec(word)) && M_GT_0.test(match[1]!)) word = match[1]! + STEP2_SUFFIXES[match[2]!]!;
  if ((match = STEP3.exec(word)) && M_GT_0.test(match[1]!)) word = match[1]! + STEP3_SUFFIXES[match[2]!]!;

  // Step 4: drop residual suffixes when m > 1.
  if ((match = STEP4.exec(word))) {
    if (M_GT_1.test(match[1]!)) word = match[1]!;
  } else if ((match = STEP4_ION.exec(word))) {
    const stem = match[1]! + match[2]!;
    if (M_GT_1.test(stem)) word = stem;
  }

  // Step 5: a final -e, and -ll → -l, when the measure allows.
  if ((match = STEP5_E.exec(word))) {
    const stem = match[1]!;
    if (M_GT_1.test(stem) || (M_EQ_1.test(stem) && !ENDS_CVC.test(stem))) word = stem;
  }
  if (word.endsWith('ll') && M_GT_1.test(word)) word = word.slice(0, -1);

  return startsWithY ? `y${word.slice(1)}` : word;
}
