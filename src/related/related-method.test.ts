import { describe, expect, it } from 'vitest';
import {
  jaccard,
  MIN_RELEVANCE,
  pickRelated,
  recencyOf,
  RELATED_LIST_SIZE,
  scoreCandidate,
  topicWeights,
  weightedJaccard,
} from './related-method.js';
import { buildTermVector, cosineOf, inverseDocumentFrequency } from './term-vector.js';

describe('topic sets', () => {
  const parents: Record<string, string[]> = { tyre: ['levant', 'world'], sidon: ['levant', 'world'], levant: ['world'], world: [] };
  const ancestorsOf = (topic: string) => parents[topic] ?? [];

  it('weigh the primary topic 1, other topics 0.5 and ancestors 0.25', () => {
    expect(topicWeights('tyre', ['tyre', 'economy'], ancestorsOf)).toEqual(
      new Map([
        ['tyre', 1],
        ['levant', 0.25],
        ['world', 0.25],
        ['economy', 0.5],
      ]),
    );
  });

  it('keep a topic at its largest weight when it is both filed and an ancestor', () => {
    expect(topicWeights('tyre', ['levant'], ancestorsOf).get('levant')).toBe(0.5);
  });

  it('make siblings closer than strangers and the same topic closest', () => {
    const tyre = topicWeights('tyre', [], ancestorsOf);
    const same = weightedJaccard(tyre, topicWeights('tyre', [], ancestorsOf));
    const sibling = weightedJaccard(tyre, topicWeights('sidon', [], ancestorsOf));
    const stranger = weightedJaccard(tyre, topicWeights('economy', [], ancestorsOf));
    expect(same).toBe(1);
    expect(sibling).toBeCloseTo(0.5 / 2.5); // shares levant and world at 0.25 each
    expect(stranger).toBe(0);
  });
});

describe('scores', () => {
  it('Jaccard of tags', () => {
    expect(jaccard(['a', 'b'], ['b', 'c'])).toBeCloseTo(1 / 3);
    expect(jaccard([], ['b'])).toBe(0);
  });

  it('recency rises with the date, is tiny, and never depends on today', () => {
    expect(recencyOf('2025-01-01T00:00:00.000Z')).toBeGreaterThan(recencyOf('2024-01-01T00:00:00.000Z'));
    expect(recencyOf(null)).toBe(0);
    expect(recencyOf('1990-01-01T00:00:00.000Z')).toBe(0);
    const parts = { cosine: 0, topicOverlap: 0, isSamePrimaryTopic: false, tagOverlap: 0 };
    const newer = scoreCandidate('b', { ...parts, recency: 1 });
    expect(newer.score - newer.relevance).toBeCloseTo(0.01);
  });

  it('a strong textual match beats a same-topic article with nothing else in common', () => {
    const textual = scoreCandidate('a', { cosine: 0.45, topicOverlap: 0, isSamePrimaryTopic: false, tagOverlap: 0, recency: 0 });
    const filedAlike = scoreCandidate('b', { cosine: 0, topicOverlap: 1, isSamePrimaryTopic: true, tagOverlap: 0, recency: 1 });
    expect(textual.score).toBeGreaterThan(filedAlike.score);
  });

  it('picks at most six, best first, ties by id, dropping the barely related', () => {
    const scored = [
      ...['g', 'f', 'e', 'd', 'c', 'b', 'a'].map((id) => ({ id, score: 0.5, relevance: 0.5 })),
      { id: 'z', score: 0.9, relevance: 0.9 },
      { id: 'weak', score: 0.99, relevance: MIN_RELEVANCE / 2 },
    ];
    expect(pickRelated(scored).map((c) => c.id)).toEqual(['z', 'a', 'b', 'c', 'd', 'e']);
    expect(pickRelated(scored)).toHaveLength(RELATED_LIST_SIZE);
  });
});

describe('term vectors', () => {
  it('keep the heaviest terms, sorted by term, at unit length', () => {
    const tf = new Map([
      ['harbour', 3],
      ['crane', 1],
      ['strike', 2],
      ['wage', 2],
    ]);
    const vector = buildTermVector(tf, () => 1, 10, 3);
    expect(vector.terms).toEqual(['harbour', 'strike', 'wage']);
    expect(vector.weights.reduce((sum, w) => sum + w * w, 0)).toBeCloseTo(1);
    expect(cosineOf(vector, vector)).toBeCloseTo(1);
  });

  it('break equal weights by term, so the kept set never depends on map order', () => {
    const tf = new Map(['delta', 'charlie', 'bravo', 'alpha'].map((t) => [t, 1]));
    expect(buildTermVector(tf, () => 1, 10, 2).terms).toEqual(['alpha', 'bravo']);
  });

  it('weigh rare terms above common ones', () => {
    expect(inverseDocumentFrequency(1, 1000)).toBeGreaterThan(inverseDocumentFrequency(500, 1000));
    expect(inverseDocumentFrequency(0, 0)).toBe(1); // the first article: finite and positive
    const vector = buildTermVector(new Map([['common', 1], ['rare', 1]]), (t) => (t === 'rare' ? 1 : 900), 1000);
    expect(vector.weights[vector.terms.indexOf('rare')]!).toBeGreaterThan(vector.weights[vector.terms.indexOf('common')]!);
  });

  it('share nothing when no term is shared', () => {
    const a = buildTermVector(new Map([['port', 1]]), () => 1, 2);
    const b = buildTermVector(new Map([['telescop', 1]]), () => 1, 2);
    expect(cosineOf(a, b)).toBe(0);
  });
});
