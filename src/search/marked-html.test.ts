import { describe, expect, it } from 'vitest';
import { markedToHtml, matchedBlocks } from './marked-html.js';
import { BLOCK_SEPARATOR, MARK_END, MARK_START } from './search-text.js';

describe('markedToHtml', () => {
  it('escapes the text and turns only the markers into <mark> tags', () => {
    expect(markedToHtml(`<b>x</b> & ${MARK_START}"quoted"${MARK_END} 'it'`)).toBe("&lt;b&gt;x&lt;/b&gt; &amp; <mark>&quot;quoted&quot;</mark> &#39;it&#39;");
  });

  it('pairs the tags whatever the markers look like', () => {
    expect(markedToHtml(`${MARK_END}a${MARK_START}${MARK_START}b`)).toBe('a<mark>b</mark>');
  });
});

describe('matchedBlocks', () => {
  const m = (word: string) => `${MARK_START}${word}${MARK_END}`;
  it('keeps the blocks of a passage that hold a match', () => {
    expect(matchedBlocks(`…a caption Photo: X${BLOCK_SEPARATOR}the ${m('port')} reopened${BLOCK_SEPARATOR}A heading${BLOCK_SEPARATOR}more…`)).toBe(`the ${m('port')} reopened`);
    expect(matchedBlocks(`${m('port')} caption${BLOCK_SEPARATOR}the ${m('port')} again`)).toBe(`${m('port')} caption … the ${m('port')} again`);
  });

  it('keeps every block when none holds a match', () => {
    expect(matchedBlocks(`A heading${BLOCK_SEPARATOR} the first words…`)).toBe('A heading … the first words…');
  });
});
