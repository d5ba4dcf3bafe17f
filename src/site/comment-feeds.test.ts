import { extractFromJson, extractFromXml } from '@extractus/feed-extractor';
import Parser from 'rss-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importComments, moderateComment } from '../comments/index.js';
import { saveArticle } from '../content/index.js';
import { articleInput, createNewsroom, type Newsroom, publishArticle } from '../../test/factories.js';
import { createTestApp, type TestApp } from '../../test/test-app.js';
import { testDialects } from '../../test/test-db.js';

const SITE = 'https://news.example.org';
const A = '/world/levant/northern-front/talks-resume/';
const B = '/economy/port-tariffs-rise/';

/*
 * The comment feeds: the site's latest comments at /feed/comments/ and each article's at
 * <article URL>feed/, in the site feeds' three formats, read by two independent parsers.
 * They show what the article pages show (approved comments under approved parents, on
 * published articles), never an email, with the commenter's name escaped.
 */
describe.each(testDialects)('comment feeds on %s', (dialect) => {
  let t: TestApp;
  let n: Newsroom;
  let ids: Map<string, string>;
  let idsB: Map<string, string>;
  const text = async (path: string) => {
    const res = await t.app.request(path);
    expect(res.status, path).toBe(200);
    return res.text();
  };

  beforeAll(async () => {
    t = await createTestApp(dialect);
    n = await createNewsroom(t.db, t.clock, t.events);
    const deps = { db: t.db, clock: t.clock, events: t.events };
    const a = await publishArticle(deps, n, { slug: 'talks-resume' });
    const b = await publishArticle(deps, n, {
      slug: 'port-tariffs-rise',
      title: 'Port tariffs rise & fall <again>',
      primaryTopicId: n.economy.id,
      topicIds: [n.economy.id],
      publishedAt: new Date('2026-10-02T08:00:00Z'),
    });
    const draft = await saveArticle(deps, articleInput(n, { slug: 'still-a-draft', status: 'draft' }));
    const at = (h: number) => new Date(Date.UTC(2026, 10, 15, h));
    ids = await importComments(t.db, t.events, a.id, [
      { key: 'first', parentKey: null, authorName: 'Hanna Voss', authorEmail: 'hanna@example.org', authorUrl: 'https://hanna.example.net/', body: 'The berth *allocation* matters most.', status: 'approved', createdAt: at(9) },
      { key: 'script', parentKey: null, authorName: '<script>alert(1)</script> & Co', authorEmail: 'xss@example.org', authorUrl: '', body: 'Read [the notice](https://port.example.net/notice) and <b>this</b>.', status: 'approved', createdAt: at(10) },
      { key: 'held', parentKey: null, authorName: 'Held Reader', authorEmail: 'held@example.org', authorUrl: '', body: 'Waiting for a moderator.', status: 'pending', createdAt: at(11) },
      { key: 'taken-down', parentKey: null, authorName: 'Gone Reader', authorEmail: 'gone@example.org', authorUrl: '', body: 'A moderator took this down.', status: 'trash', createdAt: at(8) },
      { key: 'orphan', parentKey: 'taken-down', authorName: 'Orphan Reader', authorEmail: 'orphan@example.org', authorUrl: '', body: 'A reply to what was taken down.', status: 'approved', createdAt: at(12) },
      { key: 'reply', parentKey: 'first', authorName: 'Tomas Lind', authorEmail: 'tomas@example.org', authorUrl: '', body: 'Agreed, and the tugs too.', status: 'approved', createdAt: at(13) },
    ]);
    idsB = await importComments(t.db, t.events, b.id, [
      { key: 'b1', parentKey: null, authorName: 'Port Watcher', authorEmail: 'port@example.org', authorUrl: '', body: 'Fees doubled since spring.', status: 'approved', createdAt: at(14) },
    ]);
    await importComments(t.db, t.events, draft.id, [
      { key: 'd1', parentKey: null, authorName: 'Draft Reader', authorEmail: 'draft@example.org', authorUrl: '', body: 'On an article nobody can read.', status: 'approved', createdAt: at(15) },
    ]);
  });
  afterAll(() => t.destroy());

  it('the site feed lists the comments readers see, newest first, in RSS, with permalinks', async () => {
    const xml = await text('/feed/comments/');
    const feed = await new Parser({ customFields: { item: [['dc:creator', 'creator']] } }).parseString(xml);
    expect(feed.items.map((i) => i.guid)).toEqual([idsB.get('b1'), ids.get('reply'), ids.get('script'), ids.get('first')].map((id) => `${SITE}/comments/${id}/`));
    expect(feed.items[0]?.title).toBe('Port Watcher on Port tariffs rise & fall <again>');
    expect((feed.items[2] as unknown as { creator: string }).creator).toBe('<script>alert(1)</script> & Co');
    // Held, trashed, a reply under a trashed parent, and a draft's comment are not shown.
    for (const hidden of ['Held Reader', 'Gone Reader', 'Orphan Reader', 'Draft Reader']) expect(xml).not.toContain(hidden);

    const two = extractFromXml(xml);
    expect(two.entries?.map((e) => e.link)).toEqual(feed.items.map((i) => i.link));
  });

  it('never writes an email or a website, escapes the name, and carries the stored sanitized body', async () => {
    for (const path of ['/feed/comments/', '/feed/comments/atom/', '/feed/comments/json/', `${A}feed/`, `${A}feed/atom/`, `${A}feed/json/`]) {
      const body = await text(path);
      expect(body, path).not.toMatch(/@example\.org/);
      expect(body, path).not.toContain('hanna.example.net');
      // JSON Feed holds the name as a JSON string (text, not markup); the XML formats escape it.
      if (!path.endsWith('json/')) expect(body, path).not.toContain('<script>');
      expect(body, path).not.toContain('<b>');
    }
    const atom = await text('/feed/comments/atom/');
    expect(atom).toContain('<author><name>&lt;script&gt;alert(1)&lt;/script&gt; &amp; Co</name></author>');
    // The renderer's stored HTML, escaped once as Atom's type="html" content.
    expect(atom).toContain('&lt;p&gt;The berth &lt;em&gt;allocation&lt;/em&gt; matters most.&lt;/p&gt;');
    expect(atom).toContain('rel=&quot;nofollow ugc noopener&quot;');

    const json = JSON.parse(await text('/feed/comments/json/')) as { version: string; items: { id: string; content_html: string; authors: { name: string }[]; external_url: string }[] };
    expect(json.version).toBe('https://jsonfeed.org/version/1.1');
    expect(json.items[2]?.authors).toEqual([{ name: '<script>alert(1)</script> & Co' }]);
    expect(json.items[2]?.content_html).toContain('&lt;b&gt;this&lt;/b&gt;');
    expect(json.items[0]?.external_url).toBe(`${SITE}${B}`);
    expect(extractFromJson(json).entries?.length).toBe(4);
  });

  it("an article's feed holds that article's shown comments only, and its page links to it", async () => {
    const atom = await text(`${A}feed/atom/`);
    const feed = await new Parser().parseString(atom);
    expect(feed.title).toMatch(/^Comments on Talks resume over the northern crossings — /);
    expect(feed.items.map((i) => i.id ?? i.guid)).toEqual([ids.get('reply'), ids.get('script'), ids.get('first')].map((id) => `${SITE}/comments/${id}/`));
    const rss = await new Parser().parseString(await text(`${A}feed/`));
    expect(rss.items).toHaveLength(3);
    expect(rss.link).toBe(`${SITE}${A}`);
    const bFeed = await new Parser().parseString(await text(`${B}feed/`));
    expect(bFeed.items.map((i) => i.guid)).toEqual([`${SITE}/comments/${idsB.get('b1')}/`]);

    const page = await text(A);
    expect(page).toContain(`<link rel="alternate" type="application/rss+xml" title="Comments on Talks resume over the northern crossings (RSS)" href="${SITE}${A}feed/"/>`);
  });

  it("has an Atom id of its own (not the site feed's, though both follow the home page) and claims no rights over readers' words", async () => {
    const [site, comments] = await Promise.all([text('/feed/atom/'), text('/feed/comments/atom/')]);
    const idOf = (xml: string) => /<feed [^>]*>\s*<id>([^<]+)<\/id>/.exec(xml)?.[1];
    expect(idOf(site)).toBe(`${SITE}/`);
    expect(idOf(comments)).toBe(`${SITE}/feed/comments/atom/`);
    expect(site).toMatch(/<rights>© /);
    expect(comments).not.toMatch(/<rights>|<copyright>/);
    expect(await text('/feed/comments/')).not.toMatch(/<copyright>/);
  });

  it('topic feeds are still topic feeds; an article feed at a wrong topic path moves; a draft has none', async () => {
    expect((await t.app.request('/world/levant/northern-front/feed/')).headers.get('content-type')).toMatch(/rss/);
    const topic = await text('/world/levant/northern-front/feed/');
    expect(topic).toContain('<item>');
    expect(topic).not.toContain('/comments/');
    const moved = await t.app.request('/economy/talks-resume/feed/atom/');
    expect(moved.status).toBe(301);
    expect(moved.headers.get('location')).toBe(`${SITE}${A}feed/atom/`);
    expect((await t.app.request('/world/levant/northern-front/still-a-draft/feed/')).status).toBe(404);
    expect((await t.app.request('/world/levant/nothing-here/feed/')).status).toBe(404);
  });

  it('is cached, and dropped when a comment it shows is taken down', async () => {
    await text('/feed/comments/');
    await text('/feed/comments/');
    expect(t.cache.get('/feed/comments/')).toBeDefined();
    await moderateComment({ db: t.db, clock: t.clock, events: t.events }, idsB.get('b1')!, 'pending');
    expect(t.cache.get('/feed/comments/')).toBeUndefined();
    expect(await text('/feed/comments/')).not.toContain('Port Watcher');
    expect(await text(`${B}feed/`)).not.toContain('<item>');
  });
});
