import { describe, expect, it } from 'vitest';
import { htmlToText, textTerms } from './text-terms.js';

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
