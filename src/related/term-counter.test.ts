import { describe, expect, it } from 'vitest';
import { createTermCounter, termFrequencies } from './term-counter.js';
import { buildTermVector } from './term-vector.js';
import { htmlToText, textTerms } from './text-terms.js';

/** The definition, spelled out slowly over the simple tokenizer. */
function expectedFrequencies(article: { title: string; dek: string; body: string }): Map<string, number> {
  const tf = new Map<string, number>();
  for (const [text, weight] of [
    [htmlToText(article.body), 1],
    [article.dek, 1.5],
    [article.title, 2],
  ] as const) {
    const counts = new Map<string, number>();
    for (const term of textTerms(text)) counts.set(term, (counts.get(term) ?? 0) + 1);
    for (const [term, n] of counts) tf.set(term, (tf.get(term) ?? 0) + weight * (1 + Math.log(n)));
  }
  return tf;
}

const ARTICLES = [
  { title: 'Harbour strike', dek: 'Dockworkers walk out', body: '<p>The harbour cranes stood idle at the harbours.</p>' },
  { title: 'Harbour reopens', dek: '', body: "<p>Cranes turn again; the strike's over. Striking workers return to 12 berths.</p>" },
  { title: 'Café owners and the G20', dek: 'Ελλάδα', body: '<p>Caf&eacute; prices rose &amp; the café closed; covid19 rules.</p>' },
  { title: 'Harbour strike', dek: 'Dockworkers walk out', body: '<p>The harbour cranes stood idle at the harbours.</p>' },
];

describe('termFrequencies', () => {
  it('weighs a title word above the same word used once in the body', () => {
    const tf = termFrequencies({ title: 'Harbour strike', dek: '', body: '<p>The harbour cranes stood idle.</p>' });
    expect(tf.get('harbour')).toBeCloseTo(3); // 1 (body) + 2 (title)
    expect(tf.get('crane')).toBeCloseTo(1);
    expect(tf.get('strike')).toBeCloseTo(2);
  });

  it('damps repetition: ten uses count 1 + ln 10, not 10', () => {
    const tf = termFrequencies({ title: '', dek: 'Ports closed', body: '<p>' + 'port '.repeat(10) + '</p>' });
    expect(tf.get('port')).toBeCloseTo(1 + Math.log(10) + 1.5);
  });

  it('agrees with the definition over the simple tokenizer, ASCII or not', () => {
    for (const article of ARTICLES) expect(termFrequencies(article)).toEqual(expectedFrequencies(article));
  });
});

describe('a reused term counter', () => {
  it('counts each article as a fresh one would, words shared between articles included', () => {
    const counter = createTermCounter();
    for (const article of ARTICLES) expect(counter.frequencies(article)).toEqual(termFrequencies(article));
  });

  it('still merges counts once its memo is full', () => {
    const counter = createTermCounter(4); // 16 places: full after 4 words
    const article = { title: '', dek: '', body: '<p>alpha bravo charlie delta echo harbours harbour harbour foxtrot</p>' };
    expect(counter.frequencies(article)).toEqual(expectedFrequencies(article));
    expect(counter.frequencies(article)).toEqual(expectedFrequencies(article));
  });
});

describe('document counts', () => {
  it('count each article once per distinct term, whichever fields hold it', () => {
    const counter = createTermCounter();
    for (const article of ARTICLES) counter.countDocument(article);
    expect(counter.documentCount('harbour')).toBe(3);
    expect(counter.documentCount('dockwork')).toBe(2);
    expect(counter.documentCount('cafe')).toBe(1);
    expect(counter.documentCount('unseen')).toBe(0);
    const expected = new Set(ARTICLES.flatMap((a) => [...termFrequencies(a).keys()]));
    expect(new Set(counter.terms())).toEqual(expected);
  });

  it('weigh articles exactly as buildTermVector does over the same counts', () => {
    const counter = createTermCounter();
    for (const article of ARTICLES) counter.countDocument(article);
    for (const article of ARTICLES) {
      const expected = buildTermVector(termFrequencies(article), counter.documentCount, ARTICLES.length);
      expect(counter.weigh(article, ARTICLES.length)).toEqual(expected);
    }
  });
});
