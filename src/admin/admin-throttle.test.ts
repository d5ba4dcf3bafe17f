import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser } from '../accounts/index.js';
import { createApp } from '../app.js';
import { loadConfig } from '../config/config.js';
import { createDb } from '../db/create-db.js';
import { createLogger } from '../http/logger.js';
import { PageCache } from '../http/cache/page-cache.js';
import { AssetStore } from '../http/static-assets.js';
import { createTestApp, PUBLIC_DIR, type TestApp } from '../../test/test-app.js';
import { testDialects } from '../../test/test-db.js';
import { TestBrowser } from '../../test/test-browser.js';

const PASSWORD = 'correct horse battery';

describe.each(testDialects)('login throttling over HTTP on %s', (dialect) => {
  let t: TestApp;
  let peer = 0;
  /** A new browser at a new address, so only the limit under test comes into play. */
  const freshBrowser = (app = t.app) => new TestBrowser(app, `192.0.2.${++peer}`);

  beforeAll(async () => {
    t = await createTestApp(dialect);
    for (const name of ['ann', 'ben', 'cat', 'dan']) {
      await createUser(t.db, t.clock, { email: `${name}@example.org`, name, role: 'author', password: PASSWORD });
    }
  });
  afterAll(() => t?.destroy());

  async function attempt(browser: TestBrowser, email: string, password: string, headers: Record<string, string> = {}): Promise<Response> {
    const csrf = TestBrowser.csrfOf(await (await browser.get('/admin/login')).text());
    return browser.post('/admin/login', { email, password, csrf }, headers);
  }

  it('answers an unknown account and a wrong password identically', async () => {
    const unknown = await attempt(freshBrowser(), 'nobody@example.org', 'wrong password');
    const wrong = await attempt(freshBrowser(), 'ann@example.org', 'wrong password');
    expect(unknown.status).toBe(401);
    expect(wrong.status).toBe(401);
    const normalize = async (res: Response) =>
      (await res.text()).replace(/name="csrf" value="[^"]+"/, 'CSRF').replace(/name="email" type="email" value="[^"]*"/, 'EMAIL');
    expect(await normalize(unknown)).toBe(await normalize(wrong));
    const headerNames = (res: Response) => {
      const names: string[] = [];
      res.headers.forEach((_value, name) => names.push(name));
      return names.filter((k) => !['x-request-id', 'set-cookie'].includes(k)).sort();
    };
    expect(headerNames(unknown)).toEqual(headerNames(wrong));
  });

  it('refuses a sixth attempt on one account with 429, even with the right password from a new address', async () => {
    for (let i = 0; i < 5; i++) expect((await attempt(freshBrowser(), 'ben@example.org', 'wrong password')).status).toBe(401);
    const refused = await attempt(freshBrowser(), 'ben@example.org', PASSWORD);
    expect(refused.status).toBe(429);
    expect(refused.headers.get('retry-after')).toBe('900');
    const html = await refused.text();
    expect(html).toContain('Too many sign-in attempts. Please wait 15 minutes and try again.');
    expect(html).toContain('value="ben@example.org"');
    // Another account is not affected.
    expect((await attempt(freshBrowser(), 'cat@example.org', PASSWORD)).status).toBe(303);
  });

  it('holds the account limit across a restart: a new app on the same database still refuses', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'dossier-restart-'));
    const handle =
      dialect === 'sqlite' ? createDb({ dialect: 'sqlite', file: t.testDb.url }) : createDb({ dialect: 'postgres', url: t.testDb.url });
    try {
      const restarted = createApp({
        config: loadConfig({ SITE_URL: t.siteUrl, DATA_DIR: dataDir, LOG_LEVEL: 'silent' }),
        db: handle.db,
        dialect,
        clock: t.clock,
        cache: new PageCache(1024 * 1024),
        assets: AssetStore.load(PUBLIC_DIR),
        logger: createLogger('silent'),
        mediaDir: path.join(dataDir, 'media'),
        sessionSecret: Buffer.alloc(32, 7),
      });
      expect((await attempt(freshBrowser(restarted), 'ben@example.org', PASSWORD)).status).toBe(429);
    } finally {
      await handle.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  });

  it('refuses an address after 20 attempts, and no X-Forwarded-For is believed without a trusted proxy', async () => {
    const browser = new TestBrowser(t.app, '203.0.113.9');
    for (let i = 0; i < 20; i++) {
      const res = await attempt(browser, `guess${i}@example.org`, 'wrong password', { 'x-forwarded-for': `198.51.100.${i}` });
      expect(res.status).toBe(401);
    }
    const refused = await attempt(browser, 'dan@example.org', PASSWORD, { 'x-forwarded-for': '198.51.100.200' });
    expect(refused.status).toBe(429);
    // The same account from another address is fine, and the address limit was not cleared by it.
    expect((await attempt(freshBrowser(), 'dan@example.org', PASSWORD)).status).toBe(303);
    expect((await attempt(browser, 'dan@example.org', PASSWORD)).status).toBe(429);
  });

  it('lets exactly five of 40 parallel attempts on one account reach the password check', async () => {
    const browsers = Array.from({ length: 40 }, () => freshBrowser());
    const tokens = await Promise.all(browsers.map(async (b) => TestBrowser.csrfOf(await (await b.get('/admin/login')).text())));
    const answers = await Promise.all(
      browsers.map((b, i) => b.post('/admin/login', { email: 'burst@example.org', password: 'wrong password', csrf: tokens[i]! })),
    );
    const statuses = answers.map((r) => r.status);
    expect(statuses.filter((s) => s === 401)).toHaveLength(5);
    expect(statuses.filter((s) => s === 429)).toHaveLength(35);
  });
});

describe.each(testDialects)('client addresses behind a trusted proxy on %s', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(dialect, { TRUSTED_PROXY: '10.0.0.1' });
  });
  afterAll(() => t?.destroy());

  it('counts attempts per forwarded client when the peer is the trusted proxy', async () => {
    const proxy = new TestBrowser(t.app, '10.0.0.1');
    const attempt = async (email: string, client: string) => {
      const csrf = TestBrowser.csrfOf(await (await proxy.get('/admin/login')).text());
      return proxy.post('/admin/login', { email, password: 'wrong password', csrf }, { 'x-forwarded-for': client });
    };
    for (let i = 0; i < 20; i++) expect((await attempt(`guess${i}@example.org`, '198.51.100.1')).status).toBe(401);
    expect((await attempt('one-more@example.org', '198.51.100.1')).status).toBe(429);
    expect((await attempt('one-more@example.org', '198.51.100.2')).status).toBe(401);
  });
});
