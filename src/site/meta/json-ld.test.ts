import { describe, expect, it } from 'vitest';
import * as F from '../views/fixtures/index.js';
import { breadcrumbList, jsonLdScript, newsArticle, serializeJsonLd, webSite } from './json-ld.js';

type Json = Record<string, unknown>;

describe('serializeJsonLd', () => {
  it('escapes < so no string can close the script block or open a comment', () => {
    const data = { headline: 'Bad </script><script>alert(1)</script> and <!-- more', note: 'a & b > c' };
    const json = serializeJsonLd(data);
    expect(json).not.toContain('<');
    expect(json).not.toContain('>');
    expect(json).toContain('\\u003c/script\\u003e');
    expect(JSON.parse(json)).toEqual(data);
  });

  it('escapes the line separators that some parsers treat as line ends', () => {
    const data = { text: 'a\u2028b\u2029c' };
    const json = serializeJsonLd(data);
    expect(json).toContain('\\u2028');
    expect(JSON.parse(json)).toEqual(data);
  });

  it('writes one complete script block', () => {
    const block = jsonLdScript({ title: '</SCRIPT >' });
    expect(block.startsWith('<script type="application/ld+json">')).toBe(true);
    expect(block.match(/<\/script/gi)).toHaveLength(1);
    expect(block.endsWith('</script>')).toBe(true);
  });
});

describe('structured data', () => {
  const chrome = F.fixtureChrome();

  it('lists the breadcrumb from Home with absolute URLs', () => {
    const list = breadcrumbList(chrome, [F.T.organizations, F.T.tfm]) as Json;
    expect(list['@type']).toBe('BreadcrumbList');
    expect(list.itemListElement).toEqual([
      { '@type': 'ListItem', position: 1, name: 'The Sextant Review', item: 'https://sextant.example/' },
      { '@type': 'ListItem', position: 2, name: 'Organizations', item: 'https://sextant.example/organizations/' },
      { '@type': 'ListItem', position: 3, name: 'Tolvane Freedom Movement', item: `https://sextant.example${F.T.tfm.url}` },
    ]);
  });

  it('describes an article as a NewsArticle with authors, publisher and logo', () => {
    const article = F.articleDetail({ source: null });
    const data = newsArticle(chrome, article, 'A description') as Json;
    expect(data).toMatchObject({
      '@context': 'https://schema.org',
      '@type': 'NewsArticle',
      headline: article.title,
      description: 'A description',
      datePublished: '2026-03-12T08:30:00.000Z',
      dateModified: '2026-03-14T16:05:00.000Z',
      mainEntityOfPage: { '@type': 'WebPage', '@id': `https://sextant.example${article.url}` },
      isAccessibleForFree: true,
      author: [
        { '@type': 'Person', name: 'Tobias Wren', url: 'https://sextant.example/author/tobias-wren/' },
        { '@type': 'Person', name: 'Jonas Petrakis', url: 'https://sextant.example/author/jonas-petrakis/' },
      ],
      publisher: {
        '@type': 'Organization',
        name: 'Sextant Review Media',
        logo: { '@type': 'ImageObject', url: 'https://sextant.example/media/logo-480.jpg', width: 480, height: 120 },
      },
    });
    expect((data.image as Json[])[0]).toMatchObject({ url: `https://sextant.example${F.IMAGES.bridge.url}`, width: 1600, height: 900 });
  });

  it('credits a syndicated piece to its original author, based on the original URL', () => {
    const article = F.articleDetail();
    const data = newsArticle(chrome, article, '') as Json;
    expect(data.author).toEqual([{ '@type': 'Person', name: 'Mira Okonkwo' }]);
    expect(data.isBasedOn).toBe('https://harbour-gazette.example/tolvane-settlement');
    expect(data.sourceOrganization).toEqual({ '@type': 'Organization', name: 'The Harbour Gazette' });
  });

  it('leaves the logo out when the publisher has none, and the image when the article has none', () => {
    const data = newsArticle(F.fixtureChrome({ publisherLogo: null }), F.articleDetail({ image: null }), '') as Json;
    expect(data.publisher).toEqual({ '@type': 'Organization', name: 'Sextant Review Media', url: 'https://sextant.example/' });
    expect(data).not.toHaveProperty('image');
  });

  it('names the site as a WebSite', () => {
    expect(webSite(chrome)).toMatchObject({ '@type': 'WebSite', name: 'The Sextant Review', url: 'https://sextant.example/', inLanguage: 'en' });
  });
});
