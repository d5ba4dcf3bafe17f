import { extractFromJson, extractFromXml } from '@extractus/feed-extractor';
import Parser from 'rss-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createNewsroom, type Newsroom, publishArticle } from '../../test/factories.js';
import { createTestApp, type TestApp } from '../../test/test-app.js';

const SITE = 'https://news.example.org';
const ARTICLE = `${SITE}/world/levant/northern-front/talks-resume/`;

/*
 * Every feed format read by two independent parsers (rss-parser and @extractus/feed-extractor),
 * as feed readers would: each must find every author of a two-author piece, the permalink and
 * the topic, and agree with the other parser.
 */
describe('feeds, as two independent feed parsers read them', () => {
  let t: TestApp;
  let n: Newsroom;
  const text = async (p: string) => (await t.app.request(p)).text();

  beforeAll(async () => {
    t = await createTestApp('sqlite');
    n = await createNewsroom(t.db, t.clock);
    const deps = { db: t.db, clock: t.clock, events: t.events };
    await publishArticle(deps, n, { slug: 'talks-resume', authorIds: [n.ana.id, n.ben.id] });
    await publishArticle(deps, n, {
      slug: 'port-tariffs-rise',
      title: 'Port tariffs rise & fall <again>',
      primaryTopicId: n.economy.id,
      topicIds: [n.economy.id],
      authorIds: [n.ben.id],
      publishedAt: new Date('2026-10-02T08:00:00Z'),
    });
  });
  afterAll(() => t.destroy());

  it('RSS names every author once each (dc:creator) and marks the permalink guid as one', async () => {
    const xml = await text('/feed/');
    const item = xml.slice(xml.indexOf('<item>'), xml.indexOf('</item>'));
    expect([...item.matchAll(/<dc:creator>([^<]+)<\/dc:creator>/g)].map((m) => m[1])).toEqual(['Ana Ferreira', 'Ben Okafor']);
    expect(item).toContain(`<guid isPermaLink="true">${ARTICLE}</guid>`);
    expect(item).not.toMatch(/<author>/); // RSS's <author> is for an email address

    const one = await new Parser({ customFields: { item: [['dc:creator', 'creators', { keepArray: true }]] } }).parseString(xml);
    const first = one.items[0] as unknown as { creators: string[]; guid: string };
    expect(first.creators).toEqual(['Ana Ferreira', 'Ben Okafor']);
    expect(first.guid).toBe(ARTICLE);
    expect(one.items[1]?.title).toBe('Port tariffs rise & fall <again>');

    const two = extractFromXml(xml, {
      getExtraEntryFields: (entry) => ({ creators: [entry['dc:creator']].flat() }),
    });
    const entry = two.entries?.[0] as unknown as { link: string; creators: string[] };
    expect(entry.link).toBe(ARTICLE);
    expect(entry.creators).toEqual(['Ana Ferreira', 'Ben Okafor']);
    expect(two.entries?.[1]?.title).toBe('Port tariffs rise & fall <again>');
  });

  it('Atom gives each entry its authors and a category with a term', async () => {
    const xml = await text('/feed/atom/');
    const entryXml = xml.slice(xml.indexOf('<entry>'), xml.indexOf('</entry>'));
    expect(entryXml).toMatch(/<category term="Northern Front" scheme="https:\/\/news\.example\.org\/world\/levant\/northern-front\/"/);

    const one = await new Parser({ customFields: { item: [['author', 'authors', { keepArray: true }], ['category', 'category', { keepArray: true }]] } }).parseString(xml);
    const first = one.items[0] as unknown as { link: string; authors: { name: string[] }[]; category: { $: { term: string } }[] };
    expect(first.link).toBe(ARTICLE);
    expect(first.authors.map((a) => a.name[0])).toEqual(['Ana Ferreira', 'Ben Okafor']);
    expect(first.category.map((c) => c.$.term)).toEqual(['Northern Front']);

    const two = extractFromXml(xml, {
      getExtraEntryFields: (entry) => ({ authors: [entry.author].flat(), category: entry.category }),
    });
    const entry = two.entries?.[0] as unknown as { link: string; authors: { name: string }[]; category: Record<string, string> };
    expect(entry.link).toBe(ARTICLE);
    expect(entry.authors.map((a) => a.name)).toEqual(['Ana Ferreira', 'Ben Okafor']);
    expect(entry.category['@_term']).toBe('Northern Front');
  });

  it('JSON Feed is version 1.1 with authors on the feed and on every item', async () => {
    const res = await t.app.request('/feed/json/');
    expect(res.headers.get('content-type')).toMatch(/^application\/feed\+json/);
    const json = (await res.json()) as { version: string; authors: { name: string }[]; items: { url: string; authors: { name: string; url: string }[] }[] };
    expect(json.version).toBe('https://jsonfeed.org/version/1.1');
    expect(json.authors).toEqual([{ name: expect.any(String) }]);
    expect(json.items[0]?.authors).toEqual([
      { name: 'Ana Ferreira', url: `${SITE}/author/ana-ferreira/` },
      { name: 'Ben Okafor', url: `${SITE}/author/ben-okafor/` },
    ]);
    expect(json).not.toHaveProperty('author'); // the 1.0 field, deprecated in 1.1

    const two = extractFromJson(json, { getExtraEntryFields: (item) => ({ authors: item.authors }) });
    const entry = two.entries?.[0] as unknown as { link: string; authors: { name: string }[] };
    expect(entry.link).toBe(ARTICLE);
    expect(entry.authors.map((a) => a.name)).toEqual(['Ana Ferreira', 'Ben Okafor']);
  });
});
