import { describe, expect, it } from 'vitest';
import { markedToHtml } from './marked-html.js';
import { MARK_END, MARK_START } from './search-text.js';

describe('markedToHtml', () => {
  it('escapes the text and turns only the markers into <mark> tags', () => {
    expect(markedToHtml(`<b>x</b> & ${MARK_START}"quoted"${MARK_END} 'it'`)).toBe("&lt;b&gt;x&lt;/b&gt; &amp; <mark>&quot;quoted&quot;</mark> &#39;it&#39;");
  });

  it('pairs the tags whatever the markers look like', () => {
    expect(markedToHtml(`${MARK_END}a${MARK_START}${MARK_START}b`)).toBe('a<mark>b</mark>');
  });
});
