import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { getRequestListener } from '@hono/node-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createNewsroom, publishArticle } from '../../../test/factories.js';
import { createTestApp, type TestApp } from '../../../test/test-app.js';
import { pageCacheFront } from './cache-front.js';
import { responseSecurityHeaders } from '../../app.js';

describe('the page-cache front on a listening server', () => {
  let t: TestApp;
  let server: http.Server;
  let base = '';
  const path = '/world/levant/northern-front/talks-resume/';

  beforeAll(async () => {
    t = await createTestApp('sqlite');
    const n = await createNewsroom(t.db, t.clock);
    await publishArticle({ db: t.db, clock: t.clock, events: t.events }, n, { slug: 'talks-resume' });
    server = http.createServer(pageCacheFront(t.cache, getRequestListener(t.app.fetch), responseSecurityHeaders(t.config, t.assets)));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
    await t.destroy();
  });

  it('answers a hit from memory with the same bytes, headers and security headers as the app', async () => {
    const miss = await fetch(base + path, { headers: { 'accept-encoding': 'gzip' } });
    const missBody = await miss.text();
    expect(miss.headers.get('x-request-id')).toBeTruthy(); // rendered by the app
    const hit = await fetch(base + path, { headers: { 'accept-encoding': 'gzip' } });
    expect(hit.headers.get('x-request-id')).toBeNull(); // served by the front
    expect(await hit.text()).toBe(missBody);
    for (const name of ['etag', 'content-security-policy', 'strict-transport-security', 'x-frame-options', 'vary']) {
      expect(hit.headers.get(name), name).toBe(miss.headers.get(name));
    }
  });

  it('answers 304 to a current copy, HEAD without a body, and sends staff to the app', async () => {
    const etag = (await fetch(base + path)).headers.get('etag')!;
    expect((await fetch(base + path, { headers: { 'if-none-match': etag } })).status).toBe(304);
    const head = await fetch(base + path, { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(await head.text()).toBe('');
    const staff = await fetch(base + path, { headers: { cookie: 'dossier_session=abc' } });
    expect(staff.headers.get('x-request-id')).toBeTruthy();
    expect(staff.headers.get('cache-control')).toBe('private, no-store');
  });
});
