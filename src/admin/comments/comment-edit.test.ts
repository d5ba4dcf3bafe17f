import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listBlocks, submitComment } from '../../comments/index.js';
import { SYSTEM_ACTOR } from '../../accounts/index.js';
import { signInAs, type StaffBrowser } from '../../../test/admin-session.js';
import { createModerationWorld, type ModerationWorld } from '../../../test/moderation-world.js';
import { testDialects } from '../../../test/test-db.js';
import { TestBrowser } from '../../../test/test-browser.js';

describe.each(testDialects)('editing and answering a comment, the block list, privacy requests, on %s', (dialect) => {
  let w: ModerationWorld;
  let editor: StaffBrowser;

  beforeAll(async () => {
    w = await createModerationWorld(dialect);
    editor = await signInAs(w.t, 'editor', 'Ana Moderator');
  });
  afterAll(() => w?.t.destroy());

  it('refuses a bad edit next to each field, keeping every field as typed, and saves a good one', async () => {
    const comment = await w.post({ name: 'Hanna Voss', email: 'hanna@example.org', body: 'Call me on 0170 1234567 about the crossings.' });
    const form = await (await editor.get(`/admin/comments/${comment.id}/edit?back=${encodeURIComponent('/admin/comments/?q=crossings')}`)).text();
    // The way back is the queue as it was filtered; anything else is not a way back.
    expect(form).toContain('<a href="/admin/comments/?q=crossings">Back to the comments</a>');
    expect(await (await editor.get(`/admin/comments/${comment.id}/edit?back=https%3A%2F%2Fevil.example%2F`)).text()).toContain('<a href="/admin/comments/">Back to the comments</a>');
    expect(form).toContain('value="hanna@example.org"');
    expect(form).toContain('Call me on 0170 1234567 about the crossings.</textarea>');

    const typed = { name: '  ', email: 'not an address', website: 'javascript:alert(1)', body: 'Kept <as> typed & "quoted"' };
    const refused = await editor.post(`/admin/comments/${comment.id}/edit`, typed);
    expect(refused.status).toBe(400);
    const html = await refused.text();
    expect(html).toMatch(/id="name-error">Enter your name\./);
    expect(html).toMatch(/id="email-error">Enter an email address such as name@example\.org\./);
    expect(html).toMatch(/id="website-error">Enter a web address/);
    expect(html).toContain('value="not an address"');
    expect(html).toContain('value="javascript:alert(1)"');
    expect(html).toContain('value="  "');
    expect(html).toContain('Kept &lt;as&gt; typed &amp; &quot;quoted&quot;</textarea>');
    expect((await w.t.db.selectFrom('comments').select('body').where('id', '=', comment.id).executeTakeFirstOrThrow()).body).toBe(comment.body);

    const saved = await editor.post(`/admin/comments/${comment.id}/edit`, { name: 'Hanna Voss', email: 'hanna@example.org', website: 'hanna.example.net', body: 'Write to me about *the crossings*.' });
    expect(saved.status).toBe(303);
    const after = await (await editor.get(saved.headers.get('location')!)).text();
    expect(after).toContain('Comment saved.');
    expect(after).toContain('<em>the crossings</em>');
    expect(after).toContain('value="https://hanna.example.net/"');
    // Still held: an edit keeps the status, so the public page shows nothing yet.
    expect(await w.statusOf(comment.id)).toBe('pending');
    expect(await w.publicPage()).not.toContain('the crossings</em>');
  });

  it('replies from the queue under the moderator’s account: a held comment is approved first, and both appear', async () => {
    const comment = await w.post({ name: 'Tomas Reyes', body: 'Who pays for the new patrols?' });
    // An empty reply is refused at its field, and approves nothing.
    const empty = await editor.post(`/admin/comments/${comment.id}/reply`, { reply: '   ', back: '/admin/comments/' });
    expect(empty.status).toBe(400);
    expect(await empty.text()).toMatch(/id="reply-error">Write your comment\./);
    expect(await w.statusOf(comment.id)).toBe('pending');

    const res = await editor.post(`/admin/comments/${comment.id}/reply`, { reply: 'The ministry does, from next year.', back: '/admin/comments/?q=patrols' });
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/admin/comments/?q=patrols&done=replied');
    expect(await w.statusOf(comment.id)).toBe('approved');
    const reply = await w.t.db.selectFrom('comments').selectAll().where('parent_id', '=', comment.id).executeTakeFirstOrThrow();
    expect(reply).toMatchObject({ status: 'approved', is_staff: 1, user_id: editor.user.id, author_name: 'Ana Moderator' });
    const page = await w.publicPage();
    expect(page).toContain('Who pays for the new patrols?');
    expect(page).toContain('The ministry does, from next year.');
  });

  it('does not answer spam, saying why next to the form', async () => {
    const comment = await w.post({ body: 'Spammy words here.' });
    await editor.post('/admin/comments/moderate', { action: 'spam', ids: comment.id });
    const res = await editor.post(`/admin/comments/${comment.id}/reply`, { reply: 'Thanks!' });
    expect(res.status).toBe(400);
    expect(await res.text()).toContain('The comment you are replying to is no longer shown.');
    expect(await w.t.db.selectFrom('comments').select('id').where('parent_id', '=', comment.id).execute()).toEqual([]);
  });

  it('manages the block list: an entry sends the next comment to spam; a bad entry is refused as typed; entries are removed', async () => {
    const refused = await editor.post('/admin/comments/blocks', { kind: 'email', value: 'nobody at all', note: 'typo' });
    expect(refused.status).toBe(400);
    const html = await refused.text();
    expect(html).toMatch(/id="value-error">Enter an email address such as name@example\.org\./);
    expect(html).toContain('value="nobody at all"');
    expect(html).toContain('value="typo"');
    expect(html).toMatch(/<option value="email" selected="">/);

    expect((await editor.post('/admin/comments/blocks', { kind: 'ip', value: '203.0.113.77', note: 'a flood' })).status).toBe(303);
    const list = await (await editor.get('/admin/comments/blocks?done=added')).text();
    expect(list).toContain('Added to the block list.');
    const [entry] = await listBlocks(w.t.db, SYSTEM_ACTOR);
    // The address is stored only as its keyed hash, the same the public form computes.
    expect(entry).toMatchObject({ kind: 'ip', note: 'a flood' });
    expect(entry!.value).toMatch(/^[0-9a-f]{32}$/);
    expect(list).toContain(`<code>${entry!.value}</code>`);
    const blocked = await submitComment(w.deps, { articleId: w.article.id, name: 'Flood', email: 'flood@example.org', body: 'Again and again.', ip: '203.0.113.77' });
    expect(blocked).toMatchObject({ kind: 'spam', comment: { statusReason: 'blocked-ip' } });

    expect((await editor.post('/admin/comments/blocks/remove', { kind: 'ip', value: entry!.value })).status).toBe(303);
    expect(await listBlocks(w.t.db, SYSTEM_ACTOR)).toEqual([]);
  });

  it('blocks an address typed in the admin as the public form hashes it: the reader’s next comment goes to spam', async () => {
    expect((await editor.post('/admin/comments/blocks', { kind: 'ip', value: '198.51.100.201', note: 'typed as an address' })).status).toBe(303);
    const reader = new TestBrowser(w.t.app, '198.51.100.201');
    const { token } = (await (await reader.get(`/comments/token/?article=${w.article.id}`)).json()) as { token: string };
    w.t.clock.set(new Date(w.t.clock.now().getTime() + 10_000).toISOString());
    const body = 'Posted from a blocked address through the real form.';
    const posted = await reader.post('/comments/', { articleId: w.article.id, parentId: '', token, name: 'Blocked Reader', email: 'blocked@example.net', website: '', body, homepage: '' });
    expect(posted.status).toBe(303);
    const stored = await w.t.db.selectFrom('comments').select(['status', 'status_reason']).where('body', '=', body).executeTakeFirstOrThrow();
    expect(stored).toEqual({ status: 'spam', status_reason: 'blocked-ip' });
    await editor.post('/admin/comments/blocks/remove', { kind: 'ip', value: '198.51.100.201' });
  });

  it('exports a commenter’s comments as a JSON download, and erases them after a confirmation', async () => {
    const one = await w.post({ name: 'Lena Marsh', email: 'lena@example.org', body: 'My first thought.' });
    const two = await w.post({ name: 'Lena Marsh', email: 'LENA@example.org', body: 'My second thought.' });
    const file = await editor.post('/admin/comments/privacy/export', { exportEmail: ' Lena@Example.org ' });
    expect(file.status).toBe(200);
    expect(file.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(file.headers.get('content-disposition')).toBe('attachment; filename="comments-2026-11-20.json"');
    const data = (await file.json()) as { email: string; comments: { id: string; body: string }[] };
    expect(data.email).toBe('lena@example.org');
    expect(data.comments.map((c) => c.id).sort()).toEqual([one.id, two.id].sort());

    const bad = await editor.post('/admin/comments/privacy/export', { exportEmail: 'lena at example' });
    expect(bad.status).toBe(400);
    const badHtml = await bad.text();
    expect(badHtml).toMatch(/id="exportEmail-error">Enter the email address the comments were written with\./);
    expect(badHtml).toContain('value="lena at example"');

    const ask = await editor.post('/admin/comments/privacy/erase', { eraseEmail: 'lena@example.org', mode: 'anonymize' });
    expect(ask.status).toBe(200);
    expect(await ask.text()).toContain('Anonymize the 2 comments written with lena@example.org?');
    expect((await w.t.db.selectFrom('comments').select('author_name').where('id', '=', one.id).executeTakeFirstOrThrow()).author_name).toBe('Lena Marsh');

    const done = await editor.post('/admin/comments/privacy/erase', { eraseEmail: 'lena@example.org', mode: 'anonymize', confirm: 'yes' });
    expect(done.status).toBe(303);
    expect(await (await editor.get(done.headers.get('location')!)).text()).toContain('2 comments anonymized.');
    const rows = await w.t.db.selectFrom('comments').select(['author_name', 'author_email', 'ip_hash', 'body']).where('id', 'in', [one.id, two.id]).execute();
    expect(rows.map((r) => [r.author_name, r.author_email, r.ip_hash])).toEqual([
      ['Anonymous', '', ''],
      ['Anonymous', '', ''],
    ]);
    expect(rows.map((r) => r.body).sort()).toEqual(['My first thought.', 'My second thought.']);
  });
});
