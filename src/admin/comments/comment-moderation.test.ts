import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { signInAs, type StaffBrowser } from '../../../test/admin-session.js';
import { ARTICLE_PATH, createModerationWorld, type ModerationWorld } from '../../../test/moderation-world.js';
import { testDialects } from '../../../test/test-db.js';
import { PendingCommentCount } from '../../comments/index.js';
import { createLogger } from '../../http/logger.js';
import { commentsArea } from './comments-area.js';

const BACK = '/admin/comments/?q=crossings';

/** The notice the list shows after a redirect. */
async function noticeAt(who: StaffBrowser, location: string | null): Promise<string> {
  const html = await (await who.get(location!)).text();
  return /<p class="admin-notice" role="status">([^<]*)<\/p>/.exec(html)?.[1] ?? '';
}

describe.each(testDialects)('moderating from the queue, on %s', (dialect) => {
  let w: ModerationWorld;
  let editor: StaffBrowser;

  beforeEach(async () => {
    w = await createModerationWorld(dialect);
    editor = await signInAs(w.t, 'editor');
  });
  afterEach(() => w.t.destroy());

  it('approves two held comments at once: they and their count appear on the public article page', async () => {
    const [a, b, c] = [await w.post({ body: 'First view on the crossings.' }), await w.post({ body: 'Second view on the crossings.' }), await w.post({ body: 'Third view on the crossings.' })];
    // The page is cached (second visit) while the comments wait.
    for (const _ of [1, 2]) expect(await w.publicPage()).not.toContain('view on the crossings');

    const res = await editor.post('/admin/comments/moderate', { back: BACK, bulkAction: 'approve', ids: [a.id, b.id] });
    expect(res.status).toBe(303);
    // Back to the same filtered list, with a notice summing up.
    expect(res.headers.get('location')).toBe(`${BACK}&done=approve&n=2`);
    expect(await noticeAt(editor, res.headers.get('location'))).toBe('2 comments approved.');
    expect([await w.statusOf(a.id), await w.statusOf(b.id), await w.statusOf(c.id)]).toEqual(['approved', 'approved', 'pending']);
    expect(await w.countOf()).toBe(2);

    const page = await w.publicPage();
    expect(page).toContain(`id="comment-${a.id}"`);
    expect(page).toContain('Second view on the crossings.');
    expect(page).not.toContain('Third view on the crossings.');
    expect(page).toMatch(/>\s*2 comments\s*</);

    // Approving again changes nothing, and the notice says so.
    const again = await editor.post('/admin/comments/moderate', { back: BACK, bulkAction: 'approve', ids: [a.id, c.id] });
    expect(await noticeAt(editor, again.headers.get('location'))).toBe('1 comment approved; 1 already approved.');
    expect(await w.countOf()).toBe(3);
  });

  it('unapproves, marks as spam and trashes from a row: the comment leaves the public page and its count', async () => {
    const a = await w.post({ body: 'Shown, then taken back.' });
    const b = await w.post({ body: 'Shown, then spam.' });
    await editor.post('/admin/comments/moderate', { bulkAction: 'approve', ids: [a.id, b.id] });
    expect(await w.publicPage()).toContain('Shown, then taken back.');

    // A row's button names its action; the bulk select is ignored then.
    const res = await editor.post('/admin/comments/moderate', { back: BACK, action: 'unapprove', bulkAction: 'trash', ids: a.id });
    expect(await noticeAt(editor, res.headers.get('location'))).toBe('1 comment returned to pending.');
    expect(await w.statusOf(a.id)).toBe('pending');
    expect(await w.countOf()).toBe(1);
    const page = await w.publicPage();
    expect(page).not.toContain('Shown, then taken back.');
    expect(page).toMatch(/>\s*1 comment\s*</);

    await editor.post('/admin/comments/moderate', { action: 'spam', ids: b.id });
    expect(await w.statusOf(b.id)).toBe('spam');
    expect(await w.countOf()).toBe(0);
    expect(await w.publicPage()).not.toContain('Shown, then spam.');

    await editor.post('/admin/comments/moderate', { action: 'trash', ids: [a.id] });
    expect(await w.statusOf(a.id)).toBe('trash');
  });

  it('deletes permanently only from spam or trash, after a confirmation step', async () => {
    const spam = await w.post({ body: 'Buy followers now.' });
    const trash = await w.post({ body: 'Posted twice by mistake.' });
    const held = await w.post({ body: 'A fair point, held.' });
    await editor.post('/admin/comments/moderate', { action: 'spam', ids: spam.id });
    await editor.post('/admin/comments/moderate', { action: 'trash', ids: trash.id });

    // First step: a page naming what will go; nothing is deleted yet.
    const ask = await editor.post('/admin/comments/moderate', { back: '/admin/comments/?status=spam', bulkAction: 'delete', ids: [spam.id, trash.id, held.id] });
    expect(ask.status).toBe(200);
    const html = await ask.text();
    expect(html).toContain('Delete these 2 comments permanently?');
    expect(html).toContain('1 of the selected comment is neither spam nor in the trash, and will be left alone.');
    expect(html).toContain('Buy followers now.');
    expect(html).not.toContain(`name="ids" value="${held.id}"`);
    expect([await w.statusOf(spam.id), await w.statusOf(trash.id)]).toEqual(['spam', 'trash']);

    // Second step: the confirmed form deletes; a held comment slipped into it is still refused.
    const done = await editor.post('/admin/comments/moderate', { back: '/admin/comments/?status=spam', action: 'delete', confirm: 'yes', ids: [spam.id, trash.id, held.id] });
    expect(done.status).toBe(303);
    expect(await noticeAt(editor, done.headers.get('location'))).toBe('2 comments deleted permanently; 1 left alone (only spam and trash can be deleted permanently).');
    expect([await w.statusOf(spam.id), await w.statusOf(trash.id), await w.statusOf(held.id)]).toEqual([undefined, undefined, 'pending']);
  });

  it('answers an empty selection, an unknown action and a forged back address without changing anything', async () => {
    const a = await w.post();
    const none = await editor.post('/admin/comments/moderate', { back: BACK, bulkAction: 'approve' });
    expect(await noticeAt(editor, none.headers.get('location'))).toBe('No comments were selected: tick the boxes of the comments to change, then Apply.');
    const odd = await editor.post('/admin/comments/moderate', { back: 'https://elsewhere.example/', bulkAction: 'publish', ids: a.id });
    expect(odd.headers.get('location')).toBe('/admin/comments/');
    expect(await w.statusOf(a.id)).toBe('pending');
  });
});

