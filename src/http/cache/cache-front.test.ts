import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { getRequestListener } from '@hono/node-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSession } from '../../accounts/index.js';
import { createNewsroom, publishArticle, type Newsroom } from '../../../test/factories.js';
import { createTestApp, type TestApp } from '../../../test/test-app.js';
import { escapeBackslashes, pageCacheFront } from './cache-front.js';
import { responseSecurityHeaders } from '../../app.js';

interface RawResponse {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

describe('the page-cache front on a listening server', () => {
  let t: TestApp;
  let n: Newsroom;
  let server: http.Server;
  let port = 0;
  let base = '';
  const path = '/world/levant/northern-front/talks-resume/';

  /** A request with the target exactly as written: fetch() would normalize it first. */
  const raw = (target: string, headers: Record<string, string> = {}): Promise<RawResponse> =>
    new Promise((resolve, reject) => {
      http
        .get({ host: '127.0.0.1', port, path: target, headers, agent: false }, (res) => {
          let body = '';
          res.setEncoding('latin1');
          res.on('data', (chunk: string) => (body += chunk));
          res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body }));
        })
        .on('error', reject);
    });

  beforeAll(async () => {
    t = await createTestApp('sqlite');
    n = await createNewsroom(t.db, t.clock);
    await publishArticle({ db: t.db, clock: t.clock, events: t.events }, n, { slug: 'talks-resume' });
    const front = pageCacheFront(
      {
        cache: t.cache,
        securityHeaders: responseSecurityHeaders(t.config, t.assets),
        sessionSecret: Buffer.alloc(32, 7), // what createTestApp gives the app
        now: () => t.clock.now().getTime(),
      },
      getRequestListener(t.app.fetch),
    );
    server = http.createServer(escapeBackslashes(front));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as AddressInfo).port;
    base = `http://127.0.0.1:${port}`;
  });
  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
    await t.destroy();
  });

  it('answers a hit from memory with the same bytes, headers and security headers as the app', async () => {
    await (await fetch(base + path)).arrayBuffer(); // a first render is only remembered; the second is kept
    const miss = await fetch(base + path, { headers: { 'accept-encoding': 'gzip' } });
    const missBody = await miss.text();
    expect(miss.headers.get('x-request-id')).toBeTruthy(); // rendered by the app
    const hit = await fetch(base + path, { headers: { 'accept-encoding': 'gzip' } });
    expect(hit.headers.get('x-request-id')).toBeNull(); // served by the front
    expect(await hit.text()).toBe(missBody);
    for (const name of ['etag', 'last-modified', 'cache-control', 'content-type', 'content-security-policy', 'strict-transport-security', 'x-frame-options', 'vary']) {
      expect(hit.headers.get(name), name).toBe(miss.headers.get(name));
    }
  });

  it('answers a miss as rendered, and compresses the page off the request once it is asked for again', async () => {
    const fresh = '/world/levant/';
    await (await fetch(base + fresh)).arrayBuffer(); // a first render is only remembered; the second is kept
    const miss = await fetch(base + fresh, { headers: { 'accept-encoding': 'br, gzip' } });
    expect(miss.headers.get('content-encoding')).toBeNull();
    const html = await miss.text();
    const stored = t.cache.size.bytes;
    const secondHit = await fetch(base + fresh, { headers: { 'accept-encoding': 'br, gzip' } });
    expect(secondHit.headers.get('content-encoding')).toBeNull(); // this hit queued the compression
    await secondHit.arrayBuffer();
    await t.cache.settled();
    const refined = await fetch(base + fresh, { headers: { 'accept-encoding': 'br, gzip' } });
    expect(refined.headers.get('content-encoding')).toBe('br');
    expect(await refined.text()).toBe(html);
    expect(refined.headers.get('etag')).toBe(miss.headers.get('etag'));
    const gzipped = await fetch(base + fresh, { headers: { 'accept-encoding': 'gzip' } });
    expect(gzipped.headers.get('content-encoding')).toBe('gzip');
    expect(await gzipped.text()).toBe(html);
    // The cache counts the compressed copies too.
    expect(t.cache.size.bytes).toBeGreaterThan(stored);
  });

  it('answers 304 to a current copy and HEAD without a body', async () => {
    const etag = (await fetch(base + path)).headers.get('etag')!;
    expect((await fetch(base + path, { headers: { 'if-none-match': etag } })).status).toBe(304);
    const head = await fetch(base + path, { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(await head.text()).toBe('');
  });

  it('sends a genuine staff session past the cache, and serves forged or expired marks from it', async () => {
    await fetch(base + path);
    const { token } = await startSession(t.db, t.clock, n.ana.id);
    const admin = await raw('/admin/', { cookie: `dossier_session=${token}` });
    expect(admin.status).toBe(200);
    const markCookie = [admin.headers['set-cookie'] ?? []].flat().find((c) => c.startsWith('dossier_staff='))!;
    expect(markCookie).toMatch(/HttpOnly/);
    const mark = /^dossier_staff=([^;]+)/.exec(markCookie)![1]!;

    const staff = await raw(path, { cookie: `dossier_session=${token}; dossier_staff=${mark}` });
    expect(staff.headers['x-request-id']).toBeTruthy(); // rendered by the app
    expect(staff.headers['cache-control']).toBe('private, no-store');

    const [expires, mac] = mark.split('.') as [string, string];
    const flipped = mac.slice(0, -2) + (mac.at(-2) === 'A' ? 'B' : 'A') + mac.at(-1);
    for (const cookie of [
      'dossier_session=x',
      `dossier_session=${token}`,
      `dossier_staff=${mark}`,
      `dossier_session=someone-else; dossier_staff=${mark}`,
      `dossier_session=${token}; dossier_staff=${expires}.${flipped}`,
      `dossier_session=${token}; dossier_staff=${Number(expires) + 1}.${mac}`,
      `dossier_session=${token}; dossier_staff=99999999999.${mac}`,
      `dossier_session=${token}; dossier_staff=${expires}.`,
      `dossier_session=${token}; dossier_staff=garbage`,
    ]) {
      const res = await raw(path, { cookie });
      expect(res.status, cookie).toBe(200);
      expect(res.headers['x-request-id'], cookie).toBeUndefined(); // from the cache
      expect(res.headers['cache-control'], cookie).toBe('public, max-age=0, must-revalidate');
    }

    // Once the session's lifetime is over, so is its mark, without asking the database.
    const now = t.clock.now();
    t.clock.set(new Date(Number(expires) * 1000 + 1000).toISOString());
    try {
      const late = await raw(path, { cookie: `dossier_session=${token}; dossier_staff=${mark}` });
      expect(late.headers['x-request-id']).toBeUndefined();
    } finally {
      t.clock.set(now.toISOString());
    }
  });

  it('gives other spellings of a page a 301, 400 or 404 and never a cache entry', async () => {
    for (const _visit of [1, 2]) {
      await fetch(`${base}/`);
      await fetch(base + path);
      await fetch(`${base}/world/`);
      await fetch(`${base}/world/?page=2`).catch(() => undefined);
    }
    const before = { ...t.cache.size };
    const cases: Array<[string, number, string?]> = [
      ['/world/levant/northern-front/talks-r%65sume/', 301, path],
      ['/world/levant/northern-front/%74%61%6c%6b%73-resume/', 301, path],
      ['/World/Levant/Northern-Front/Talks-Resume/', 301, path],
      ['/world/levant/northern-front/talks-resume', 301, path],
      ['/world//levant/northern-front/talks-resume/', 301, path],
      ['/world/?page=02', 301, '/world/?page=2'],
      ['/world/?page=1', 301, '/world/'],
      ['/world/?page=2&page=3', 301, '/world/?page=2'],
      ['//evil.test/', 404],
      ['/\\evil.test/', 404],
      ['/%2F%2Fevil.test/', 404],
      ['/world/../world/', 404],
      ['/world/%2e%2e/admin/', 404],
      ['/world/levant%2Fnorthern-front/', 404],
      ['/world/talks%00resume/', 404],
      ['/%', 400],
      ['/world/%ff/', 400],
      ['/world/%zz/', 400],
      ['/world/?page=%', 400],
      ['/assets/%', 400],
      ['/assets/%ff', 400],
      ['/media/%c0', 400],
      ['/admin/%', 400],
    ];
    for (const [target, status, location] of cases) {
      const res = await raw(target, { 'accept-encoding': 'gzip' });
      expect(res.status, target).toBe(status);
      if (location) expect(res.headers.location, target).toBe(`https://news.example.org${location}`);
      expect(res.body, target).not.toMatch(/at .*\.[jt]s:\d+|Error:/);
      expect(t.cache.size, target).toEqual(before);
    }
    // The home page is cached: "//evil.test/" must not be read as it.
    expect(t.cache.get('/')).toBeDefined();
  });

  it('answers malformed percent-encoding with 400 and a short body, not a 500', async () => {
    for (const target of ['/assets/%', '/assets/%ff', '/assets/site.css%']) {
      const res = await raw(target);
      expect(res.status, target).toBe(400);
      expect(res.body, target).toBe('Bad request: malformed percent-encoding.');
    }
  });
});
