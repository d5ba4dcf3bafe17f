import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
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
    for (const name of ['ann', 'ben', 'cat', 'dan', 'eve', 'fay', 'gil', 'hal']) {
      await createUser({ db: t.db, clock: t.clock, events: t.events }, { email: `${name}@example.org`, name, role: 'author', password: PASSWORD });
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

  /** Signs in from this browser and signs out again, which leaves it known to the account. */
  async function signInAndOut(browser: TestBrowser, email: string): Promise<Response> {
    const signedIn = await attempt(browser, email, PASSWORD);
    expect(signedIn.status).toBe(303);
    const csrf = TestBrowser.csrfOf(await (await browser.get('/admin/')).text());
    expect((await browser.post('/admin/logout', { csrf })).status).toBe(303);
    expect(browser.cookies.has('dossier_session')).toBe(false);
    return signedIn;
  }

  it("lets the owner's browser sign in while strangers at other addresses have locked the account out", async () => {
    const owner = freshBrowser();
    const signedIn = await signInAndOut(owner, 'eve@example.org');
    const cookie = signedIn.headers.getSetCookie().find((c) => c.startsWith('dossier_device='))!;
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Strict/);
    expect(cookie).toMatch(/Secure/);
    expect(cookie).toMatch(/Path=\/admin\/login(;|$)/);
    expect(cookie).toMatch(/Max-Age=31536000/);
    // Signing out keeps it: it is the browser that is known, not the session.
    expect(owner.cookies.has('dossier_device')).toBe(true);

    // Five strangers at five addresses use up the account's shared allowance...
    for (let i = 0; i < 5; i++) expect((await attempt(freshBrowser(), 'eve@example.org', 'wrong password')).status).toBe(401);
    // ...so an unknown browser is refused even with the right password,
    expect((await attempt(freshBrowser(), 'eve@example.org', PASSWORD)).status).toBe(429);
    // and the owner's browser is not.
    expect((await attempt(owner, 'eve@example.org', PASSWORD)).status).toBe(303);
    expect((await owner.get('/admin/')).status).toBe(200);
    // The owner's success handed the strangers no new tries.
    expect((await attempt(freshBrowser(), 'eve@example.org', PASSWORD)).status).toBe(429);
  });

  it("gives a forged device cookie, or another account's, nothing on a locked account", async () => {
    const owner = freshBrowser();
    await signInAndOut(owner, 'fay@example.org');
    const neighbour = freshBrowser();
    await signInAndOut(neighbour, 'gil@example.org');
    for (let i = 0; i < 5; i++) expect((await attempt(freshBrowser(), 'fay@example.org', 'wrong password')).status).toBe(401);

    const real = owner.cookies.get('dossier_device')!;
    const [expiry, nonce, mac] = real.split('.') as [string, string, string];
    const forgeries = [
      `${expiry}.${nonce}.${mac.slice(0, -1)}${mac.endsWith('A') ? 'B' : 'A'}`,
      `${Number(expiry) + 86400}.${nonce}.${mac}`,
      `${expiry}.${'A'.repeat(22)}.${mac}`,
      'made-up',
    ];
    for (const forged of forgeries) {
      const browser = freshBrowser();
      browser.cookies.set('dossier_device', forged);
      expect((await attempt(browser, 'fay@example.org', PASSWORD)).status).toBe(429);
    }
    // A browser known to gil is a stranger to fay.
    expect((await attempt(neighbour, 'fay@example.org', PASSWORD)).status).toBe(429);
    expect((await attempt(owner, 'fay@example.org', PASSWORD)).status).toBe(303);
  });

  it('locks a known browser that guesses wrong five times, leaving the account open to the owner elsewhere', async () => {
    const guessing = freshBrowser();
    await signInAndOut(guessing, 'hal@example.org');
    for (let i = 0; i < 5; i++) expect((await attempt(guessing, 'hal@example.org', 'wrong password')).status).toBe(401);
    const locked = await attempt(guessing, 'hal@example.org', PASSWORD);
    expect(locked.status).toBe(429);
    expect(await locked.text()).toContain('Too many sign-in attempts. Please wait 15 minutes and try again.');
    expect((await attempt(freshBrowser(), 'hal@example.org', PASSWORD)).status).toBe(303);
  });

  it('logs each failed sign-in as one line for the operator, with the address and the reason, never the typed email', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'dossier-log-'));
    fs.mkdirSync(path.join(dataDir, 'media'));
    const logged = createApp({
      config: loadConfig({ SITE_URL: t.siteUrl, DATA_DIR: dataDir, LOG_LEVEL: 'info' }),
      db: t.db,
      dialect,
      clock: t.clock,
      cache: new PageCache(1024 * 1024),
      assets: AssetStore.load(PUBLIC_DIR),
      logger: createLogger('info'),
      mediaDir: path.join(dataDir, 'media'),
      sessionSecret: Buffer.alloc(32, 7),
    });
    const written: string[] = [];
    const stdout = vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
      written.push(String(chunk));
      return true;
    });
    try {
      await attempt(new TestBrowser(logged, '192.0.2.201'), 'Nobody@Example.org', 'wrong password');
      await attempt(new TestBrowser(logged, '192.0.2.202'), 'Cat@Example.org', 'wrong password');
      // ben was locked by an earlier test.
      await attempt(new TestBrowser(logged, '192.0.2.203'), 'ben@example.org', 'wrong password');
      expect((await attempt(new TestBrowser(logged, '192.0.2.204'), 'cat@example.org', PASSWORD)).status).toBe(303);
    } finally {
      stdout.mockRestore();
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
    const lines = written.join('').split('\n').filter((l) => l.includes('sign-in failed'));
    expect(lines).toHaveLength(3);
    const [unknown, wrong, throttled] = lines.map((l) => JSON.parse(l) as Record<string, unknown>);
    const ids = Object.fromEntries((await t.db.selectFrom('users').select(['email', 'id']).execute()).map((u) => [u.email, u.id]));
    expect(unknown).toMatchObject({ level: 'info', message: 'sign-in failed', reason: 'unknown-account', ip: '192.0.2.201', isKnownDevice: false });
    expect(unknown!.userId).toBeNull();
    expect(unknown!.requestId).toMatch(/^[0-9a-f-]{36}$/);
    expect(wrong).toMatchObject({ reason: 'wrong-password', ip: '192.0.2.202', userId: ids['cat@example.org'] });
    expect(throttled).toMatchObject({ reason: 'throttled', ip: '192.0.2.203', userId: ids['ben@example.org'], limits: ['account'] });
    for (const line of lines) expect(line.toLowerCase()).not.toMatch(/example\.org|wrong password/);
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
