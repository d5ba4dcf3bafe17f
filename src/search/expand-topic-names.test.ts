import { describe, expect, it } from 'vitest';
import { withoutImpliedWays } from './expand-topic-names.js';

describe('withoutImpliedWays', () => {
  it('leaves out a name that holds another of the same clause as a run of words', () => {
    expect(withoutImpliedWays([[['shb']], [['harbour', 'brigades']], [['sabriq', 'harbour', 'brigades']]])).toEqual([[['shb']], [['harbour', 'brigades']]]);
    expect(withoutImpliedWays([[['republic'], ['of'], ['kaldora']], [['kaldora']], [['republic', 'of', 'kaldora']]])).toEqual([[['kaldora']]]);
  });

  it('leaves out a phrase whose words another way asks for anywhere, and keeps what is not implied', () => {
    expect(withoutImpliedWays([[['kaldoran'], ['sorin']], [['the', 'sorin', 'and', 'debt']], [['kaldoran', 'sorin']]])).toEqual([
      [['kaldoran'], ['sorin']],
      [['the', 'sorin', 'and', 'debt']],
    ]);
    // Not a run: "a c" is not inside "a b c", and "a b c" matches documents "a c" does not.
    expect(withoutImpliedWays([[['a', 'c']], [['a', 'b', 'c']]])).toEqual([[['a', 'c']], [['a', 'b', 'c']]]);
    // Accents are kept apart: a server without unaccent does not fold them.
    expect(withoutImpliedWays([[['mojahedín']], [['mojahedin', 'e', 'khalq']]])).toEqual([[['mojahedín']], [['mojahedin', 'e', 'khalq']]]);
  });

  it('keeps the first of two equal ways', () => {
    expect(withoutImpliedWays([[['cbc']], [['cbc']]])).toEqual([[['cbc']]]);
  });
});
