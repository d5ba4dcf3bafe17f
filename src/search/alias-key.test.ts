import { describe, expect, it } from 'vitest';
import { aliasKey } from './alias-key.js';

describe('aliasKey', () => {
  it('gives every spelling of a name one key: case, accents, dots and hyphens in acronyms', () => {
    expect(new Set(['M.E.K.', 'MEK', 'mek', 'M.E.K', 'm-e-k', ' Mek '].map(aliasKey))).toEqual(new Set(['mek']));
    expect(new Set(['Mojahedín-e Khalq', 'mojahedin e khalq', 'MOJAHEDIN-E-KHALQ', 'Mojahedin  e  Khalq'].map(aliasKey))).toEqual(new Set(['mojahedin e khalq']));
  });

  it('closes up only one-letter pieces: words with hyphens stay words', () => {
    expect(aliasKey('al-Qaeda')).toBe('al qaeda');
    expect(aliasKey('U.S. envoy')).toBe('us envoy');
    expect(aliasKey('x-ray')).toBe('x ray');
    expect(aliasKey("People's Mojahedin")).toBe('people s mojahedin');
  });

  it('folds compatibility forms and leaves nothing for punctuation alone', () => {
    expect(aliasKey('ﬁnance')).toBe('finance');
    expect(aliasKey('...')).toBe('');
  });
});
