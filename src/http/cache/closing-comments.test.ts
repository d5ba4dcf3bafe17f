import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRequestListener } from '../../app.js';
import { importComments } from '../../comments/index.js';
import { saveSettings } from '../../settings/index.js';
import { createNewsroom, publishArticle } from '../../../test/factories.js';
import { createTestApp, type TestApp } from '../../../test/test-app.js';
import { testDialects } from '../../../test/test-db.js';
import { cacheKeyOf } from './cache-key.js';

/*
 * "Close comments after N days" on a cached article page, through the listener `npm start`
 * serves (the page-cache front, then the app), with the app's clock: the stored page, form and
 * all, is served until the moment its comments close and never after; the page rendered then
 * says "Comments are closed." The token endpoint (the script asks it first) and the script's
 * post say so too, for a reader who still holds the old page. Changing N drops the pages.
 */
describe.each(testDialects)('comments closing on a cached article page, on %s', (dialect) => {
  let t: TestApp;
  let server: http.Server;
  let base = '';
  let articleId = '';
  const path = '/world/levant/northern-front/closing-talks/';
  const published = new Date('2026-11-12T09:00:00.000Z');
  const closesAt = '2026-11-22T09:00:00.000Z'; // ten days after publication
  const deps = () => ({ db: t.db, clock: t.clock, events: t.events });

  /** The page as a reader gets it, and whether the front answered it from memory (no request id: the app never saw it). */
  const read = async () => {
    const res = await fetch(base + path);
    const html = await res.text();
    return { status: res.status, isHit: res.headers.get('x-request-id') === null, hasForm: html.includes('data-comment-form'), isClosed: html.includes('<p class="comments-closed">Comments are closed.</p>') };
  };
  const token = async () => (await (await fetch(`${base}/comments/token/?article=${articleId}`)).json()) as { token?: string; closed?: boolean; message?: string };

  beforeAll(async () => {
    t = await createTestApp(dialect, { COMMENT_MIN_SECONDS: '2' });
    const n = await createNewsroom(t.db, t.clock, t.events);
    articleId = (await publishArticle(deps(), n, { slug: 'closing-talks', publishedAt: published })).id;
    await saveSettings(deps(), { commentsCloseAfterDays: 10 });
    server = http.createServer(createRequestListener(t.app, { config: t.config, cache: t.cache, assets: t.assets, sessionSecret: Buffer.alloc(32, 7), clock: t.clock }));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
    await t.destroy();
  });

  it('serves the stored page with its form until the comments close, and the closed page from then on', async () => {
    t.clock.set('2026-11-20T12:00:00.000Z');
    expect(await read()).toMatchObject({ status: 200, isHit: false, hasForm: true });
    expect(await read()).toMatchObject({ isHit: false, hasForm: true }); // the second render is stored
    expect(await read()).toMatchObject({ isHit: true, hasForm: true });
    expect(await token()).toMatchObject({ token: expect.any(String) });

    t.clock.set(new Date(Date.parse(closesAt) - 1000).toISOString());
    expect(await read()).toMatchObject({ isHit: true, hasForm: true });

    t.clock.set(closesAt);
    expect(await read()).toEqual({ status: 200, isHit: false, hasForm: false, isClosed: true });
    expect(await token()).toEqual({ closed: true, message: 'Comments are closed.' });
    // The closed page is kept like any other, and for good: nothing the clock does reopens it.
    await read();
    t.clock.set('2027-06-01T00:00:00.000Z');
    expect(await read()).toMatchObject({ isHit: true, isClosed: true });
  });

  it("answers the script's post on an old page with “closed”, not a refused form", async () => {
    t.clock.set('2026-11-22T08:59:00.000Z');
    const { token: minted } = await token();
    expect(minted).toEqual(expect.any(String));
    t.clock.set('2026-11-22T09:00:30.000Z'); // the reader typed past the closing time
    const res = await fetch(`${base}/comments/`, {
      method: 'POST',
      headers: { accept: 'application/json', 'content-type': 'application/x-www-form-urlencoded', origin: 'https://news.example.org', 'sec-fetch-site': 'same-origin' },
      body: new URLSearchParams({ articleId, parentId: '', token: minted!, name: 'Lena Okafor', email: 'lena@example.net', website: '', body: 'Too late?', homepage: '' }).toString(),
    });
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ closed: true, errors: { form: 'Comments on this article are closed.' } });
    expect(await t.db.selectFrom('comments').select('id').where('article_id', '=', articleId).execute()).toEqual([]);
  });

  it('answers a no-script reply link on an old page with “closed”, not a form the post would refuse', async () => {
    const ids = await importComments(t.db, t.events, articleId, [{ key: 'a', parentKey: null, authorName: 'Rafa Ilunga', authorEmail: 'rafa@example.net', authorUrl: '', body: 'The monitors were never enough.', status: 'approved', createdAt: published }]);
    const reply = async () => {
      const html = await (await fetch(`${base}/comments/reply/${ids.get('a')}/`)).text();
      return { hasForm: html.includes('data-comment-form'), isClosed: html.includes('<p class="comments-closed">Comments are closed.</p>'), showsParent: html.includes('The monitors were never enough.') };
    };
    t.clock.set('2026-11-22T08:59:00.000Z');
    expect(await reply()).toEqual({ hasForm: true, isClosed: false, showsParent: true });
    t.clock.set(closesAt);
    expect(await reply()).toEqual({ hasForm: false, isClosed: true, showsParent: true });
  });

  it('drops the page when N changes: comments open again when the site keeps them open longer', async () => {
    t.clock.set('2026-11-25T12:00:00.000Z');
    await read();
    await read();
    expect(t.cache.get(cacheKeyOf(path)!)).toBeDefined();
    await saveSettings(deps(), { commentsCloseAfterDays: 30 });
    expect(t.cache.get(cacheKeyOf(path)!)).toBeUndefined();
    expect(await read()).toMatchObject({ isHit: false, hasForm: true, isClosed: false });
    expect(await token()).toMatchObject({ token: expect.any(String) });
    // And 0 keeps them open for ever: the stored page with its form has no expiry.
    await saveSettings(deps(), { commentsCloseAfterDays: 0 });
    await read();
    await read();
    t.clock.set('2030-01-01T00:00:00.000Z');
    expect(await read()).toMatchObject({ isHit: true, hasForm: true });
  });
});
