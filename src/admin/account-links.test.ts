import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  beginTwoFactorSetup,
  confirmTwoFactor,
  createUser,
  deactivateUser,
  inviteUser,
  RESET_LIMITS,
  RESET_REQUESTED_MESSAGE,
  totpCodeAt,
  twoFactorStatus,
  type User,
} from '../accounts/index.js';
import { outboxQueue } from '../mail/index.js';
import { createTestApp, type TestApp } from '../../test/test-app.js';
import { testDialects } from '../../test/test-db.js';
import { TestBrowser } from '../../test/test-browser.js';

const PASSWORD = 'correct horse battery';

describe.each(testDialects)('sign-in, forgotten passwords and emailed links over HTTP on %s', (dialect) => {
  let t: TestApp;
  let admin: User;
  let peer = 0;
  const freshBrowser = () => new TestBrowser(t.app, `192.0.2.${++peer}`);
  const deps = () => ({ db: t.db, clock: t.clock, events: t.events });

  beforeAll(async () => {
    t = await createTestApp(dialect);
    admin = await createUser(deps(), { email: 'root@example.org', name: 'Root Admin', role: 'administrator', password: PASSWORD });
  });
  afterAll(() => t?.destroy());

  async function signIn(browser: TestBrowser, email: string, password = PASSWORD): Promise<Response> {
    const csrf = TestBrowser.csrfOf(await (await browser.get('/admin/login')).text());
    return browser.post('/admin/login', { email, password, csrf });
  }

  async function forgot(browser: TestBrowser, email: string): Promise<Response> {
    const csrf = TestBrowser.csrfOf(await (await browser.get('/admin/forgot')).text());
    return browser.post('/admin/forgot', { email, csrf });
  }

  async function linkFor(to: string, path: string): Promise<string> {
    const rows = await t.db.selectFrom('mail_outbox').select(['body_text', 'id']).where('to_address', '=', to).orderBy('id', 'desc').execute();
    const match = rows.map((r) => new RegExp(`https://news\\.example\\.org(${path}\\?token=[\\w-]+)`).exec(r.body_text)).find(Boolean);
    if (!match) throw new Error(`no ${path} link mailed to ${to}`);
    return match[1]!;
  }

  it('links the forgotten-password page from the sign-in page', async () => {
    const html = await (await freshBrowser().get('/admin/login')).text();
    expect(html).toContain('<a href="/admin/forgot">Forgot your password?</a>');
    const forgotPage = await freshBrowser().get('/admin/forgot');
    expect(forgotPage.status).toBe(200);
    expect(forgotPage.headers.get('cache-control')).toBe('no-store');
  });

  it('gives the same answer for an unknown address, mails only the known one, and keeps a mistyped address', async () => {
    await createUser(deps(), { email: 'kim@example.org', name: 'Kim', role: 'author', password: PASSWORD });
    const known = await forgot(freshBrowser(), 'kim@example.org');
    const unknown = await forgot(freshBrowser(), 'nobody@example.org');
    expect(known.status).toBe(200);
    expect(unknown.status).toBe(200);
    const strip = (html: string) => html.replace(/name="csrf" value="[^"]+"/, '').replace(/value="[^"]*@example\.org"/, '');
    expect(strip(await known.text())).toBe(strip(await unknown.text()));
    expect(await (await forgot(freshBrowser(), 'kim@example.org')).text()).toContain(RESET_REQUESTED_MESSAGE);
    const mails = await t.db.selectFrom('mail_outbox').select('to_address').where('subject', '=', 'Reset your password').execute();
    expect(mails.map((m) => m.to_address).sort()).toEqual(['kim@example.org', 'kim@example.org']);

    const typo = await forgot(freshBrowser(), 'kim at example');
    expect(typo.status).toBe(400);
    const html = await typo.text();
    expect(html).toContain('value="kim at example"');
    expect(html).toMatch(/id="email-error">Enter an email address/);
  });

  it('refuses a forged forgotten-password post', async () => {
    const browser = freshBrowser();
    await browser.get('/admin/forgot');
    expect((await browser.post('/admin/forgot', { email: 'kim@example.org', csrf: 'forged' })).status).toBe(403);
  });

  it('limits requests per address (whether or not it exists) and lifts the limit when the window ends', async () => {
    for (let i = 0; i < RESET_LIMITS.email.limit; i++) expect((await forgot(freshBrowser(), 'someone@example.org')).status).toBe(200);
    const refused = await forgot(freshBrowser(), 'someone@example.org');
    expect(refused.status).toBe(429);
    expect(refused.headers.get('retry-after')).toBe('3600');
    expect(await refused.text()).toMatch(/Too many reset requests/);
    const counter = await t.db.selectFrom('rate_counters').select('count').where('key', '=', 'reset:email:someone@example.org').executeTakeFirstOrThrow();
    expect(Number(counter.count)).toBe(RESET_LIMITS.email.limit + 1);
    t.clock.set('2026-11-20T13:00:00.000Z');
    expect((await forgot(freshBrowser(), 'someone@example.org')).status).toBe(200);
    t.clock.set('2026-11-20T12:00:00.000Z');
  });

  it('resets with the emailed link: every session ends, the new password signs in, the link is dead after', async () => {
    await createUser(deps(), { email: 'lee@example.org', name: 'Lee', role: 'editor', password: PASSWORD });
    const office = freshBrowser();
    expect((await signIn(office, 'lee@example.org')).status).toBe(303);
    expect((await office.get('/admin/')).status).toBe(200);
    await forgot(freshBrowser(), 'lee@example.org');
    const link = await linkFor('lee@example.org', '/admin/reset');

    const browser = freshBrowser();
    const form = await browser.get(link);
    expect(form.status).toBe(200);
    const csrf = TestBrowser.csrfOf(await form.text());
    const token = new URL(link, t.siteUrl).searchParams.get('token')!;
    const short = await browser.post('/admin/reset', { token, password: 'short', csrf });
    expect(short.status).toBe(400);
    expect(await short.text()).toMatch(/id="password-error">at least 10 characters/);
    const done = await browser.post('/admin/reset', { token, password: 'the new password', csrf });
    expect(done.status).toBe(303);
    expect(done.headers.get('location')).toBe('/admin/login?done=reset');
    expect(await (await browser.get('/admin/login?done=reset')).text()).toContain('Your password was changed');

    expect((await office.get('/admin/')).headers.get('location')).toBe('/admin/login');
    expect((await signIn(freshBrowser(), 'lee@example.org')).status).toBe(401);
    expect((await signIn(freshBrowser(), 'lee@example.org', 'the new password')).status).toBe(303);
    expect((await freshBrowser().get(link)).status).toBe(404);
    expect((await browser.post('/admin/reset', { token, password: 'another new one', csrf })).status).toBe(404);
  });

  it('accepts an invitation through the link, keeping what was typed on a mistake, then signs in', async () => {
    await inviteUser({ ...deps(), mail: outboxQueue({ db: t.db, clock: t.clock }), siteUrl: t.config.siteUrl }, admin, { email: 'mia@example.org', role: 'author' });
    const link = await linkFor('mia@example.org', '/admin/accept-invite');
    const browser = freshBrowser();
    const page = await browser.get(link);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('You were invited as <strong>mia@example.org</strong>');
    const csrf = TestBrowser.csrfOf(html);
    const token = new URL(link, t.siteUrl).searchParams.get('token')!;
    const bad = await browser.post('/admin/accept-invite', { token, name: 'Mia Okoro', password: 'short', csrf });
    expect(bad.status).toBe(400);
    const badHtml = await bad.text();
    expect(badHtml).toContain('value="Mia Okoro"');
    expect(badHtml).toMatch(/id="password-error">at least 10 characters/);
    const ok = await browser.post('/admin/accept-invite', { token, name: 'Mia Okoro', password: 'mia chose this', csrf });
    expect(ok.headers.get('location')).toBe('/admin/login?done=joined');
    const signedIn = freshBrowser();
    expect((await signIn(signedIn, 'mia@example.org', 'mia chose this')).status).toBe(303);
    expect(await (await signedIn.get('/admin/')).text()).toContain('Signed in as <strong>Mia Okoro</strong> (author)');
    expect((await freshBrowser().get(link)).status).toBe(404);
  });

  it('asks for the code after the password, refuses a wrong one, and signs in with the right one', async () => {
    const nia = await createUser(deps(), { email: 'nia@example.org', name: 'Nia', role: 'editor', password: PASSWORD });
    await beginTwoFactorSetup(deps(), nia);
    const secret = (await twoFactorStatus(deps(), nia, 'x')).pending!.secret;
    await confirmTwoFactor(deps(), nia, { code: totpCodeAt(secret, t.clock.now()) });

    const browser = freshBrowser();
    const first = await signIn(browser, 'nia@example.org');
    expect(first.status).toBe(303);
    expect(first.headers.get('location')).toBe('/admin/login/code');
    expect(browser.cookies.has('dossier_session')).toBe(false);
    expect(first.headers.getSetCookie().find((c) => c.startsWith('dossier_2fa='))).toMatch(/HttpOnly.*|SameSite=Strict/);
    // No session yet: the admin still sends this browser to sign in.
    expect((await browser.get('/admin/')).headers.get('location')).toBe('/admin/login');

    const codePage = await browser.get('/admin/login/code');
    expect(codePage.status).toBe(200);
    const csrf = TestBrowser.csrfOf(await codePage.text());
    const wrong = await browser.post('/admin/login/code', { code: '000000' === totpCodeAt(secret, t.clock.now()) ? '111111' : '000000', csrf });
    expect(wrong.status).toBe(401);
    expect(await wrong.text()).toContain('That code is not right.');
    t.clock.set('2026-11-20T12:00:30.000Z');
    const right = await browser.post('/admin/login/code', { code: totpCodeAt(secret, t.clock.now()), csrf });
    expect(right.status).toBe(303);
    expect(right.headers.get('location')).toBe('/admin/');
    expect((await browser.get('/admin/')).status).toBe(200);
    t.clock.set('2026-11-20T12:00:00.000Z');
  });

  it('tells a deactivated person, after a right password only, that the account is deactivated', async () => {
    const oz = await createUser(deps(), { email: 'oz@example.org', name: 'Oz', role: 'author', password: PASSWORD });
    const browser = freshBrowser();
    await signIn(browser, 'oz@example.org');
    await deactivateUser(deps(), admin, oz.id);
    expect((await browser.get('/admin/')).headers.get('location')).toBe('/admin/login');
    const refused = await signIn(freshBrowser(), 'oz@example.org');
    expect(refused.status).toBe(403);
    expect(await refused.text()).toContain('This account has been deactivated.');
    expect((await signIn(freshBrowser(), 'oz@example.org', 'wrong password!')).status).toBe(401);
  });
});
