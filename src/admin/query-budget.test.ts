import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CommentDeps, PENDING_COUNT_MAX_AGE_SECONDS, submitComment } from '../comments/index.js';
import type { DomainEvent } from '../shared/domain-events.js';
import { EventBus } from '../shared/events.js';
import { signInAs, type StaffBrowser } from '../../test/admin-session.js';
import { createModerationWorld, type ModerationWorld } from '../../test/moderation-world.js';
import { testDialects } from '../../test/test-db.js';
import { TestBrowser } from '../../test/test-browser.js';

/*
 * What a moderator's admin page costs the database, and what the navigation's badge (the
 * comments waiting for a moderator) adds to it: nothing on a page like the one before, one
 * statement on the first page after a comment is written in this process, and one once
 * the count is PENDING_COUNT_MAX_AGE_SECONDS old, which is how long a write made by another
 * process (whose events this one never hears) may take to show. The page budgets are
 * today's counts, so a change that adds a statement is noticed.
 */
const BUDGET: [string, string, number][] = [
  // [what, path, at most statements with the badge's count in memory]
  ['the dashboard', '/admin/', 5],
  ['the comment queue', '/admin/comments/', 6],
  ['the articles list', '/admin/articles/', 9],
];

describe.each(testDialects)("a moderator's pages and the held-comments badge on %s", (dialect) => {
  let w: ModerationWorld;
  let editor: StaffBrowser;
  /** the dashboard as the editor sees it: its statements, and the number its navigation shows beside Comments */
  const dashboard = async () => {
    w.t.queries.reset();
    const html = await (await editor.get('/admin/')).text();
    const statements = w.t.queries.count;
    const nav = /<nav class="admin-nav"[\s\S]*?<\/nav>/.exec(html)![0];
    const badge = /href="\/admin\/comments\/"[^>]*>[\s\S]*?<\/a>/.exec(nav)![0];
    const count = /<span class="admin-nav-badge">(\d+)/.exec(badge)?.[1];
    return { statements, badge: count === undefined ? 0 : Number(count) };
  };
  const later = (seconds: number) => w.t.clock.set(new Date(w.t.clock.now().getTime() + seconds * 1000).toISOString());
  const pendingInDb = async () =>
    Number((await w.t.db.selectFrom('comments').select((eb) => eb.fn.countAll<number>().as('n')).where('status', '=', 'pending').executeTakeFirstOrThrow()).n);

  beforeAll(async () => {
    w = await createModerationWorld(dialect);
    editor = await signInAs(w.t, 'editor');
    await w.post();
    await w.post();
    // Warm the count, as a running server has.
    await editor.get('/admin/');
  });
  afterAll(() => w.t.destroy());

  it.each(BUDGET)('%s (%s) answers within %i statements, the badge counted from memory', async (_what, path, budget) => {
    w.t.queries.reset();
    const res = await editor.get(path);
    expect(res.status).toBe(200);
    expect(await res.text()).toMatch(/<span class="admin-nav-badge">2/);
    expect(w.t.queries.count, w.t.queries.sql.join(', ')).toBeLessThanOrEqual(budget);
  });

  it('shows a comment posted through the public form at once, and one approved in the queue at once, counting once per write', async () => {
    const steady = await dashboard();
    expect(steady.badge).toBe(await pendingInDb());

    // A reader posts through the form as the page script does (a token, then the post seconds later): held, as a first comment.
    const reader = new TestBrowser(w.t.app, '198.51.100.77');
    const { token } = (await (await reader.get(`/comments/token/?article=${w.article.id}`)).json()) as { token: string };
    later(4);
    const posted = await reader.post(
      '/comments/',
      { articleId: w.article.id, parentId: '', token, name: 'Lena Okafor', email: 'lena@example.net', website: '', body: 'The harbour figures do not add up.', homepage: '' },
      { accept: 'application/json' },
    );
    expect(posted.status).toBe(201);
    const { status, commentId } = (await posted.json()) as { status: string; commentId: string };
    expect(status).toBe('held');
    const afterPost = await dashboard();
    expect(afterPost.badge).toBe(steady.badge + 1);
    expect(afterPost.statements).toBe(steady.statements + 1);
    expect((await dashboard()).statements).toBe(steady.statements);

    const approved = await editor.post('/admin/comments/moderate', { back: '/admin/comments/', bulkAction: 'approve', ids: [commentId] });
    expect(approved.status).toBe(303);
    const afterApproval = await dashboard();
    expect(afterApproval.badge).toBe(steady.badge);
    expect(afterApproval.statements).toBe(steady.statements + 1);
    expect(afterApproval.badge).toBe(await pendingInDb());
  });

  it(`shows a comment held by another process within ${PENDING_COUNT_MAX_AGE_SECONDS} seconds`, async () => {
    const before = await dashboard();
    // Another process: the same database, its own events, which this app never hears.
    const elsewhere: CommentDeps = { ...w.deps, events: new EventBus<DomainEvent>() };
    const outcome = await submitComment(elsewhere, { articleId: w.article.id, name: 'Tomas Lind', email: 'tomas@example.net', website: '', body: 'Posted on the other server.', ip: '203.0.113.40' });
    expect(outcome.kind).toBe('held');
    expect(await pendingInDb()).toBe(before.badge + 1);

    later(PENDING_COUNT_MAX_AGE_SECONDS - 1);
    expect(await dashboard()).toEqual(before); // still the count read before, from memory
    later(1);
    const fresh = await dashboard();
    expect(fresh.badge).toBe(before.badge + 1);
    expect(fresh.statements).toBe(before.statements + 1);
  });
});
