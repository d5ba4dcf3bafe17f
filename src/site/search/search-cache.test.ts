import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createNewsroom, type Newsroom, publishArticle } from '../../../test/factories.js';
import { createTestApp, type TestApp } from '../../../test/test-app.js';
import { testDialects } from '../../../test/test-db.js';
import { createRequestListener } from '../../app.js';

/*
 * Search is never a page-cache entry: through the listener `npm start` uses (the cache front
 * before the app), a search asked twice, then an article published, then the same search
 * again finds the article at once. The engine indexes it in the publishing transaction; the
 * page cache, which would have kept the first answer (no event names a search page), never
 * holds one.
 */
describe.each(testDialects)('search and the page cache on %s', (dialect) => {
  let t: TestApp;
  let n: Newsroom;
  let server: http.Server;
  let origin = '';

  beforeAll(async () => {
    t = await createTestApp(dialect);
    n = await createNewsroom(t.db, t.clock, t.events);
    await publishArticle({ db: t.db, clock: t.clock, events: t.events }, n, { slug: 'first', title: 'The first story' });
    const listener = createRequestListener(t.app, { config: t.config, cache: t.cache, assets: t.assets, sessionSecret: Buffer.alloc(32, 7), clock: t.clock });
    server = http.createServer(listener);
    const port = await new Promise<number>((resolve) => server.listen(0, '127.0.0.1', () => resolve((server.address() as AddressInfo).port)));
    origin = `http://127.0.0.1:${port}`;
  });
  afterAll(async () => {
    await new Promise<void>((resolve) => server?.close(() => resolve()));
    await t?.destroy();
  });

  it('finds an article the moment it is published, however often the search was asked before', async () => {
    // The cache is on and keeps pages: the front page is stored from its second render.
    for (let i = 0; i < 3; i++) expect((await fetch(`${origin}/`)).status).toBe(200);
    expect(t.cache.size.entries).toBe(1);

    const ask = async () => {
      const res = await fetch(`${origin}/search?q=zephyrine`);
      expect(res.status).toBe(200);
      expect(res.headers.get('cache-control')).toBe('private, no-cache');
      expect(res.headers.get('etag')).toBeNull();
      return res.text();
    };
    const suggest = async () => (await (await fetch(`${origin}/search/suggest?q=zephyr`)).json()) as { items: { label: string }[] };
    for (let i = 0; i < 3; i++) {
      expect(await ask()).toContain('Nothing matched “zephyrine”');
      expect((await suggest()).items).toEqual([]);
    }
    expect(t.cache.size.entries).toBe(1);

    await publishArticle({ db: t.db, clock: t.clock, events: t.events }, n, { slug: 'zephyrine', title: 'The zephyrine crossing', body: '<p>A new story about the zephyrine crossing.</p>' });
    const html = await ask();
    expect(html).toContain('1 result for “zephyrine”');
    expect(html).toContain('<a href="/world/levant/northern-front/zephyrine/">The <mark>zephyrine</mark> crossing</a>');
    expect((await suggest()).items.map((i) => i.label)).toEqual(['The zephyrine crossing']);
    expect(t.cache.size.entries).toBeLessThanOrEqual(1);
  });
});