describe('who may moderate', () => {
  let w: ModerationWorld;
  beforeEach(async () => {
    w = await createModerationWorld();
  });
  afterEach(() => w.t.destroy());

  it('refuses contributors and authors the queue and every action; editors and administrators may', async () => {
    const held = await w.post({ body: 'Waiting for a moderator.' });
    for (const role of ['contributor', 'author'] as const) {
      const who = await signInAs(w.t, role);
      expect((await who.get('/admin/comments/')).status, role).toBe(403);
      expect((await who.get(`/admin/comments/${held.id}/edit`)).status, role).toBe(403);
      expect((await who.post('/admin/comments/moderate', { bulkAction: 'approve', ids: held.id })).status, role).toBe(403);
      expect((await who.post(`/admin/comments/${held.id}/reply`, { reply: 'I agree.' })).status, role).toBe(403);
      expect((await who.post('/admin/comments/privacy/export', { exportEmail: held.authorEmail })).status, role).toBe(403);
      expect(await w.statusOf(held.id), role).toBe('pending');
    }
    expect(await w.publicPage(ARTICLE_PATH)).not.toContain('Waiting for a moderator.');
    const admin = await signInAs(w.t, 'administrator');
    expect((await admin.get('/admin/comments/')).status).toBe(200);
    expect((await admin.post('/admin/comments/moderate', { bulkAction: 'approve', ids: held.id })).status).toBe(303);
    expect(await w.statusOf(held.id)).toBe('approved');
  });

  it('declares moderate_comments on every route and the navigation entry (the shell refuses before the handler, whatever it reads)', () => {
    const area = commentsArea({
      db: w.t.db,
      clock: w.t.clock,
      events: w.t.events,
      config: w.t.config,
      siteUrl: w.t.config.siteUrl,
      trustedProxies: [],
      assets: w.t.assets,
      sessionSecret: Buffer.alloc(32, 7),
      mediaDir: w.t.mediaDir,
      logger: createLogger('silent'),
      pendingComments: new PendingCommentCount(w.t.db, w.t.clock),
    });
    expect(area.routes.length).toBeGreaterThanOrEqual(10);
    expect(area.routes.filter((r) => r.access !== 'moderate_comments').map((r) => `${r.method} ${r.path}`)).toEqual([]);
    expect(area.nav?.map((item) => item.access)).toEqual(['moderate_comments']);
  });

  it('refuses a moderation post without the session’s CSRF token', async () => {
    const held = await w.post();
    const editor = await signInAs(w.t, 'editor');
    const res = await editor.browser.post('/admin/comments/moderate', { bulkAction: 'approve', ids: held.id }, { origin: w.t.siteUrl });
    expect(res.status).toBe(403);
    expect(await w.statusOf(held.id)).toBe('pending');
  });
});
