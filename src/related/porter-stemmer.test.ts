import { describe, expect, it } from 'vitest';
import { porterStem } from './porter-stemmer.js';

// Pairs from Porter's paper and his published sample vocabulary.
const EXPECTED: Array<[string, string]> = [
  ['caresses', 'caress'],
  ['ponies', 'poni'],
  ['ties', 'ti'],
  ['caress', 'caress'],
  ['cats', 'cat'],
  ['feed', 'feed'],
  ['agreed', 'agre'],
  ['plastered', 'plaster'],
  ['bled', 'bled'],
  ['motoring', 'motor'],
  ['sing', 'sing'],
  ['conflated', 'conflat'],
  ['troubled', 'troubl'],
  ['sized', 'size'],
  ['hopping', 'hop'],
  ['tanned', 'tan'],
  ['falling', 'fall'],
  ['hissing', 'hiss'],
  ['fizzed', 'fizz'],
  ['failing', 'fail'],
  ['filing', 'file'],
  ['happy', 'happi'],
  ['sky', 'sky'],
  ['relational', 'relat'],
  ['conditional', 'condit'],
  ['rational', 'ration'],
  ['digitizer', 'digit'],
  ['operator', 'oper'],
  ['feudalism', 'feudal'],
  ['decisiveness', 'decis'],
  ['hopefulness', 'hope'],
  ['callousness', 'callous'],
  ['sensitivity', 'sensit'],
  ['triplicate', 'triplic'],
  ['formative', 'form'],
  ['formalize', 'formal'],
  ['electrical', 'electr'],
  ['goodness', 'good'],
  ['revival', 'reviv'],
  ['allowance', 'allow'],
  ['inference', 'infer'],
  ['airliner', 'airlin'],
  ['adjustable', 'adjust'],
  ['defensible', 'defens'],
  ['replacement', 'replac'],
  ['adjustment', 'adjust'],
  ['dependent', 'depend'],
  ['adoption', 'adopt'],
  ['communism', 'commun'],
  ['activate', 'activ'],
  ['effective', 'effect'],
  ['bowdlerize', 'bowdler'],
  ['probate', 'probat'],
  ['rate', 'rate'],
  ['cease', 'ceas'],
  ['controlling', 'control'],
  ['roll', 'roll'],
  ['generalizations', 'gener'],
  ['oscillators', 'oscil'],
  ['youth', 'youth'],
  ['yielding', 'yield'],
];

describe('porterStem', () => {
  it.each(EXPECTED)('stems %s to %s', (word, stem) => {
    expect(porterStem(word)).toBe(stem);
  });

  it('brings the forms of one word together', () => {
    expect(new Set(['inflation', 'inflated', 'inflating', 'inflate'].map(porterStem))).toEqual(new Set(['inflat']));
    expect(porterStem('strikes')).toBe(porterStem('strike'));
    expect(porterStem('negotiations')).toBe(porterStem('negotiation'));
  });

  it('leaves words under three letters alone', () => {
    expect(porterStem('is')).toBe('is');
  });
});
