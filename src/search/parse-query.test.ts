import { describe, expect, it } from 'vitest';
import { parseQuery, QUERY_LIMITS } from './parse-query.js';

function clausesOf(raw: string) {
  const parsed = parseQuery(raw);
  if (parsed.kind !== 'query') throw new Error(`nothing to search for: ${parsed.reason}`);
  return { include: parsed.query.include.map((c) => c.anyOf), exclude: parsed.query.exclude.map((c) => c.anyOf), isTruncated: parsed.query.isTruncated };
}

describe('parseQuery', () => {
  it('reads words, quoted phrases and exclusions', () => {
    expect(clausesOf('Ceasefire "northern crossings" -convoys -"customs sheds"')).toEqual({
      include: [[['ceasefire']], [['northern', 'crossings']]],
      exclude: [[['convoys']], [['customs', 'sheds']]],
      isTruncated: false,
    });
  });

  it('treats an acronym with dots as the word and as its letters, and a hyphenated word as a phrase', () => {
    expect(clausesOf('M.E.K. al-Qaeda').include).toEqual([[['mek'], ['m', 'e', 'k']], [['al', 'qaeda']]]);
    expect(clausesOf('(M.E.K.) M.E.K., "U.S."').include).toEqual([[['mek'], ['m', 'e', 'k']], [['mek'], ['m', 'e', 'k']], [['u', 's']]]);
    // The possessive: the word "mek", or the letters as the text has them.
    expect(clausesOf("M.E.K.'s").include).toEqual([[['mek'], ['m', 'e', 'k', 's']]]);
  });

  it('keeps no operator: AND, OR, NOT, NEAR, *, ^, column filters and parentheses are words or nothing', () => {
    expect(clausesOf('tolvane OR kaldora NOT (x*) title:ports ^start NEAR(a b)').include).toEqual([
      [['tolvane']], [['or']], [['kaldora']], [['not']], [['x']], [['title', 'ports']], [['start']], [['near', 'a']], [['b']],
    ]);
  });

  it('runs an unclosed quote to the end, and a minus inside a word is not an exclusion', () => {
    expect(clausesOf('"open phrase').include).toEqual([[['open', 'phrase']]]);
    expect(clausesOf('well-known -').include).toEqual([[['well', 'known']]]);
  });

  it('says there is nothing to search for', () => {
    expect(parseQuery('')).toEqual({ kind: 'empty', reason: 'no-words', isTruncated: false });
    expect(parseQuery('"" () *** -- ')).toMatchObject({ kind: 'empty', reason: 'no-words' });
    expect(parseQuery('-alone -"and this"')).toMatchObject({ kind: 'empty', reason: 'only-exclusions' });
  });

  it('caps clauses, phrase length, word length and input length, and says so', () => {
    const many = Array.from({ length: 30 }, (_, i) => `w${i}`).join(' ');
    const parsed = clausesOf(many);
    expect(parsed.include).toHaveLength(QUERY_LIMITS.clauses);
    expect(parsed.isTruncated).toBe(true);
    const long = clausesOf(`"${Array.from({ length: 40 }, () => 'word').join(' ')}"`);
    expect(long.include[0]![0]).toHaveLength(QUERY_LIMITS.wordsPerPhrase);
    expect(clausesOf('x'.repeat(10_000)).include[0]![0]![0]).toHaveLength(QUERY_LIMITS.wordLength);
    expect(clausesOf(`ports ${' '.repeat(2_000)} hidden`)).toEqual({ include: [[['ports']]], exclude: [], isTruncated: true });
  });

  it('drops control characters and lone surrogates and keeps accented and non-Latin words', () => {
    expect(clausesOf('a\u0000b \ud800c Mojahedín ΕΛΛΆΔΑ 東京').include).toEqual([[['a']], [['b']], [['c']], [['mojahedín']], [['ελλάδα']], [['東京']]]);
  });
});
