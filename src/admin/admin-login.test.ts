import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser } from '../accounts/index.js';
import { createTestApp, type TestApp } from '../../test/test-app.js';
import { testDialects } from '../../test/test-db.js';
import { TestBrowser } from '../../test/test-browser.js';

const PASSWORD = 'correct horse battery';

describe.each(testDialects)('admin sign-in on %s', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(dialect);
    await createUser({ db: t.db, clock: t.clock, events: t.events }, { email: 'ann@example.org', name: 'Ann Editor', role: 'editor', password: PASSWORD });
  });
  afterAll(() => t?.destroy());

  async function signIn(browser: TestBrowser, email = 'ann@example.org', next?: string): Promise<Response> {
    const form = await browser.get(next ? `/admin/login?next=${encodeURIComponent(next)}` : '/admin/login');
    const html = await form.text();
    const nextField = /name="next" value="([^"]*)"/.exec(html)?.[1];
    return browser.post('/admin/login', { email, password: PASSWORD, csrf: TestBrowser.csrfOf(html), ...(nextField ? { next: nextField } : {}) });
  }

  it('serves a login form that is private, unindexed and carries a CSRF token and its cookie', async () => {
    const browser = new TestBrowser(t.app);
    const res = await browser.get('/admin/login');
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(res.headers.get('content-security-policy')).toContain("style-src 'self'");
    const html = await res.text();
    expect(html).toContain('<meta name="robots" content="noindex, nofollow"/>');
    expect(html).toMatch(/<link rel="stylesheet" href="\/assets\/admin\.css\?v=[\w-]+"\/>/);
    expect(html).toContain('autocomplete="current-password"');
    expect(TestBrowser.csrfOf(html)).toMatch(/^\d+\.[\w-]+$/);
    const cookie = res.headers.getSetCookie().find((c) => c.startsWith('dossier_csrf='))!;
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Strict/);
    expect(cookie).toMatch(/Secure/);
  });

  it('marks the browser as staff at sign-in, so its very next public page skips the cache', async () => {
    const reader = new TestBrowser(t.app);
    await reader.get('/robots.txt');
    expect((await reader.get('/robots.txt')).headers.get('cache-control')).toMatch(/^public/);
    await createUser({ db: t.db, clock: t.clock, events: t.events }, { email: 'sam@example.org', name: 'Sam Staff', role: 'author', password: PASSWORD });
    const browser = new TestBrowser(t.app);
    const login = await signIn(browser, 'sam@example.org', '/robots.txt');
    expect(login.headers.getSetCookie().some((c) => c.startsWith('dossier_staff='))).toBe(true);
    expect((await browser.get('/robots.txt')).headers.get('cache-control')).toBe('private, no-store');
    const dashboard = await (await browser.get('/admin/')).text();
    expect((await browser.post('/admin/logout', { csrf: TestBrowser.csrfOf(dashboard) })).status).toBe(303);
  });

  it('signs in, shows the dashboard, and signs out for good', async () => {
    const browser = new TestBrowser(t.app);
    expect((await browser.get('/admin/')).headers.get('location')).toBe('/admin/login');
    const login = await signIn(browser);
    expect(login.status).toBe(303);
    expect(login.headers.get('location')).toBe('/admin/');
    const sessionCookie = login.headers.getSetCookie().find((c) => c.startsWith('dossier_session='))!;
    expect(sessionCookie).toMatch(/HttpOnly/);
    expect(sessionCookie).toMatch(/SameSite=Lax/);
    expect(sessionCookie).toMatch(/Path=\//);
    expect(sessionCookie).toMatch(/Secure/);
    expect(sessionCookie).toMatch(/Max-Age=1209600/);
    expect(browser.cookies.has('dossier_csrf')).toBe(false);
    const token = browser.cookies.get('dossier_session')!;

    const dashboard = await browser.get('/admin/');
    expect(dashboard.status).toBe(200);
    expect(dashboard.headers.get('cache-control')).toBe('no-store');
    const html = await dashboard.text();
    expect(html).toContain('Signed in as <strong>Ann Editor</strong> (editor)');
    expect(html).toContain('href="https://news.example.org/">View site</a>');
    expect(html).toContain('action="/admin/logout"');
    // A signed-in visit to the login form goes straight to the dashboard.
    expect((await browser.get('/admin/login')).headers.get('location')).toBe('/admin/');
    expect((await browser.get('/admin')).headers.get('location')).toBe('/admin/');

    const logout = await browser.post('/admin/logout', { csrf: TestBrowser.csrfOf(html) });
    expect(logout.status).toBe(303);
    expect(logout.headers.get('location')).toBe('/admin/login');
    expect(browser.cookies.has('dossier_session')).toBe(false);
    // The old cookie no longer works even if replayed: the session row is gone.
    const replay = await t.app.request('/admin/', { headers: { cookie: `dossier_session=${token}` } });
    expect(replay.status).toBe(303);
    expect(await t.db.selectFrom('sessions').selectAll().execute()).toHaveLength(0);
  });

  it('returns to a page on this site after signing in, and never to another site', async () => {
    const browser = new TestBrowser(t.app);
    const bounced = await browser.get('/admin/articles?page=2');
    expect(bounced.headers.get('location')).toBe('/admin/login?next=%2Fadmin%2Farticles%3Fpage%3D2');
    expect((await signIn(browser, 'ann@example.org', '/admin/articles?page=2')).headers.get('location')).toBe('/admin/articles?page=2');

    for (const next of ['https://evil.example/', '//evil.example/', '/\\evil.example', 'javascript:alert(1)']) {
      const b = new TestBrowser(t.app);
      expect((await signIn(b, 'ann@example.org', next)).headers.get('location')).toBe('/admin/');
      // Posted directly, bypassing the form's own check, too.
      const c = new TestBrowser(t.app);
      const csrf = TestBrowser.csrfOf(await (await c.get('/admin/login')).text());
      const res = await c.post('/admin/login', { email: 'ann@example.org', password: PASSWORD, csrf, next });
      expect(res.headers.get('location')).toBe('/admin/');
    }
  });

  it('re-renders the form with the email as typed and a clear message', async () => {
    const browser = new TestBrowser(t.app);
    const csrf = TestBrowser.csrfOf(await (await browser.get('/admin/login')).text());
    const wrong = await browser.post('/admin/login', { email: 'Ann@Example.org', password: 'not my password', csrf });
    expect(wrong.status).toBe(401);
    const html = await wrong.text();
    expect(html).toContain('value="Ann@Example.org"');
    expect(html).toContain('role="alert"');
    expect(html).toContain('Email or password is incorrect.');
    expect(html).not.toContain('not my password');

    const csrf2 = TestBrowser.csrfOf(html);
    const invalid = await browser.post('/admin/login', { email: 'ann<script>', password: '', csrf: csrf2 });
    expect(invalid.status).toBe(400);
    const invalidHtml = await invalid.text();
    expect(invalidHtml).toContain('value="ann&lt;script&gt;"');
    expect(invalidHtml).toContain('Enter an email address such as name@example.org.');
  });

  it('refuses a login post without a valid CSRF token or from another site, with 403 and a fresh form', async () => {
    const browser = new TestBrowser(t.app);
    const csrf = TestBrowser.csrfOf(await (await browser.get('/admin/login')).text());
    const attempts: Array<[Record<string, string>, Record<string, string>, TestBrowser]> = [
      [{ email: 'ann@example.org', password: PASSWORD }, {}, browser],
      [{ email: 'ann@example.org', password: PASSWORD, csrf: 'x' }, {}, browser],
      [{ email: 'ann@example.org', password: PASSWORD, csrf }, { origin: 'https://evil.example' }, browser],
      [{ email: 'ann@example.org', password: PASSWORD, csrf }, { 'sec-fetch-site': 'cross-site' }, browser],
      // A token without its cookie: another browser cannot reuse it.
      [{ email: 'ann@example.org', password: PASSWORD, csrf }, {}, new TestBrowser(t.app)],
    ];
    for (const [form, headers, who] of attempts) {
      const res = await who.post('/admin/login', form, headers);
      expect(res.status).toBe(403);
      const html = await res.text();
      expect(html).toContain('did not come from this site');
      expect(TestBrowser.csrfOf(html)).toBeTruthy();
      expect(who.cookies.has('dossier_session')).toBe(false);
    }
    // The same browser, with its own token and an Origin of this site, gets in.
    const ok = await browser.post('/admin/login', { email: 'ann@example.org', password: PASSWORD, csrf }, { origin: 'https://news.example.org' });
    expect(ok.status).toBe(303);
  });

  it('refuses a logout without the session token, keeping the session', async () => {
    const browser = new TestBrowser(t.app);
    await signIn(browser);
    for (const [form, headers] of [
      [{}, {}],
      [{ csrf: 'forged' }, {}],
    ] as const) {
      const res = await browser.post('/admin/logout', form, headers);
      expect(res.status).toBe(403);
      expect(await res.text()).toContain('did not come from this site');
    }
    const csrf = TestBrowser.csrfOf(await (await browser.get('/admin/')).text());
    expect((await browser.post('/admin/logout', { csrf }, { origin: 'https://evil.example' })).status).toBe(403);
    expect((await browser.get('/admin/')).status).toBe(200);
    // Another user's session token is no good either.
    const other = new TestBrowser(t.app);
    await signIn(other);
    const otherCsrf = TestBrowser.csrfOf(await (await other.get('/admin/')).text());
    expect((await browser.post('/admin/logout', { csrf: otherCsrf })).status).toBe(403);
  });

  it('answers unknown admin pages and errors with a page, or JSON when asked, never a stack', async () => {
    const browser = new TestBrowser(t.app);
    await signIn(browser);
    const missing = await browser.get('/admin/no-such-screen');
    expect(missing.status).toBe(404);
    const html = await missing.text();
    expect(html).toContain('Page not found');
    expect(html).toContain('href="/admin/">Back to the dashboard');
    const json = await browser.get('/admin/no-such-screen', { accept: 'application/json' });
    expect(json.status).toBe(404);
    expect(json.headers.get('content-type')).toBe('application/problem+json');
    expect(await json.json()).toMatchObject({ status: 404, title: 'Page not found' });
    const signedOut = await new TestBrowser(t.app).post('/admin/anything', {}, { accept: 'application/json' });
    expect(signedOut.status).toBe(401);
    expect(await signedOut.text()).not.toMatch(/at .*\.ts:\d+/);
  });

  it('refuses an oversized login post before reading it', async () => {
    const res = await new TestBrowser(t.app).post('/admin/login', { email: 'ann@example.org', password: 'x'.repeat(20_000) });
    expect(res.status).toBe(413);
    expect(await res.text()).toContain('That request was too large');
  });

  it('ends the session a browser already had when it signs in again', async () => {
    const browser = new TestBrowser(t.app);
    await signIn(browser);
    const first = browser.cookies.get('dossier_session')!;
    // A login form opened before signing in (another tab), posted with the session cookie now set.
    const tab = new TestBrowser(t.app);
    const csrf = TestBrowser.csrfOf(await (await tab.get('/admin/login')).text());
    const res = await browser.post('/admin/login', { email: 'ann@example.org', password: PASSWORD, csrf }, {
      cookie: `dossier_session=${first}; dossier_csrf=${tab.cookies.get('dossier_csrf')}`,
    });
    expect(res.status).toBe(303);
    expect(browser.cookies.get('dossier_session')).not.toBe(first);
    expect((await t.app.request('/admin/', { headers: { cookie: `dossier_session=${first}` } })).status).toBe(303);
    expect((await browser.get('/admin/')).status).toBe(200);
  });

  it('drops an unknown session cookie', async () => {
    const res = await t.app.request('/admin/', { headers: { cookie: 'dossier_session=made-up' } });
    expect(res.status).toBe(303);
    expect(res.headers.getSetCookie().some((c) => /^dossier_session=;.*Max-Age=0/.test(c))).toBe(true);
  });
});
