import { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createNewsroom, publishArticle } from '../../test/factories.js';
import { createTestApp, type TestApp } from '../../test/test-app.js';
import type { AppEnv } from '../http/app-env.js';
import type { Logger } from '../http/logger.js';
import { requestContext } from '../http/request-context.js';
import { canonicalPath } from './canonical-path.js';

describe('canonical URLs through the app', () => {
  let t: TestApp;
  const article = '/world/levant/northern-front/talks-resume/';
  const get = (path: string) => t.app.request(path, { headers: { 'accept-encoding': 'gzip' } });

  beforeAll(async () => {
    t = await createTestApp('sqlite');
    const n = await createNewsroom(t.db, t.clock);
    await publishArticle({ db: t.db, clock: t.clock, events: t.events }, n, { slug: 'talks-resume' });
    for (const p of ['/', article, '/world/']) expect((await get(p)).status).toBe(200);
  });
  afterAll(() => t.destroy());

  it.each([
    ['/world/levant/northern-front/talks-r%65sume/', 301, article],
    ['/%77orld/levant/northern-front/talks-resume/', 301, article],
    ['/WORLD/levant/northern-front/talks-resume/', 301, article],
    ['/world/?page=02', 301, '/world/?page=2'],
    ['/world/?page=%31', 301, '/world/'],
    ['//evil.test/', 404, null],
    ['//evil.test/world/', 404, null],
    ['/%5Cevil.test/', 404, null],
    // (an encoded dot segment is resolved by the URL parser before app.request routes it:
    // the raw target reaches the app only through Node, see cache-front.test.ts)
    ['/world%2Flevant/', 404, null],
    ['/assets/%', 400, null],
    ['/assets/%ff', 400, null],
    ['/world/%E0%A4%A/', 400, null],
    ['/media/%', 400, null],
  ] as const)('%s answers %i and adds no cache entry', async (target, status, location) => {
    const before = { ...t.cache.size };
    const res = await get(target);
    expect(res.status).toBe(status);
    if (location) expect(res.headers.get('location')).toBe(`https://news.example.org${location}`);
    expect(await res.text()).not.toMatch(/at .*\.[jt]s:\d+/);
    expect(t.cache.size).toEqual(before);
  });

  it('keeps one entry for a page whatever other query parameters it is asked with', async () => {
    await get('/world/');
    await get('/world/'); // kept from its second render on
    const before = t.cache.size.entries;
    expect(t.cache.get('/world/')).toBeDefined();
    for (const q of ['?utm_source=x', '?utm_medium=y&fbclid=z', '?page=1&utm_source=x']) {
      const res = await get(`/world/${q}`);
      expect([200, 301], q).toContain(res.status);
    }
    expect(t.cache.size.entries).toBe(before);
  });
});

describe('malformed percent-encoding', () => {
  it('answers 400 with one short log line, no stack trace', async () => {
    const lines: string[] = [];
    const logger: Logger = {
      info: (message, fields) => lines.push(JSON.stringify({ message, ...fields })),
      debug: (message, fields) => lines.push(JSON.stringify({ message, ...fields })),
      error: (message, fields) => lines.push(JSON.stringify({ message, ...fields })),
      child: () => logger,
    };
    const app = new Hono<AppEnv>();
    app.use(requestContext(logger));
    app.use(canonicalPath());
    app.get('*', (c) => c.text('routed'));
    for (const target of ['/assets/%', '/assets/%ff']) {
      lines.length = 0;
      const res = await app.request(target);
      expect(res.status, target).toBe(400);
      expect(await res.text()).toBe('Bad request: malformed percent-encoding.');
      expect(lines, target).toHaveLength(1);
      expect(lines[0]!.length, target).toBeLessThan(200);
      expect(lines[0], target).not.toMatch(/\n|at .*:\d+/);
    }
  });
});
