import { SYSTEM_ACTOR } from '../accounts/index.js';
import fs from 'node:fs';
import path from 'node:path';
import Parser from 'rss-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { validateXML } from 'xmllint-wasm';
import { importComments } from '../comments/index.js';
import { withdrawArticle } from '../content/index.js';
import { saveSettings } from '../settings/index.js';
import { saveRedirect } from '../redirects/index.js';
import { createNewsroom, type Newsroom, publishArticle } from '../../test/factories.js';
import { createTestApp, type TestApp } from '../../test/test-app.js';
import { testDialects } from '../../test/test-db.js';

const SCHEMAS = path.resolve(import.meta.dirname, '../../test/schemas');

describe.each(testDialects)('the public site on %s', (dialect) => {
  let t: TestApp;
  let n: Newsroom;
  const get = (p: string, headers: Record<string, string> = {}) => t.app.request(p, { headers });

  beforeAll(async () => {
    t = await createTestApp(dialect);
    n = await createNewsroom(t.db, t.clock);
    const deps = { db: t.db, clock: t.clock, events: t.events };
    await publishArticle(deps, n, { slug: 'talks-resume', isFeatured: true });
    await publishArticle(deps, n, {
      slug: 'port-tariffs-rise',
      title: 'Port tariffs rise for a second year',
      primaryTopicId: n.economy.id,
      topicIds: [n.economy.id],
      tagIds: [n.ports.id],
      authorIds: [n.ben.id],
      publishedAt: new Date('2026-10-02T08:00:00Z'),
    });
    for (let i = 1; i <= 13; i++) {
      await publishArticle(deps, n, { slug: `convoy-report-${i}`, title: `Convoy report number ${i}`, publishedAt: new Date(Date.UTC(2026, 8, i, 6)) });
    }
    await publishArticle(deps, n, { slug: 'a-draft', title: 'Unfinished draft', status: 'draft' });
  });
  afterAll(() => t.destroy());

  it('serves the home page with the lead story and a section per top-level topic', async () => {
    const res = await get('/');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/text\/html/);
    const html = await res.text();
    expect(html).toContain('Talks resume over the northern crossings');
    expect(html).toContain('href="/world/"');
    expect(html).not.toContain('Unfinished draft');
  });

  it('serves an article at its topic path with its anatomy', async () => {
    const res = await get('/world/levant/northern-front/talks-resume/');
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('<h1');
    expect(html).toContain('NLF');
    expect(html).toContain('href="/world/levant/"');
    expect(html).toContain('id="what-is-on-the-table"');
    expect(html).toContain('"@type":"NewsArticle"');
    expect(html).toContain('"@type":"BreadcrumbList"');
    expect(html).toContain('<link rel="canonical" href="https://news.example.org/world/levant/northern-front/talks-resume/"');
    expect(html).toContain('<p class="tagline">NLF · NLA · ANL · The Northern Front</p>');
    // Economy has no aliases: no tagline (not the tags in its place).
    expect(await (await get('/economy/port-tariffs-rise/')).text()).not.toContain('class="tagline"');
  });

  it('threads an article\'s comments to the depth the settings say, their bodies formatted', async () => {
    const deps = { db: t.db, clock: t.clock, events: t.events };
    const article = await publishArticle(deps, n, { slug: 'deep-thread', title: 'A deep thread' });
    const chain = ['a', 'b', 'c', 'd'].map((key, i) => ({
      key,
      parentKey: i === 0 ? null : ['a', 'b', 'c'][i - 1]!,
      authorName: `Reader ${key}`,
      authorEmail: `${key}@example.org`,
      authorUrl: '',
      body: `Reply **${key}**`,
      status: 'approved' as const,
      createdAt: new Date(Date.UTC(2026, 10, 11, 10, i)),
    }));
    await importComments(t.db, t.events, article.id, chain);
    const nesting = async () => ((await (await get('/world/levant/northern-front/deep-thread/')).text()).match(/class="comment-replies"/g) ?? []).length;
    expect(await nesting()).toBe(3); // a(b(c(d))) at the default depth of 5
    await saveSettings(deps, { commentThreadDepth: 2 });
    try {
      expect(await nesting()).toBe(1); // a(b c d)
      expect(await (await get('/world/levant/northern-front/deep-thread/')).text()).toContain('Reply <strong>d</strong>');
    } finally {
      await saveSettings(deps, { commentThreadDepth: 5 });
    }
  });

  it('301s a known slug under a wrong topic path, a missing slash and capitals to the canonical URL', async () => {
    for (const wrong of ['/economy/talks-resume/', '/talks-resume/', '/world/levant/northern-front/talks-resume', '/World/Levant/Northern-Front/talks-resume/']) {
      const res = await get(wrong);
      expect(res.status, wrong).toBe(301);
      expect(res.headers.get('location'), wrong).toMatch(/\/world\/levant\/northern-front\/talks-resume\/$/);
    }
  });

  it('paginates lists: another spelling of a page 301s to it; a page that does not exist is a 404 linking to the first and last pages', async () => {
    // ?page=1, ?page= and ?page=02 name pages that exist, spelled otherwise: one canonical URL each.
    for (const [asked, canonical] of [['/world/?page=1', '/world/'], ['/world/?page=', '/world/'], ['/world/?page=02', '/world/?page=2'], ['/tag/ceasefire/?page=1', '/tag/ceasefire/']]) {
      const res = await get(asked!);
      expect(res.status, asked).toBe(301);
      expect(res.headers.get('location'), asked).toBe(`https://news.example.org${canonical}`);
    }
    const first = await get('/world/');
    expect(await first.text()).toContain('?page=2');
    expect((await get('/world/?page=2')).status).toBe(200);
    // Past the end, zero, negative, not a number, huge: one answer.
    for (const value of ['3', '0', '-1', 'abc', '1e5', '99999999999', '2.0']) {
      const res = await get(`/world/?page=${encodeURIComponent(value)}`);
      expect(res.status, value).toBe(404);
      const html = await res.text();
      expect(html, value).toContain('There is no such page');
      expect(html, value).toContain('href="/world/?page=2"');
      expect(html, value).toContain('href="/world/"');
      expect(html, value).not.toMatch(/at .*\.ts:\d+/);
    }
    const tagPast = await get('/tag/ceasefire/?page=4');
    expect(tagPast.status).toBe(404);
    expect(await tagPast.text()).toContain('href="/tag/ceasefire/?page=2"');
  });

  it('keeps ?page= to list pages: elsewhere it 301s to the URL without it', async () => {
    for (const p of ['/?page=7', '/feed/?page=2', '/world/levant/northern-front/talks-resume/?page=3']) {
      const res = await get(p);
      expect(res.status, p).toBe(301);
      expect(res.headers.get('location'), p).toBe(`https://news.example.org${p.split('?')[0]}`);
    }
    const entries = t.cache.size.entries;
    for (let i = 2; i < 6; i++) await get(`/?page=${i}`);
    expect(t.cache.size.entries).toBe(entries);
  });

  it('answers malformed requests with a 4xx page, never a 500', async () => {
    for (const p of ['/%E0%A4%A/', '/tag/%ZZ/', '/feed/rss/', '/a/b/c/d/e/f/g/h/', `/${'x'.repeat(3000)}/`, '/world/?page=1e5', '/world/?page=-1', '/xmlrpc.php', '/wp-login.php']) {
      const res = await get(p);
      expect(res.status, p).toBeGreaterThanOrEqual(400);
      expect(res.status, p).toBeLessThan(500);
    }
    for (const method of ['POST', 'PUT', 'DELETE']) {
      expect((await t.app.request('/xmlrpc.php', { method, body: '<methodCall/>' })).status).toBe(404);
      expect((await t.app.request('/', { method })).status).toBe(404);
    }
  });

  it('serves tag, author and archive pages', async () => {
    expect((await get('/tag/ports/')).status).toBe(200);
    expect((await get('/author/ben-okafor/')).status).toBe(200);
    expect((await get('/archive/')).status).toBe(200);
    const month = await get('/archive/2026/10/');
    expect(month.status).toBe(200);
    expect(await month.text()).toContain('Port tariffs rise');
    expect((await get('/archive/2031/01/')).status).toBe(404);
    expect((await get('/archive/2026/13/')).status).toBe(404);
  });

  it('answers unknown paths and invalid slugs with a 404 that links home and to the topics', async () => {
    for (const p of ['/no-such-thing/', '/world/nope/nope/nope/', '/tag/Bad%20Slug!/', '/%E2%80%8B/', '/admin-not/']) {
      const res = await get(p);
      expect([404, 301], p).toContain(res.status);
    }
    const res = await get('/no-such-thing/');
    const html = await res.text();
    expect(res.status).toBe(404);
    expect(html).toContain('href="/"');
    expect(html).toContain('href="/world/"');
  });

  it('serves the redirect table: 301 to its target, 410 when it says gone', async () => {
    await saveRedirect({ db: t.db, clock: t.clock, events: t.events }, SYSTEM_ACTOR, { fromPath: '/2019/05/old-post/', toPath: '/world/', code: 301 });
    await saveRedirect({ db: t.db, clock: t.clock, events: t.events }, SYSTEM_ACTOR, { fromPath: '/removed/', toPath: '', code: 410 });
    const moved = await get('/2019/05/old-post/');
    expect(moved.status).toBe(301);
    expect(moved.headers.get('location')).toBe('https://news.example.org/world/');
    expect((await get('/removed/')).status).toBe(410);
  });

  it('answers 410 for a withdrawn article and drops it from lists at once', async () => {
    const deps = { db: t.db, clock: t.clock, events: t.events };
    const doomed = await publishArticle(deps, n, { slug: 'soon-withdrawn', title: 'A story soon withdrawn' });
    expect(await (await get('/')).text()).toContain('A story soon withdrawn');
    await withdrawArticle(deps, { id: n.ana.id, role: 'editor' }, doomed.id);
    const res = await get('/world/levant/northern-front/soon-withdrawn/');
    expect(res.status).toBe(410);
    expect(await (await get('/')).text()).not.toContain('A story soon withdrawn');
  });

  it('caches pages: ETag and Last-Modified, 304, Vary, compression, utm_* sharing one entry', async () => {
    const url = '/world/levant/northern-front/talks-resume/';
    const first = await get(url, { 'accept-encoding': 'br, gzip' });
    expect(first.headers.get('vary')).toBe('Accept-Encoding');
    // The render is answered as rendered; gzip and brotli are made once the page is asked for again.
    expect(first.headers.get('content-encoding')).toBeNull();
    await get(url, { 'accept-encoding': 'br, gzip' });
    await t.cache.settled();
    expect((await get(url, { 'accept-encoding': 'br, gzip' })).headers.get('content-encoding')).toBe('br');
    const etag = first.headers.get('etag')!;
    expect(etag).toBeTruthy();
    expect(first.headers.get('last-modified')).toBeTruthy();
    expect((await get(url, { 'if-none-match': etag })).status).toBe(304);
    const entries = t.cache.size.entries;
    const tracked = await get(`${url}?utm_source=x&utm_medium=y&fbclid=z`, { 'accept-encoding': 'gzip' });
    expect(tracked.status).toBe(200);
    expect(tracked.headers.get('content-encoding')).toBe('gzip');
    expect(tracked.headers.get('etag')).toBe(etag);
    expect(t.cache.size.entries).toBe(entries);
  });

  it('publishes feeds that an independent parser reads, for the site and each list', async () => {
    const parser = new Parser();
    const rss = await parser.parseString(await (await get('/feed/')).text());
    expect(rss.items.length).toBeGreaterThan(3);
    expect(rss.items[0]?.link).toMatch(/^https:\/\/news\.example\.org\//);
    expect(rss.items.some((i) => i.title === 'Unfinished draft')).toBe(false);
    const atom = await parser.parseString(await (await get('/world/levant/feed/atom/')).text());
    expect(atom.items.every((i) => i.link?.includes('/world/levant/'))).toBe(true);
    const tagFeed = await parser.parseString(await (await get('/tag/ports/feed/')).text());
    expect(tagFeed.items.map((i) => i.title)).toEqual(['Port tariffs rise for a second year']);
    const json = await get('/author/ben-okafor/feed/json/');
    expect(json.headers.get('content-type')).toMatch(/application\/feed\+json/);
    const body = (await json.json()) as { version: string; items: { url: string }[] };
    expect(body.version).toMatch(/jsonfeed\.org\/version\/1/);
    expect(body.items[0]?.url).toBe('https://news.example.org/economy/port-tariffs-rise/');
  });

  it('publishes a sitemap index and sitemaps valid against the protocol schema, and robots.txt', async () => {
    const index = await (await get('/sitemap.xml')).text();
    const schemaOf = (f: string) => ({ fileName: f, contents: fs.readFileSync(path.join(SCHEMAS, f), 'utf8') });
    const indexCheck = await validateXML({ xml: { fileName: 'sitemap.xml', contents: index }, schema: schemaOf('siteindex.xsd') });
    expect(indexCheck.errors).toEqual([]);
    const files = [...index.matchAll(/<loc>https:\/\/news\.example\.org(\/[^<]+)<\/loc>/g)].map((m) => m[1]!);
    expect(files).toEqual(['/sitemap-pages.xml', '/sitemap-articles-1.xml']);
    for (const file of files) {
      const xml = await (await get(file)).text();
      const check = await validateXML({ xml: { fileName: file, contents: xml }, schema: schemaOf('sitemap.xsd') });
      expect(check.errors, file).toEqual([]);
    }
    const articles = await (await get('/sitemap-articles-1.xml')).text();
    expect(articles).toContain('https://news.example.org/world/levant/northern-front/talks-resume/');
    expect(articles).not.toContain('a-draft');
    expect((await get('/sitemap-articles-2.xml')).status).toBe(404);
    const robots = await (await get('/robots.txt')).text();
    expect(robots).toContain('Sitemap: https://news.example.org/sitemap.xml');
    expect(robots).toContain('Disallow: /admin/');
  });

  it('builds absolute URLs from SITE_URL, never from the Host header', async () => {
    const html = await (await get('/world/levant/northern-front/talks-resume/', { host: 'evil.example' })).text();
    expect(html).not.toContain('evil.example');
  });

  it('invalidates exactly the pages a publish touches', async () => {
    const deps = { db: t.db, clock: t.clock, events: t.events };
    // Twice each: a page is kept from its second render on.
    for (const path of ['/economy/', '/tag/ceasefire/', '/world/levant/northern-front/talks-resume/']) {
      await get(path);
      await get(path);
    }
    expect(t.cache.get('/economy/')).toBeDefined();
    expect(t.cache.get('/tag/ceasefire/')).toBeDefined();
    await publishArticle(deps, n, { slug: 'crossing-reopens', title: 'A crossing reopens', publishedAt: new Date('2026-11-15T09:00:00Z') });
    // Its own lists are dropped; an unrelated topic's page stays cached.
    expect(t.cache.get('/tag/ceasefire/')).toBeUndefined();
    expect(t.cache.get('/economy/')).toBeDefined();
    expect(await (await get('/world/levant/')).text()).toContain('A crossing reopens');
    expect(await (await get('/feed/')).text()).toContain('A crossing reopens');
  });
});
