import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { publishArticle, createNewsroom, type Newsroom } from '../../../test/factories.js';
import { browserFor, signInAs, type StaffBrowser } from '../../../test/admin-session.js';
import { createTestApp, type TestApp } from '../../../test/test-app.js';
import { testDialects } from '../../../test/test-db.js';
import { TestBrowser } from '../../../test/test-browser.js';

describe.each(testDialects)('the users screen on %s', (dialect) => {
  let t: TestApp;
  let admin: StaffBrowser;
  let newsroom: Newsroom;
  beforeAll(async () => {
    t = await createTestApp(dialect);
    newsroom = await createNewsroom(t.db, t.clock, t.events);
    admin = await signInAs(t, 'administrator', 'Ada Admin');
  });
  afterAll(() => t?.destroy());

  it('lists everyone with email, role, status and last sign-in', async () => {
    const res = await admin.get('/admin/users/');
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('>Ana Ferreira</a>');
    expect(html).toContain('<td>ben@example.org</td>');
    expect(html).toMatch(/<td>Author<\/td>/);
    expect(html).toContain('admin-status-active');
    expect(html).toContain('>Never</span>');
    expect(html).toContain('href="/admin/users/invite"');
  });

  it('invites by email, refuses a mistake next to the field keeping what was typed, and the invitee joins and signs in', async () => {
    const bad = await admin.post('/admin/users/invite', { email: 'not an email', role: 'editor', name: 'Pat' });
    expect(bad.status).toBe(400);
    const badHtml = await bad.text();
    expect(badHtml).toContain('value="not an email"');
    expect(badHtml).toContain('value="Pat"');
    expect(badHtml).toMatch(/<option value="editor" selected="">Editor<\/option>/);
    expect(badHtml).toMatch(/id="email-error">Enter an email address/);
    const taken = await admin.post('/admin/users/invite', { email: 'ana@example.org', role: 'editor' });
    expect(await taken.text()).toContain('An account for ana@example.org already exists.');

    const ok = await admin.post('/admin/users/invite', { email: 'pat@example.org', role: 'editor', name: '' });
    expect(ok.status).toBe(303);
    const page = await admin.get(ok.headers.get('location')!);
    expect(await page.text()).toContain('Invitation sent.');
    const mail = await t.db.selectFrom('mail_outbox').selectAll().where('to_address', '=', 'pat@example.org').executeTakeFirstOrThrow();
    expect(mail.subject).toBe('Ada Admin invited you to the newsroom');
    const link = /https:\/\/news\.example\.org(\/admin\/accept-invite\?token=[\w-]+)/.exec(mail.body_text)![1]!;

    const invitee = new TestBrowser(t.app);
    const form = await invitee.get(link);
    const csrf = TestBrowser.csrfOf(await form.text());
    const token = new URL(link, t.siteUrl).searchParams.get('token')!;
    expect((await invitee.post('/admin/accept-invite', { token, name: 'Pat Quill', password: 'pat picked this', csrf })).status).toBe(303);
    const loginCsrf = TestBrowser.csrfOf(await (await invitee.get('/admin/login')).text());
    expect((await invitee.post('/admin/login', { email: 'pat@example.org', password: 'pat picked this', csrf: loginCsrf })).status).toBe(303);
    expect(await (await invitee.get('/admin/')).text()).toContain('Signed in as <strong>Pat Quill</strong> (editor)');
    // The list now shows the sign-in.
    expect(await (await admin.get('/admin/users/')).text()).toMatch(/Pat Quill<\/a>[\s\S]*?<time datetime="2026-11-20T12:00:00.000Z">/);
  });

  it('changes a role, in force at the person’s next request', async () => {
    const other = await signInAs(t, 'administrator', 'Otto Admin');
    expect((await other.get('/admin/users/')).status).toBe(200);
    const res = await admin.post(`/admin/users/${other.user.id}/role`, { role: 'editor' });
    expect(res.status).toBe(303);
    expect(await (await admin.get(res.headers.get('location')!)).text()).toContain('Role changed.');
    expect((await other.get('/admin/users/')).status).toBe(403);
    expect((await admin.post(`/admin/users/${other.user.id}/role`, { role: 'boss' })).status).toBe(400);
  });

  it('deactivates: signed out at once, refused at sign-in, the articles and byline stay; reactivation lets them back', async () => {
    await publishArticle({ db: t.db, clock: t.clock, events: t.events }, newsroom, { slug: 'ben-writes', title: 'Ben writes about ports', authorIds: [newsroom.ben.id] });
    const ben = await browserFor(t, newsroom.ben);
    expect((await ben.get('/admin/')).status).toBe(200);
    const res = await admin.post(`/admin/users/${newsroom.ben.id}/deactivate`);
    expect(res.status).toBe(303);
    expect((await ben.get('/admin/')).headers.get('location')).toBe('/admin/login');
    const loginCsrf = TestBrowser.csrfOf(await (await ben.browser.get('/admin/login')).text());
    const refused = await ben.browser.post('/admin/login', { email: 'ben@example.org', password: 'correct horse battery', csrf: loginCsrf });
    expect(refused.status).toBe(403);
    const article = await t.app.request('/world/levant/northern-front/ben-writes/');
    expect(article.status).toBe(200);
    expect(await article.text()).toContain('Ben Okafor');
    expect((await t.app.request('/author/ben-okafor/')).status).toBe(200);

    expect((await admin.post(`/admin/users/${newsroom.ben.id}/reactivate`)).status).toBe(303);
    const again = await ben.browser.post('/admin/login', {
      email: 'ben@example.org',
      password: 'correct horse battery',
      csrf: TestBrowser.csrfOf(await (await ben.browser.get('/admin/login')).text()),
    });
    expect(again.status).toBe(303);
  });

  it('refuses one’s own role change and deactivation, with the reason on the page', async () => {
    // (Over HTTP the last-administrator guard can only be met by two administrators acting
    // at once, since nobody may act on their own account: the use-case test races them.)
    const own = await admin.post(`/admin/users/${admin.user.id}/deactivate`);
    expect(own.status).toBe(403);
    expect(await own.text()).toContain('You cannot deactivate your own account');
    const role = await admin.post(`/admin/users/${admin.user.id}/role`, { role: 'editor' });
    expect(role.status).toBe(403);
    expect(await role.text()).toContain('You cannot change your own role');
    const page = await (await admin.get(`/admin/users/${admin.user.id}/`)).text();
    expect(page).not.toContain('/deactivate"');
    expect((await t.db.selectFrom('users').select(['role', 'status']).where('id', '=', admin.user.id).executeTakeFirstOrThrow())).toEqual({
      role: 'administrator',
      status: 'active',
    });
  });
});
