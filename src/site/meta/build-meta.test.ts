import { describe, expect, it } from 'vitest';
import * as F from '../views/fixtures/index.js';
import { articleMeta, errorMeta, homeMeta, staticPageMeta, tagMeta, topicMeta } from './build-meta.js';
import { documentTitle } from './page-meta.js';
import { absoluteUrl, feedUrl, pageUrl } from './urls.js';

const chrome = F.fixtureChrome();

describe('URLs', () => {
  it('builds absolute URLs from the configured site URL only', () => {
    expect(absoluteUrl('https://sextant.example', '/tag/x/')).toBe('https://sextant.example/tag/x/');
    expect(absoluteUrl('https://sextant.example/', 'tag/x/')).toBe('https://sextant.example/tag/x/');
    expect(absoluteUrl('https://sextant.example', 'https://elsewhere.example/a')).toBe('https://elsewhere.example/a');
  });

  it('puts later pages of a list at ?page=N and page 1 at the bare URL', () => {
    expect(pageUrl('/tag/gas/', 1)).toBe('/tag/gas/');
    expect(pageUrl('/tag/gas/', 3)).toBe('/tag/gas/?page=3');
  });

  it('names the feeds of a list under its own URL', () => {
    expect(feedUrl('/', 'rss')).toBe('/feed/');
    expect(feedUrl('/', 'atom')).toBe('/feed/atom/');
    expect(feedUrl('/author/tobias-wren/', 'json')).toBe('/author/tobias-wren/feed/json/');
  });
});

describe('page metadata', () => {
  it('gives home the site title, a WebSite block and the site feeds', () => {
    const meta = homeMeta(chrome, F.homePage());
    expect(meta.canonical).toBe('https://sextant.example/');
    expect(documentTitle(meta, 'The Sextant Review')).toBe('The Sextant Review');
    expect(meta.jsonLd.map((d) => (d as { '@type': string })['@type'])).toEqual(['WebSite']);
    expect(meta.feeds.map((f) => f.url)).toEqual([
      'https://sextant.example/feed/',
      'https://sextant.example/feed/atom/',
      'https://sextant.example/feed/json/',
    ]);
  });

  it('gives a topic page its page number, canonical, feeds and breadcrumb', () => {
    const page = F.topicPage(2);
    const meta = topicMeta(chrome, page);
    expect(meta.title).toBe('Tolvane Freedom Movement — page 2');
    expect(meta.canonical).toBe(`https://sextant.example${page.topic.url}?page=2`);
    expect(meta.feeds[0]).toEqual({
      title: 'Tolvane Freedom Movement (RSS)',
      url: `https://sextant.example${page.topic.url}feed/`,
      type: 'application/rss+xml',
    });
    expect(meta.jsonLd.map((d) => (d as { '@type': string })['@type'])).toEqual(['BreadcrumbList']);
  });

  it('gives a tag page its own feeds first', () => {
    const meta = tagMeta(chrome, F.tagPage());
    expect(meta.feeds.slice(0, 3).map((f) => f.url)).toEqual([
      'https://sextant.example/tag/ceasefire/feed/',
      'https://sextant.example/tag/ceasefire/feed/atom/',
      'https://sextant.example/tag/ceasefire/feed/json/',
    ]);
  });

  it('prefers the SEO title and description of an article', () => {
    const meta = articleMeta(chrome, F.articlePage({ seoTitle: 'Tolvane: what peace would take', seoDescription: 'A settlement is possible.' }));
    expect(meta.title).toBe('Tolvane: what peace would take');
    expect(meta.description).toBe('A settlement is possible.');
    expect(meta.type).toBe('article');
    expect(meta.image).toEqual({ url: `https://sextant.example${F.IMAGES.bridge.url}`, width: 1600, height: 900, alt: F.IMAGES.bridge.alt });
  });

  it('describes a static page from its text', () => {
    const meta = staticPageMeta(chrome, F.staticPage());
    expect(meta.description.startsWith('The Sextant Review is an independent publication')).toBe(true);
    expect(meta.canonical).toBe('https://sextant.example/about/');
  });

  it('keeps error pages out of search indexes', () => {
    const meta = errorMeta(chrome, 'Page not found', '');
    expect(meta.robots).toBe('noindex');
    expect(meta.canonical).toBeNull();
  });
});
