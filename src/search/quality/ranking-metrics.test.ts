import { describe, expect, it } from 'vitest';
import { ndcgAt, precisionAt } from './ranking-metrics.js';

const grades = { a: 2, b: 1, c: 1 };

describe('precision@k', () => {
  it('is the share of the first k places taken by a relevant result, missing places counting as misses', () => {
    expect(precisionAt(5, ['a', 'x', 'b', 'y', 'c'], grades)).toBe(3 / 5);
    expect(precisionAt(5, ['a', 'b'], grades)).toBe(2 / 5);
    expect(precisionAt(2, ['x', 'a', 'b'], grades)).toBe(1 / 2);
    expect(precisionAt(5, [], grades)).toBe(0);
  });
});

describe('nDCG@k', () => {
  it('is 1 for the best order the judgements allow, whatever follows it', () => {
    expect(ndcgAt(10, ['a', 'b', 'c'], grades)).toBe(1);
    expect(ndcgAt(10, ['a', 'c', 'b', 'x', 'y'], grades)).toBe(1);
  });

  it('gains 2^grade − 1 per result, discounted by log2(rank + 1), over the ideal', () => {
    // Ideal: a (3), b (1 / log2 3), c (1 / 2). Ranked: x, a, b → 3 / log2 3 + 1 / 2.
    const ideal = 3 + 1 / Math.log2(3) + 1 / 2;
    expect(ndcgAt(10, ['x', 'a', 'b'], grades)).toBeCloseTo((3 / Math.log2(3) + 1 / 2) / ideal, 12);
    // A highly relevant result first is worth more than two partial ones.
    expect(ndcgAt(10, ['a', 'x', 'x2'], grades)).toBeGreaterThan(ndcgAt(10, ['b', 'c', 'x'], grades));
  });

  it('looks at the first k results only, and at the best k judgements for the ideal', () => {
    expect(ndcgAt(1, ['b', 'a'], grades)).toBeCloseTo(1 / 3, 12);
    expect(ndcgAt(2, ['x', 'y', 'a', 'b'], grades)).toBe(0);
  });

  it('is 0 for no results', () => {
    expect(ndcgAt(10, [], grades)).toBe(0);
  });
});
