import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM_ACTOR } from '../../accounts/index.js';
import { DEFAULT_COMMENT_LIMITS, moderateComments, purgeOldComments, submitComment } from '../../comments/index.js';
import { createNewsroom, publishArticle } from '../../../test/factories.js';
import { signInAs, type StaffBrowser } from '../../../test/admin-session.js';
import { createTestApp, type TestApp } from '../../../test/test-app.js';
import { testDialects } from '../../../test/test-db.js';
import { loadSettings } from '../../settings/index.js';
import { queueMail } from '../../mail/index.js';

describe.each(testDialects)('site settings and the mail outbox on %s', (dialect) => {
  let t: TestApp;
  let admin: StaffBrowser;
  let editor: StaffBrowser;
  beforeAll(async () => {
    t = await createTestApp(dialect);
    await createNewsroom(t.db, t.clock, t.events);
    admin = await signInAs(t, 'administrator');
    editor = await signInAs(t, 'editor');
  });
  afterAll(() => t?.destroy());

  const general = { title: 'The Harbour Ledger', description: 'Ports, shipping and the towns around them.', language: 'en-GB', timeZone: 'Europe/Lisbon', publisherName: 'Ledger Media', publisherLogoMediaId: '' };

  it('saves the title, description, language and time zone, and the public site shows them at once', async () => {
    expect((await t.app.request('/')).status).toBe(200); // warm the chrome
    const res = await admin.post('/admin/settings/', general);
    expect(res.status).toBe(303);
    expect(await (await admin.get(res.headers.get('location')!)).text()).toContain('Saved.');
    const home = await (await t.app.request('/')).text();
    expect(home).toContain('<html lang="en-GB">');
    expect(home).toContain('The Harbour Ledger');
    expect(home).toContain('Ports, shipping and the towns around them.');
    expect(home).toContain('© Ledger Media');
    expect((await loadSettings(t.db)).timeZone).toBe('Europe/Lisbon');
  });

  it('rejects a bad time zone, language and empty title next to each field, keeping what was typed', async () => {
    const res = await admin.post('/admin/settings/', { ...general, title: '  ', language: 'English!', timeZone: 'Mars/Olympus_Mons' });
    expect(res.status).toBe(400);
    const html = await res.text();
    expect(html).toMatch(/id="title-error">The site needs a title\./);
    expect(html).toMatch(/id="language-error">a language tag such as en or en-GB/);
    expect(html).toMatch(/id="timeZone-error">an IANA time zone such as Europe\/London/);
    expect(html).toContain('value="Mars/Olympus_Mons"');
    expect(html).toContain('value="English!"');
    expect(html).toContain('Ports, shipping and the towns around them.</textarea>');
    expect((await admin.post('/admin/settings/', { ...general, timeZone: '+01:00' })).status).toBe(400);
    expect((await admin.post('/admin/settings/', { ...general, publisherLogoMediaId: 'nothing-here' })).status).toBe(400);
    expect((await loadSettings(t.db)).title).toBe('The Harbour Ledger');
  });

  it('adds, reorders and removes menu links without JavaScript; both menus appear on the public site', async () => {
    const first = await admin.post('/admin/settings/navigation', {
      'navigation-label-0': 'About us',
      'navigation-url-0': '/about/',
      'navigation-position-0': '2',
      'navigation-label-1': 'Subscribe',
      'navigation-url-1': 'https://news.example.org/subscribe/',
      'navigation-position-1': '1',
      'secondaryNavigation-label-0': 'Write to us',
      'secondaryNavigation-url-0': 'mailto:desk@example.org',
    });
    expect(first.status).toBe(303);
    expect((await loadSettings(t.db)).navigation).toEqual([
      { label: 'Subscribe', url: 'https://news.example.org/subscribe/' },
      { label: 'About us', url: '/about/' },
    ]);
    const form = await (await admin.get('/admin/settings/navigation')).text();
    expect(form).toContain('name="navigation-label-0" value="Subscribe"');
    expect(form).toContain('name="navigation-position-1" value="2"');
    expect(form).toContain('name="navigation-label-4" value=""'); // three empty rows to add more

    const home = await (await t.app.request('/')).text();
    expect(home).toMatch(/<li class="menu-link"><a href="https:\/\/news\.example\.org\/subscribe\/">Subscribe<\/a><\/li><li class="menu-link"><a href="\/about\/">About us<\/a>/);
    expect(home).toContain('<a href="mailto:desk@example.org">Write to us</a>');

    // Remove "Subscribe", move "About us" to the end behind a new "Archive".
    const second = await admin.post('/admin/settings/navigation', {
      'navigation-label-0': 'Subscribe',
      'navigation-url-0': 'https://news.example.org/subscribe/',
      'navigation-position-0': '1',
      'navigation-remove-0': '1',
      'navigation-label-1': 'About us',
      'navigation-url-1': '/about/',
      'navigation-position-1': '9',
      'navigation-label-2': 'Archive',
      'navigation-url-2': '/archive/',
      'navigation-position-2': '3',
    });
    expect(second.status).toBe(303);
    expect((await loadSettings(t.db)).navigation.map((l) => l.label)).toEqual(['Archive', 'About us']);
    expect((await loadSettings(t.db)).secondaryNavigation).toEqual([]);
    expect(await (await t.app.request('/')).text()).not.toContain('Subscribe');
  });

  it('refuses a dangerous or half-filled link next to its field, keeping every row as typed', async () => {
    const res = await admin.post('/admin/settings/navigation', {
      'navigation-label-0': 'Fine',
      'navigation-url-0': '/fine/',
      'navigation-label-1': 'Trap',
      'navigation-url-1': 'javascript:alert(1)',
      'navigation-label-2': '',
      'navigation-url-2': '/no-label/',
      'navigation-label-3': 'Odd',
      'navigation-url-3': '//evil.example/',
      'navigation-position-3': 'first',
    });
    expect(res.status).toBe(400);
    const html = await res.text();
    expect(html).toMatch(/id="navigation-url-1-error">Enter a path such as \/about\/, an address starting with https:\/\//);
    expect(html).toMatch(/id="navigation-label-2-error">Enter the text of the link\./);
    expect(html).toMatch(/id="navigation-url-3-error">/);
    expect(html).toMatch(/id="navigation-position-3-error">A position is a number/);
    expect(html).toContain('value="javascript:alert(1)"');
    expect(html).toContain('value="/no-label/"');
    expect(html).toContain('value="first"');
    expect((await loadSettings(t.db)).navigation.map((l) => l.label)).toEqual(['Archive', 'About us']);
  });

  const keeping = { commentSpamRetentionDays: '15', commentTrashRetentionDays: '30' };

  it('saves the comment policy; a bad number is refused next to its field', async () => {
    const bad = await admin.post('/admin/settings/comments', { commentModeration: 'hold-all', commentsCloseAfterDays: 'soon', commentThreadDepth: '40', commentPolicy: 'Be kind.', ...keeping });
    expect(bad.status).toBe(400);
    const html = await bad.text();
    expect(html).toMatch(/id="commentsCloseAfterDays-error">Enter a number of days/);
    expect(html).toContain('value="soon"');
    expect((await admin.post('/admin/settings/comments', { commentModeration: 'hold-all', commentsCloseAfterDays: '30', commentThreadDepth: '40', commentPolicy: 'Be kind.', ...keeping })).status).toBe(400);
    const ok = await admin.post('/admin/settings/comments', { commentModeration: 'hold-all', commentsCloseAfterDays: '30', commentThreadDepth: '3', commentPolicy: 'Be kind.', ...keeping });
    expect(ok.status).toBe(303);
    expect(await loadSettings(t.db)).toMatchObject({ commentModeration: 'hold-all', commentsCloseAfterDays: 30, commentThreadDepth: 3, commentPolicy: 'Be kind.' });
    expect((await admin.post('/admin/settings/comments', { commentModeration: 'anything-goes', commentsCloseAfterDays: '0', commentThreadDepth: '5', commentPolicy: '', ...keeping })).status).toBe(400);
  });

  it('shows the spam and trash retention days; a bad one is refused next to its field, every field kept', async () => {
    const form = await (await admin.get('/admin/settings/comments')).text();
    expect(form).toMatch(/<label for="commentSpamRetentionDays">Delete spam after \(days\)<\/label><p class="admin-hint" id="commentSpamRetentionDays-hint">Comments in the spam folder are deleted for good/);
    expect(form).toMatch(/<label for="commentTrashRetentionDays">Empty the trash after \(days\)<\/label>/);
    expect(form).toContain('name="commentSpamRetentionDays" type="text" value="15"');
    expect(form).toContain('name="commentTrashRetentionDays" type="text" value="30"');

    const typed = { commentModeration: 'approve-all', commentsCloseAfterDays: '12', commentThreadDepth: '4', commentPolicy: 'Stay on topic.', commentSpamRetentionDays: 'two weeks', commentTrashRetentionDays: '-3' };
    const bad = await admin.post('/admin/settings/comments', typed);
    expect(bad.status).toBe(400);
    const html = await bad.text();
    expect(html).toMatch(/id="commentSpamRetentionDays-error">Enter a number of days, such as 30, or 0\./);
    expect(html).toMatch(/id="commentTrashRetentionDays-error">Enter a number of days, such as 30, or 0\./);
    expect(html).toContain('aria-describedby="commentSpamRetentionDays-hint commentSpamRetentionDays-error"');
    for (const value of ['two weeks', '-3', '12', '4']) expect(html).toContain(`value="${value}"`);
    expect(html).toContain('<option value="approve-all" selected="">');
    expect(html).toContain('Stay on topic.</textarea>');
    // Past the settings' bound (3,650 days): the use case's message, next to the field.
    const tooLong = await admin.post('/admin/settings/comments', { ...typed, commentSpamRetentionDays: '99999', commentTrashRetentionDays: '30' });
    expect(tooLong.status).toBe(400);
    expect(await tooLong.text()).toMatch(/id="commentSpamRetentionDays-error">at most 3,650 days/);
    expect(await loadSettings(t.db)).toMatchObject({ commentSpamRetentionDays: 15, commentTrashRetentionDays: 30 });
  });

  it('retention days saved through the form decide what the purge deletes: spam older than N days goes, younger stays', async () => {
    const site = await createTestApp(dialect);
    try {
      const n = await createNewsroom(site.db, site.clock, site.events);
      const deps = { db: site.db, clock: site.clock, events: site.events, hashKey: 'ip-key', limits: DEFAULT_COMMENT_LIMITS };
      const article = await publishArticle(deps, n, { slug: 'talks-resume', publishedAt: new Date('2026-11-19T09:00:00Z') });
      const comment = async (email: string, status: 'spam' | 'trash') => {
        const outcome = await submitComment(deps, { articleId: article.id, name: 'A reader', email, body: `Written by ${email}.`, ip: '198.51.100.7' });
        if (outcome.kind === 'rejected') throw new Error(JSON.stringify(outcome.errors));
        await moderateComments(deps, SYSTEM_ACTOR, [outcome.comment.id], status);
        return outcome.comment.id;
      };
      const exists = async (id: string) => (await site.db.selectFrom('comments').select('id').where('id', '=', id).executeTakeFirst()) !== undefined;
      const saveDays = async (spam: string, trash: string) => {
        const res = await (await signInAs(site, 'administrator')).post('/admin/settings/comments', {
          commentModeration: 'hold-first',
          commentsCloseAfterDays: '0',
          commentThreadDepth: '5',
          commentPolicy: '',
          commentSpamRetentionDays: spam,
          commentTrashRetentionDays: trash,
        });
        expect(res.status).toBe(303);
      };

      const oldSpam = await comment('old-spam@example.org', 'spam'); // marked 20 November
      const trashed = await comment('trashed@example.org', 'trash');
      site.clock.set('2026-11-27T12:00:00.000Z');
      const youngSpam = await comment('young-spam@example.org', 'spam'); // marked 27 November
      site.clock.set('2026-12-02T13:00:00.000Z'); // 12 days and an hour after the old spam, 5 days and an hour after the young

      // With the defaults (15 and 30 days) nothing is due yet.
      expect(await purgeOldComments(deps)).toEqual({ spam: 0, trash: 0 });
      await saveDays('10', '0');
      expect(await purgeOldComments(deps)).toEqual({ spam: 1, trash: 0 });
      expect(await exists(oldSpam)).toBe(false);
      expect(await exists(youngSpam)).toBe(true);
      expect(await exists(trashed)).toBe(true); // 0 keeps the trash

      await saveDays('6', '12');
      expect(await purgeOldComments(deps)).toEqual({ spam: 0, trash: 1 }); // the young spam is 5 days in: kept
      expect(await exists(youngSpam)).toBe(true);
      expect(await exists(trashed)).toBe(false);
      await saveDays('5', '12');
      expect(await purgeOldComments(deps)).toEqual({ spam: 1, trash: 0 });
      expect(await exists(youngSpam)).toBe(false);
    } finally {
      await site.destroy();
    }
  });

  it('starts from the defaults: first comments from unknown emails held, replies five deep', async () => {
    const fresh = await createTestApp(dialect);
    try {
      expect(await loadSettings(fresh.db)).toMatchObject({ commentModeration: 'hold-first', commentsCloseAfterDays: 0, commentThreadDepth: 5, secondaryNavigation: [] });
    } finally {
      await fresh.destroy();
    }
  });

  it('keeps settings and the outbox from editors, in the service too', async () => {
    expect((await editor.get('/admin/settings/')).status).toBe(403);
    expect((await editor.post('/admin/settings/', general)).status).toBe(403);
    const { updateSiteSettings } = await import('../../settings/index.js');
    await expect(updateSiteSettings({ db: t.db, clock: t.clock, events: t.events }, editor.user, { title: 'Mine now' })).rejects.toThrow(/may not change the site settings/);
  });

  it('shows the outbox with status, attempts and the last error, delivers on request as .eml files, and retries a failed message', async () => {
    await queueMail({ db: t.db, clock: t.clock }, { to: 'reader@example.org', subject: 'Welcome to the Ledger', text: 'Hello.' });
    const failedId = 'zz000000000000000000000000';
    await t.db
      .insertInto('mail_outbox')
      .values({ id: failedId, to_address: 'bounce@example.org', subject: 'Never arrives', body_text: 'x', status: 'failed', attempts: 5, next_attempt_at: '2026-11-20T14:00:00.000Z', last_error: 'Error: 550 Mailbox unavailable', message_id: null, created_at: '2026-11-20T11:00:00.000Z', sent_at: null })
      .execute();
    const list = await (await admin.get('/admin/mail/')).text();
    expect(list).toContain('Welcome to the Ledger');
    expect(list).toContain('>Waiting</span>');
    expect(list).toContain('Error: 550 Mailbox unavailable');
    expect(list).toContain(`action="/admin/mail/${failedId}/retry"`);
    expect(list).toContain(`files in ${t.config.mail.dir}`);

    const delivered = await admin.post('/admin/mail/deliver');
    expect(delivered.headers.get('location')).toBe('/admin/mail/?done=sent-1-0');
    const files = fs.readdirSync(t.config.mail.dir);
    expect(files.some((f) => f.endsWith('.eml'))).toBe(true);
    expect(fs.readFileSync(path.join(t.config.mail.dir, files[0]!), 'utf8')).toContain('Subject: Welcome to the Ledger');
    expect(await (await admin.get('/admin/mail/?status=sent')).text()).toContain('Welcome to the Ledger');

    expect((await admin.post(`/admin/mail/${failedId}/retry`)).status).toBe(303);
    const row = await t.db.selectFrom('mail_outbox').select(['status', 'attempts']).where('id', '=', failedId).executeTakeFirstOrThrow();
    expect(row).toEqual({ status: 'pending', attempts: 0 });
    expect((await editor.get('/admin/mail/')).status).toBe(403);
  });
});
