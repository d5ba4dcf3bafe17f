import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM_ACTOR } from '../../accounts/index.js';
import { moderateComments } from '../../comments/index.js';
import { createNewsroom, publishArticle } from '../../../test/factories.js';
import { commitsDuring } from '../../../test/sqlite-commits.js';
import { createTestApp, type TestApp } from '../../../test/test-app.js';
import { TestBrowser } from '../../../test/test-browser.js';

/*
 * What a comment post costs the disk on SQLite: every commit is an fsync (synchronous=FULL)
 * that holds the one JavaScript thread, and readers of cached pages wait behind it. A post
 * through the real route, held or shown, with its staff notices (and a reply's notice to the
 * commenter it answers), is two commits: the comment with its token and rate counters, then
 * the notices' claims with every outbox row. A refused post commits its counts alone. Counted
 * in the WAL file (test/sqlite-commits.ts), whoever makes the commit.
 */
describe('the commits a comment post makes on SQLite', () => {
  let t: TestApp;
  let articleId = '';
  let n = 0;
  const later = (seconds: number) => t.clock.set(new Date(t.clock.now().getTime() + seconds * 1000).toISOString());
  const outboxSize = async () => Number((await t.db.selectFrom('mail_outbox').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);

  /** One post as public/comments.js sends it (token, then the form as JSON); answers the status and the JSON. */
  async function post(fields: { email: string; ip?: string; parentId?: string; notifyReplies?: boolean; token?: string }) {
    const browser = new TestBrowser(t.app, fields.ip ?? `198.51.100.${++n}`);
    let token = fields.token;
    if (!token) {
      token = ((await (await browser.get(`/comments/token/?article=${articleId}`)).json()) as { token: string }).token;
      later(5);
    }
    const form = { articleId, parentId: fields.parentId ?? '', token, name: 'Lena Okafor', email: fields.email, website: '', body: `Comment ${++n} on the harbour figures.`, homepage: '', ...(fields.notifyReplies ? { notifyReplies: '1' } : {}) };
    const res = await browser.post('/comments/', form, { accept: 'application/json' });
    return { status: res.status, answer: (await res.json()) as { status?: string; commentId?: string; token?: string } };
  }
  async function commitsOf(send: () => Promise<{ status: number; answer: { status?: string } }>) {
    let outcome: Awaited<ReturnType<typeof send>> | undefined;
    const outboxBefore = await outboxSize();
    const commits = await commitsDuring(t.db, t.testDb.url, async () => {
      outcome = await send();
    });
    return { commits, ...outcome!, mailsQueued: (await outboxSize()) - outboxBefore };
  }

  beforeAll(async () => {
    t = await createTestApp('sqlite', { COMMENT_LIMIT_PER_IP: '3/600', COMMENT_LIMIT_PER_EMAIL: '1000/600' });
    const newsroom = await createNewsroom(t.db, t.clock, t.events);
    articleId = (await publishArticle({ db: t.db, clock: t.clock, events: t.events }, newsroom, { slug: 'post-commits' })).id;
  });
  afterAll(() => t.destroy());

  it('holds a first comment in two commits, its staff notices included', async () => {
    const held = await commitsOf(() => post({ email: 'first.time@example.net' }));
    expect(held).toMatchObject({ status: 201, answer: { status: 'held' } });
    expect(held.mailsQueued).toBeGreaterThanOrEqual(1);
    expect(held.commits).toBe(2);
  });

  it('shows a known commenter’s comment, and a reply with the mail to the comment it answers, in two commits each', async () => {
    const first = await post({ email: 'known@example.net', notifyReplies: true });
    await moderateComments({ db: t.db, clock: t.clock, events: t.events }, SYSTEM_ACTOR, [first.answer.commentId!], 'approve');
    const shown = await commitsOf(() => post({ email: 'known@example.net' }));
    expect(shown).toMatchObject({ status: 201, answer: { status: 'approved' } });
    expect(shown.mailsQueued).toBeGreaterThanOrEqual(1);
    expect(shown.commits).toBe(2);

    const replier = await post({ email: 'replier@example.net' });
    await moderateComments({ db: t.db, clock: t.clock, events: t.events }, SYSTEM_ACTOR, [replier.answer.commentId!], 'approve');
    const reply = await commitsOf(() => post({ email: 'replier@example.net', parentId: first.answer.commentId! }));
    expect(reply).toMatchObject({ status: 201, answer: { status: 'approved' } });
    // The staff notices and the one to known@ (who asked for replies), claimed and stored together.
    expect(reply.mailsQueued).toBeGreaterThanOrEqual(2);
    expect(reply.commits).toBe(2);
  });

  it('refuses a spent token, and a post over the limit, in one commit each: the counts', async () => {
    const browser = new TestBrowser(t.app, '203.0.113.77');
    const token = ((await (await browser.get(`/comments/token/?article=${articleId}`)).json()) as { token: string }).token;
    later(5);
    expect((await post({ email: 'once@example.net', ip: '203.0.113.77', token })).status).toBe(201);
    const spent = await commitsOf(() => post({ email: 'once@example.net', ip: '203.0.113.77', token }));
    expect(spent).toMatchObject({ status: 400, mailsQueued: 0, commits: 1 });

    for (const i of [1, 2, 3]) expect((await post({ email: `flood${i}@example.net`, ip: '203.0.113.78' })).status).toBe(201);
    const over = await commitsOf(() => post({ email: 'flood4@example.net', ip: '203.0.113.78' }));
    expect(over).toMatchObject({ status: 429, mailsQueued: 0, commits: 1 });
  });
});
