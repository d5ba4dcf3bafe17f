import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nuHtmlErrors } from '../../test/page-checks.js';
import { skipVnu } from '../../test/browser.js';
import { signInAs, type StaffBrowser } from '../../test/admin-session.js';
import { createTestApp, type TestApp } from '../../test/test-app.js';
import { TestBrowser } from '../../test/test-browser.js';
import { inviteUser, startSession } from '../accounts/index.js';
import { outboxQueue, queueMail } from '../mail/index.js';


/*
 * The accounts and settings screens, signed in and not, checked by the Nu HTML Checker:
 * the forms as first shown and as rejected (errors next to fields), so both stay valid.
 */
describe('the accounts and settings screens are valid HTML', () => {
  let t: TestApp;
  let admin: StaffBrowser;
  const pages = new Map<string, string>();
  beforeAll(async () => {
    t = await createTestApp('sqlite');
    admin = await signInAs(t, 'administrator', 'Ada Admin');
    await startSession(t.db, t.clock, admin.user.id, { userAgent: 'Mozilla/5.0 (X11; Linux x86_64; rv:120.0) Gecko/20100101 Firefox/120.0', ip: '192.0.2.4' });
    const { user } = await inviteUser({ db: t.db, clock: t.clock, events: t.events, mail: outboxQueue({ db: t.db, clock: t.clock }), siteUrl: t.config.siteUrl }, admin.user, {
      email: 'new@example.org',
      role: 'author',
    });
    await queueMail({ db: t.db, clock: t.clock }, { to: 'x@example.org', subject: 'Hello', text: 'Hi.' });
    const get = async (name: string, url: string) => pages.set(name, await (await admin.get(url)).text());
    const post = async (name: string, url: string, form: Record<string, string>) => pages.set(name, await (await admin.post(url, form)).text());
    await get('users', '/admin/users/');
    await get('invite', '/admin/users/invite');
    await post('invite-rejected', '/admin/users/invite', { email: 'nope', role: 'author', name: '' });
    await get('user', `/admin/users/${user.id}/`);
    await get('profile', '/admin/profile/');
    await post('profile-rejected', '/admin/profile/', { name: '', slug: 'Bad Slug', bio: '', avatarMediaId: '' });
    await admin.post('/admin/profile/two-factor/start');
    await get('two-factor-setup', '/admin/profile/two-factor');
    await post('two-factor-rejected', '/admin/profile/two-factor/confirm', { code: 'abc' });
    await get('settings', '/admin/settings/');
    await post('settings-rejected', '/admin/settings/', { title: '', description: '', language: 'x', timeZone: 'Nowhere', publisherName: '', publisherLogoMediaId: '' });
    await get('navigation', '/admin/settings/navigation');
    await post('navigation-rejected', '/admin/settings/navigation', { 'navigation-label-0': '', 'navigation-url-0': 'javascript:x', 'navigation-position-0': 'a' });
    await get('comments', '/admin/settings/comments');
    await get('mail', '/admin/mail/');
    const stranger = new TestBrowser(t.app);
    pages.set('login', await (await stranger.get('/admin/login')).text());
    pages.set('forgot', await (await stranger.get('/admin/forgot')).text());
    const csrf = TestBrowser.csrfOf(pages.get('forgot')!);
    pages.set('forgot-sent', await (await stranger.post('/admin/forgot', { email: 'a@example.org', csrf })).text());
    pages.set('dead-link', await (await stranger.get('/admin/reset?token=nothing')).text());
    const mail = await t.db.selectFrom('mail_outbox').select('body_text').where('to_address', '=', 'new@example.org').executeTakeFirstOrThrow();
    pages.set('accept', await (await stranger.get(/(\/admin\/accept-invite\?token=[\w-]+)/.exec(mail.body_text)![1]!)).text());
  });
  afterAll(() => t?.destroy());

  it('rendered every screen', () => {
    expect(pages.size).toBe(19);
    for (const [name, html] of pages) expect(html, name).toMatch(/^<!doctype html>/);
  });

  it.skipIf(skipVnu)('passes the Nu HTML Checker without errors', async () => {
    expect(await nuHtmlErrors(Object.fromEntries(pages))).toEqual([]);
  }, 120_000);
});
