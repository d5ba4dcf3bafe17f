import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM_ACTOR } from '../accounts/index.js';
import { DEFAULT_COMMENT_LIMITS, moderateComments, submitComment, type SubmitCommentInput } from '../comments/index.js';
import { createNewsroom, publishArticle } from '../../test/factories.js';
import { createTestApp, type TestApp } from '../../test/test-app.js';
import { testDialects } from '../../test/test-db.js';

/*
 * The reply mail's unsubscribe link, through the whole app (the subscriber wired in createApp,
 * the real outbox): GET asks and changes nothing, POST stops the mails — from the page's
 * button or a mail program's one-click request — and a forged token or a cross-site post
 * changes nothing. The page is never cached.
 */
describe.each(testDialects)('the reply unsubscribe link on %s', (dialect) => {
  let t: TestApp;
  let parentId: string;
  let link: string;
  let post: (input: Partial<SubmitCommentInput>) => Promise<{ id: string }>;
  const isWatching = async (id = parentId) => Number((await t.db.selectFrom('comments').select('notify_replies').where('id', '=', id).executeTakeFirstOrThrow()).notify_replies) === 1;

  beforeAll(async () => {
    t = await createTestApp(dialect);
    const n = await createNewsroom(t.db, t.clock, t.events);
    const deps = { db: t.db, clock: t.clock, events: t.events, hashKey: 'ip-key', limits: DEFAULT_COMMENT_LIMITS };
    const article = await publishArticle(deps, n, { slug: 'talks-resume', publishedAt: new Date('2026-11-19T09:00:00Z') });
    post = async (input: Partial<SubmitCommentInput>) => {
      const outcome = await submitComment(deps, { articleId: article.id, name: 'Ilse Brandt', email: 'ilse@example.org', body: 'Who pays?', ip: '198.51.100.4', ...input });
      if (outcome.kind === 'rejected') throw new Error(JSON.stringify(outcome.errors));
      if (outcome.kind !== 'approved') await moderateComments(deps, SYSTEM_ACTOR, [outcome.comment.id], 'approve');
      return outcome.comment;
    };
    parentId = (await post({ notifyReplies: true })).id;
    await post({ parentId, name: 'Oskar Venn', email: 'oskar@example.org', body: 'The port authority.', ip: '198.51.100.5' });
    const notice = await t.db.selectFrom('mail_outbox').select('body_text').where('to_address', '=', 'ilse@example.org').executeTakeFirstOrThrow();
    link = /https:\/\/news\.example\.org(\/comments\/unsubscribe\?token=\S+)/.exec(notice.body_text)![1]!;
  });
  afterAll(() => t.destroy());

  it('GET shows a button and changes nothing; it is never cached', async () => {
    for (let i = 0; i < 2; i++) {
      const res = await t.app.request(link);
      expect(res.status).toBe(200);
      expect(res.headers.get('cache-control')).toBe('private, no-store');
      const html = await res.text();
      expect(html).toContain('<button type="submit">Stop reply emails</button>');
      expect(html).toContain(`<form method="post" action="${link.replace(/\?token=(.*)$/, (_m, tok: string) => `?token=${encodeURIComponent(tok)}`)}">`);
      expect(html).not.toContain('ilse@example.org');
    }
    expect(t.cache.get('/comments/unsubscribe')).toBeUndefined();
    expect(t.cache.get('/comments/unsubscribe/')).toBeUndefined();
    expect(await isWatching()).toBe(true);
  });

  it('a forged token or a cross-site post changes nothing', async () => {
    const token = new URL(link, 'https://x.test').searchParams.get('token')!;
    const forged = `${token.slice(0, -4)}AAAA`;
    expect((await t.app.request(`/comments/unsubscribe?token=${forged}`)).status).toBe(400);
    expect((await t.app.request('/comments/unsubscribe')).status).toBe(400);
    expect((await t.app.request(`/comments/unsubscribe?token=${forged}`, { method: 'POST' })).status).toBe(400);
    const crossSite = await t.app.request(link, { method: 'POST', headers: { 'sec-fetch-site': 'cross-site' } });
    expect(crossSite.status).toBe(403);
    expect(await isWatching()).toBe(true);
  });

  it("a mail program's one-click POST to the List-Unsubscribe address stops the mails: no cookie, no page, twice is harmless; an altered token is refused", async () => {
    const watcher = await post({ name: 'Pia Lund', email: 'pia@example.org', body: 'Tell me of answers.', ip: '198.51.100.8', notifyReplies: true });
    await post({ parentId: watcher.id, name: 'Oskar Venn', email: 'oskar@example.org', body: 'Here is one.', ip: '198.51.100.5' });
    const notice = await t.db.selectFrom('mail_outbox').select(['body_text', 'list_unsubscribe_url']).where('to_address', '=', 'pia@example.org').executeTakeFirstOrThrow();
    const header = notice.list_unsubscribe_url!;
    expect(notice.body_text).toContain(header);
    const oneClick = (url: string) =>
      t.app.request(url, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'List-Unsubscribe=One-Click' });

    // Altered: another comment's id under this signature, or a changed signature.
    const token = new URL(header).searchParams.get('token')!;
    const [id, signature] = token.split('.') as [string, string];
    for (const altered of [`${parentId}.${signature}`, `${id}.${signature.slice(0, -1)}${signature.endsWith('A') ? 'B' : 'A'}`, `${id}.`, id]) {
      expect((await oneClick(`/comments/unsubscribe?token=${altered}`)).status, altered).toBe(400);
    }
    expect(await isWatching(watcher.id)).toBe(true);

    for (let i = 0; i < 2; i++) {
      const res = await oneClick(header.replace('https://news.example.org', ''));
      expect(res.status).toBe(200);
      expect(res.headers.get('set-cookie')).toBeNull();
      expect(await isWatching(watcher.id)).toBe(false);
    }
    expect(await isWatching()).toBe(true); // another commenter's choice is theirs
  });

  it("POST from the page's button stops the mails; a mail program's one-click POST works too", async () => {
    const token = new URL(link, 'https://x.test').searchParams.get('token')!;
    const res = await t.app.request('/comments/unsubscribe', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', 'sec-fetch-site': 'same-origin' },
      body: new URLSearchParams({ token }).toString(),
    });
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('You will get no more reply emails');
    expect(await isWatching()).toBe(false);

    // RFC 8058: the token in the URL, "List-Unsubscribe=One-Click" in the body; twice is harmless.
    const oneClick = await t.app.request(link, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'List-Unsubscribe=One-Click' });
    expect(oneClick.status).toBe(200);
    expect(await isWatching()).toBe(false);
  });
});
