import { describe, expect, it } from 'vitest';
import { createTermNormalizer, htmlToText, normalizeToken, termFrequencies, textTerms } from './text-terms.js';

describe('htmlToText', () => {
  it('turns tags into spaces and decodes entities', () => {
    expect(htmlToText('<p>Ports&nbsp;<em>reopen</em></p><p>AT&amp;T &#8217;s &#x2014; done</p>')).toBe(
      ' Ports  reopen   AT&T \u2019s \u2014 done ',
    );
  });

  it('drops comments, scripts and styles with their content', () => {
    expect(htmlToText('a<!-- hidden words -->b<script>var x = 1</script>c<style>p{}</style>d').replace(/\s+/g, '')).toBe(
      'abcd',
    );
  });

  it('keeps words apart across block boundaries', () => {
    expect(textTerms(htmlToText('<h2>Harbour</h2><p>cranes</p>'))).toEqual(['harbour', 'crane']);
  });
});

describe('textTerms', () => {
  it('lowercases, drops stopwords, short words and numbers, and stems', () => {
    expect(textTerms('The Dockworkers said they were striking at 12 ports in 2026, as of today')).toEqual([
      'dockwork',
      'strike',
      'port',
    ]);
  });

  it('joins apostrophes and folds accents', () => {
    expect(textTerms("Don't blame the minister\u2019s café")).toEqual(['blame', 'minist', 'cafe']);
  });

  it('keeps mixed letters and digits unstemmed, and non-Latin words whole', () => {
    expect(textTerms('G20 leaders, covid19 measures, Ελλάδα')).toEqual(['g20', 'leader', 'covid19', 'measur', 'ελλαδα']);
  });

  it('ignores glued junk longer than forty characters', () => {
    expect(textTerms('a'.repeat(41) + ' harbour')).toEqual(['harbour']);
  });
});

describe('normalizers', () => {
  it('answer the same with and without memo', () => {
    const memo = createTermNormalizer();
    for (const token of ['running', 'the', '2026', 'xy', 'harbours', 'running']) {
      expect(memo(token)).toBe(normalizeToken(token));
    }
  });
});

describe('termFrequencies', () => {
  it('weighs a title word above the same word used once in the body', () => {
    const tf = termFrequencies({ title: 'Harbour strike', dek: '', body: '<p>The harbour cranes stood idle.</p>' });
    expect(tf.get('harbour')).toBeCloseTo(3); // 1 (body) + 2 (title)
    expect(tf.get('crane')).toBeCloseTo(1);
    expect(tf.get('strike')).toBeCloseTo(2);
  });

  it('damps repetition: ten uses count 1 + ln 10, not 10', () => {
    const tf = termFrequencies({ title: '', dek: 'Ports closed', body: '<p>' + 'port '.repeat(10) + '</p>' });
    expect(tf.get('port')).toBeCloseTo(1 + Math.log(10) + 1.5 * (1 + Math.log(1)));
  });
});
