import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserFor, signInAs, type StaffBrowser } from '../../../test/admin-session.js';
import { createTestApp, type TestApp } from '../../../test/test-app.js';
import { testDialects } from '../../../test/test-db.js';
import { TestBrowser } from '../../../test/test-browser.js';
import { startSession, totpCodeAt } from '../../accounts/index.js';
import { storeDrawnImage } from '../../media/index.js';
import { browserOf } from './user-agent.js';

describe.each(testDialects)('your profile on %s', (dialect) => {
  let t: TestApp;
  let me: StaffBrowser;
  beforeAll(async () => {
    t = await createTestApp(dialect);
    me = await signInAs(t, 'contributor', 'Cora Contributor');
  });
  afterAll(() => t?.destroy());

  it('edits name, slug, bio and photo; a mistake is shown next to the field, everything kept', async () => {
    const page = await me.get('/admin/profile/');
    expect(page.status).toBe(200);
    const bad = await me.post('/admin/profile/', { name: 'Cora Quinn', slug: 'Not A Slug', bio: 'Writes about rivers.', avatarMediaId: 'no-such-image' });
    expect(bad.status).toBe(400);
    const html = await bad.text();
    expect(html).toContain('value="Cora Quinn"');
    expect(html).toContain('value="Not A Slug"');
    expect(html).toContain('>\nWrites about rivers.</textarea>');
    expect(html).toMatch(/id="avatarMediaId-error">Choose one of the library’s images\./);

    const badSlug = await me.post('/admin/profile/', { name: 'Cora Quinn', slug: 'Not A Slug', bio: '', avatarMediaId: '' });
    expect(await badSlug.text()).toMatch(/id="slug-error">lowercase letters, digits and single hyphens/);

    const events: unknown[] = [];
    const stop = t.events.subscribe((e) => void events.push(e));
    const ok = await me.post('/admin/profile/', { name: 'Cora Quinn', slug: 'cora-quinn', bio: 'Writes about rivers.', avatarMediaId: '' });
    stop();
    expect(ok.status).toBe(303);
    expect(events).toContainEqual({ type: 'author.changed', userId: me.user.id, isBylineChanged: true });
    const saved = await (await me.get('/admin/profile/?done=saved')).text();
    expect(saved).toContain('Profile saved.');
    expect(saved).toContain('value="cora-quinn"');
  });

  it('picks a photo from the media library', async () => {
    const svg = '<svg xmlns="http://www.w3.org/2000/svg" width="400" height="400"><rect width="400" height="400" fill="#c33"/></svg>';
    const image = await storeDrawnImage(t.db, t.clock, t.mediaDir, svg, { width: 400, height: 400 }, { alt: 'Cora at the river', caption: '', credit: '' });
    const page = await (await me.get('/admin/profile/')).text();
    expect(page).toContain(`<option value="${image.id}">Cora at the river (400×400)</option>`);
    expect((await me.post('/admin/profile/', { name: 'Cora Quinn', slug: 'cora-quinn', bio: 'Writes about rivers.', avatarMediaId: image.id })).status).toBe(303);
    expect(await (await me.get('/admin/profile/')).text()).toContain(`<option value="${image.id}" selected="">`);
    const row = await t.db.selectFrom('users').select('avatar_media_id').where('id', '=', me.user.id).executeTakeFirstOrThrow();
    expect(row.avatar_media_id).toBe(image.id);
  });

  it('changes the sign-in email only with the current password', async () => {
    const wrong = await me.post('/admin/profile/email', { email: 'cora@example.org', currentPassword: 'not it at all' });
    expect(wrong.status).toBe(400);
    const html = await wrong.text();
    expect(html).toContain('value="cora@example.org"');
    expect(html).toMatch(/That is not your current password\./);
    const bad = await me.post('/admin/profile/email', { email: 'cora at example', currentPassword: 'correct horse battery' });
    expect(await bad.text()).toMatch(/id="email-error">Enter an email address/);
    const ok = await me.post('/admin/profile/email', { email: 'Cora@Example.org', currentPassword: 'correct horse battery' });
    expect(ok.status).toBe(303);
    const row = await t.db.selectFrom('users').select('email').where('id', '=', me.user.id).executeTakeFirstOrThrow();
    expect(row.email).toBe('cora@example.org');
    const note = await t.db.selectFrom('mail_outbox').selectAll().where('subject', '=', 'Your sign-in email was changed').executeTakeFirstOrThrow();
    expect(note.to_address).toBe(me.user.email);
  });

  it('changes the password with the current one, ending the other sessions but not this one', async () => {
    const other = await browserFor(t, me.user);
    expect((await other.get('/admin/profile/')).status).toBe(200);
    const short = await me.post('/admin/profile/password', { currentPassword: 'correct horse battery', newPassword: 'short' });
    expect(await short.text()).toMatch(/id="newPassword-error">at least 10 characters/);
    expect((await me.post('/admin/profile/password', { currentPassword: 'wrong one here', newPassword: 'a new long password' })).status).toBe(400);
    const ok = await me.post('/admin/profile/password', { currentPassword: 'correct horse battery', newPassword: 'a new long password' });
    expect(ok.status).toBe(303);
    expect((await me.get('/admin/profile/')).status).toBe(200);
    expect((await other.get('/admin/profile/')).headers.get('location')).toBe('/admin/login?next=%2Fadmin%2Fprofile%2F');
  });

  it('lists sessions with browser, network and times; signs one out, then all the others', async () => {
    const who = await signInAs(t, 'author', 'Seth Sessions');
    const phoneUa = 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.0 Mobile/15E148 Safari/604.1';
    const phone = await startSession(t.db, t.clock, who.user.id, { userAgent: phoneUa, ip: '203.0.113.77' });
    const laptop = await startSession(t.db, t.clock, who.user.id, { userAgent: 'Mozilla/5.0 (X11; Linux x86_64; rv:120.0) Gecko/20100101 Firefox/120.0', ip: '2001:db8:42:7::1' });
    const html = await (await who.get('/admin/profile/')).text();
    expect(html).toContain('Safari on iPhone');
    expect(html).toContain('203.0.113.x');
    expect(html).not.toContain('203.0.113.77');
    expect(html).toContain('2001:db8:42::/48');
    expect(html).toContain('This browser');
    const handles = [...html.matchAll(/action="\/admin\/profile\/sessions\/([0-9a-f]{24})\/end"/g)].map((m) => m[1]!);
    expect(handles).toHaveLength(2);
    // Nothing on the page can be replayed as a cookie.
    expect(html).not.toContain(phone.token);

    const phoneBrowser = new TestBrowser(t.app);
    phoneBrowser.cookies.set('dossier_session', phone.token);
    const laptopBrowser = new TestBrowser(t.app);
    laptopBrowser.cookies.set('dossier_session', laptop.token);
    expect((await who.post(`/admin/profile/sessions/${handles[0]}/end`)).status).toBe(303);
    const stillIn = [(await phoneBrowser.get('/admin/')).status, (await laptopBrowser.get('/admin/')).status].sort();
    expect(stillIn).toEqual([200, 303]);
    // Another person's session handle is not found.
    expect((await me.post(`/admin/profile/sessions/${handles[1]}/end`)).status).toBe(404);
    expect((await who.post('/admin/profile/sessions/end-others')).status).toBe(303);
    expect((await phoneBrowser.get('/admin/')).status).toBe(303);
    expect((await laptopBrowser.get('/admin/')).status).toBe(303);
    expect((await who.get('/admin/profile/')).status).toBe(200);
  });

  it('updates last-active at most once a minute', async () => {
    const who = await signInAs(t, 'author', 'Lena Lastseen');
    const seen = async () => (await t.db.selectFrom('sessions').select('last_seen_at').where('user_id', '=', who.user.id).executeTakeFirstOrThrow()).last_seen_at;
    expect(await seen()).toBe('2026-11-20T12:00:00.000Z');
    t.clock.set('2026-11-20T12:00:59.000Z');
    await who.get('/admin/');
    expect(await seen()).toBe('2026-11-20T12:00:00.000Z');
    t.clock.set('2026-11-20T12:01:00.000Z');
    await who.get('/admin/');
    expect(await seen()).toBe('2026-11-20T12:01:00.000Z');
    t.clock.set('2026-11-20T12:00:00.000Z');
  });

  it('sets up two-factor with a QR code and the key, confirms with a code, shows the recovery codes once, and turns it off', async () => {
    const who = await signInAs(t, 'editor', 'Tom Totp');
    expect((await who.get('/admin/profile/two-factor')).headers.get('location')).toBe('/admin/profile/');
    expect((await who.post('/admin/profile/two-factor/start')).headers.get('location')).toBe('/admin/profile/two-factor');
    const setup = await (await who.get('/admin/profile/two-factor')).text();
    expect(setup).toMatch(/<img class="admin-qr" src="data:image\/svg\+xml;base64,[A-Za-z0-9+/=]+"/);
    const secret = /<code class="admin-secret">([A-Z2-7 ]+)<\/code>/.exec(setup)![1]!.replace(/ /g, '');
    const svg = Buffer.from(/base64,([A-Za-z0-9+/=]+)/.exec(setup)![1]!, 'base64').toString('utf8');
    expect(svg).toMatch(/^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
    const wrong = await who.post('/admin/profile/two-factor/confirm', { code: '000000' === totpCodeAt(secret, t.clock.now()) ? '111111' : '000000' });
    expect(wrong.status).toBe(400);
    expect(await wrong.text()).toMatch(/id="code-error">That code does not match/);
    const ok = await who.post('/admin/profile/two-factor/confirm', { code: totpCodeAt(secret, t.clock.now()) });
    expect(ok.status).toBe(200);
    const codes = [...(await ok.text()).matchAll(/<li><code>([0-9a-z-]{19})<\/code><\/li>/g)].map((m) => m[1]);
    expect(codes).toHaveLength(10);
    const profile = await (await who.get('/admin/profile/')).text();
    expect(profile).toContain('Recovery codes left: <strong>10</strong>');
    for (const code of codes) expect(profile).not.toContain(code!);

    const keep = await who.post('/admin/profile/two-factor/disable', { password: 'nope nope nope', code: codes[0]! });
    expect(keep.status).toBe(400);
    expect(await keep.text()).toMatch(/That is not your current password\./);
    expect((await who.post('/admin/profile/two-factor/disable', { password: 'correct horse battery', code: codes[1]! })).status).toBe(303);
    expect(await (await who.get('/admin/profile/?done=two-factor-off')).text()).toContain('Set up two-factor sign-in');
  });

  it('names browsers people recognise', () => {
    expect(browserOf('Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0 Safari/537.36 Edg/120.0')).toBe('Edge on Windows');
    expect(browserOf('Mozilla/5.0 (Macintosh; Intel Mac OS X 14_1) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.1 Safari/605.1.15')).toBe('Safari on macOS');
    expect(browserOf('Mozilla/5.0 (Linux; Android 14) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0 Mobile Safari/537.36')).toBe('Chrome on Android');
    expect(browserOf('')).toBe('Unknown browser');
  });
});
