import { describe, expect, it } from 'vitest';
import { fixtureChrome } from '../views/fixtures/site.js';
import { renderPage } from '../views/test-html.js';
import type { SearchPage } from './load-search-page.js';
import { SearchView } from './search-view.js';

/** A page of results as the loader gives it; each test changes what it looks at. */
function resultsPage(total: { count: number; isAtLeast: boolean }, pageCount: number): SearchPage {
  return {
    request: { q: 'ceasefire', topicId: null, tagId: null, authorId: null, from: null, to: null, sort: 'relevance', page: 1 },
    problems: [],
    outcome: {
      kind: 'results',
      hits: [
        {
          id: 'a1',
          url: '/regions/tolvane/truce/',
          titleHtml: 'The <mark>ceasefire</mark> holds',
          snippetHtml: '…the <mark>ceasefire</mark> line moved…',
          publishedAt: new Date('2026-11-10T09:00:00Z'),
          topic: { id: 't1', name: 'Tolvane', url: '/regions/tolvane/' },
          authors: [{ id: 'u1', name: 'Jonas Petrakis', url: '/author/jonas-petrakis/' }],
        },
      ],
      total,
      page: 1,
      pageCount,
      topicCards: [],
      isTruncated: false,
    },
    suggestion: null,
    choices: { topics: [], tags: [], authors: [] },
    browseTopics: [],
  };
}

describe('SearchView', () => {
  it('counts exactly, with thousands separated, and says "1,000+" past the cap', async () => {
    const count = async (total: { count: number; isAtLeast: boolean }, pageCount = 1) => {
      const p = await renderPage(<SearchView chrome={fixtureChrome()} page={resultsPage(total, pageCount)} />);
      return p.text(p.one('p', { class: 'list-count' }));
    };
    expect(await count({ count: 1, isAtLeast: false })).toBe('1 result for “ceasefire”');
    expect(await count({ count: 12, isAtLeast: false }, 2)).toBe('12 results for “ceasefire” · page 1 of 2');
    expect(await count({ count: 1000, isAtLeast: false }, 100)).toBe('1,000 results for “ceasefire” · page 1 of 100');
    expect(await count({ count: 1000, isAtLeast: true }, 100)).toBe('1,000+ results for “ceasefire” · page 1 of 100');
  });

  it('is a page for people, not crawlers: noindex, no canonical address, headings in order', async () => {
    const p = await renderPage(<SearchView chrome={fixtureChrome()} page={resultsPage({ count: 1, isAtLeast: false }, 1)} />);
    expect(p.attr(p.one('meta', { name: 'robots' }), 'content')).toBe('noindex');
    expect(p.all('link', { rel: 'canonical' })).toEqual([]);
    expect(p.html.match(/<h[1-4]\b/g)).toEqual(['<h1', '<h2', '<h3']);
    expect(p.text(p.one('title'))).toBe('Search: ceasefire — The Sextant Review');
  });
});
