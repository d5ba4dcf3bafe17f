/// <reference lib="dom" />
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser } from '../../src/accounts/index.js';
import { type CommentDeps, DEFAULT_COMMENT_LIMITS, submitComment } from '../../src/comments/index.js';
import { findArticleLinks } from '../../src/content/index.js';
import { fixedClock } from '../../src/shared/clock.js';
import type { DomainEvent } from '../../src/shared/domain-events.js';
import { EventBus } from '../../src/shared/events.js';
import { launchChromium, signInOnPage, skipBrowser } from '../browser.js';
import { type DemoServer, startDemoServer } from '../demo-server.js';

const SHOTS = path.resolve(import.meta.dirname, '../../test-results/screenshots');
const EMAIL = 'moderator@example.org';
const PASSWORD = 'correct horse battery';

/*
 * A moderator's day on the real server, in Chromium without any page script: they sign in,
 * open the queue, read why a comment was held, approve it, and readers see it on the
 * article page (which was cached before); then they tick two comments and mark both as spam.
 */
describe.skipIf(skipBrowser)('moderating comments in the browser', () => {
  let server: DemoServer;
  let browser: Browser;
  let moderator: BrowserContext;
  let articleUrl = '';
  const ids: Record<'question' | 'promo' | 'flood', string> = { question: '', promo: '', flood: '' };

  beforeAll(async () => {
    fs.mkdirSync(SHOTS, { recursive: true });
    [server, browser] = await Promise.all([startDemoServer(), launchChromium()]);
    const clock = fixedClock('2026-11-20T12:00:00.000Z');
    const deps: CommentDeps = { db: server.db, clock, events: new EventBus<DomainEvent>(), hashKey: 'journey', limits: { ...DEFAULT_COMMENT_LIMITS, perIp: { limit: 100, windowSeconds: 60 } } };
    await createUser(deps, { email: EMAIL, name: 'Mira Okonjo', role: 'editor', password: PASSWORD });
    const article = await server.db.selectFrom('articles').select('id').where('status', '=', 'published').orderBy('published_at', 'desc').limit(1).executeTakeFirstOrThrow();
    articleUrl = server.url + (await findArticleLinks(server.db, [article.id])).get(article.id)!.url!;
    // Three first comments from new email addresses: the site holds each for a moderator.
    const post = async (name: string, email: string, body: string) => {
      const outcome = await submitComment(deps, { articleId: article.id, name, email, body, ip: `192.0.2.${Object.values(ids).filter(Boolean).length + 10}` });
      if (outcome.kind !== 'held') throw new Error(`expected a held comment, got ${outcome.kind}`);
      return outcome.comment.id;
    };
    ids.question = await post('Hanna Voss', 'hanna.voss@example.org', 'Who pays for the *new patrols* on the crossings?');
    ids.promo = await post('Promo Desk', 'promo@example.org', 'Great article, visit my shop for discount watches.');
    ids.flood = await post('Flood Account', 'flood@example.org', 'Great article, visit my shop for discount watches!!');

    moderator = await browser.newContext({ viewport: { width: 1366, height: 900 }, locale: 'en-GB', javaScriptEnabled: false });
    const page = await moderator.newPage();
    await signInOnPage(page, server.url, EMAIL, PASSWORD);
    await page.close();
  }, 180_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  /** The article page as a reader gets it (no session: the page cache answers from the second visit). */
  async function readerSees(): Promise<string> {
    const res = await fetch(articleUrl);
    expect(res.status).toBe(200);
    return res.text();
  }

  it('sees a held comment with its reason, approves it, and it appears on the public article page', async () => {
    for (const _visit of [1, 2]) expect(await readerSees()).not.toContain(`comment-${ids.question}`);
    const page = await moderator.newPage();
    await page.goto(`${server.url}/admin/`);
    await page.getByRole('navigation', { name: 'Admin' }).getByRole('link', { name: /^Comments 3 pending$/ }).click();
    await page.waitForURL(`${server.url}/admin/comments/`);

    const row = page.getByRole('article', { name: 'Hanna Voss' });
    await expect(row.getByText('New commenter: First comment from this email address.').isVisible()).resolves.toBe(true);
    await expect(row.locator('em', { hasText: 'new patrols' }).isVisible()).resolves.toBe(true);
    await page.screenshot({ path: path.join(SHOTS, 'moderation-queue.png'), fullPage: true });

    await row.getByRole('button', { name: 'Approve', exact: true }).click();
    await page.waitForURL(/\/admin\/comments\/\?done=approve&n=1$/);
    await expect(page.getByRole('status').textContent()).resolves.toBe('1 comment approved.');
    await expect(page.getByRole('article', { name: 'Hanna Voss' }).count()).resolves.toBe(0);

    const html = await readerSees();
    expect(html).toContain(`id="comment-${ids.question}"`);
    expect(html).toContain('Who pays for the <em>new patrols</em> on the crossings?');
    // The link from the queue's row goes to the comment's permalink.
    const reader = await browser.newPage();
    await reader.goto(`${articleUrl}#comment-${ids.question}`);
    await expect(reader.locator(`#comment-${ids.question} .comment-author`).getByText('Hanna Voss').isVisible()).resolves.toBe(true);
    await reader.close();
    await page.close();
  });

  it('ticks two comments and marks both as spam with one bulk action', async () => {
    const page = await moderator.newPage();
    await page.goto(`${server.url}/admin/comments/`);
    await page.getByLabel('Select the comment by Promo Desk').check();
    await page.getByLabel('Select the comment by Flood Account').check();
    await page.getByLabel('With the selected comments').selectOption({ label: 'Spam' });
    await page.getByRole('button', { name: 'Apply' }).click();
    await page.waitForURL(/\/admin\/comments\/\?done=spam&n=2$/);
    await expect(page.getByRole('status').textContent()).resolves.toBe('2 comments marked as spam.');
    await expect(page.getByText('No pending comments.').isVisible()).resolves.toBe(true);

    await page.getByRole('navigation', { name: 'Comments by status' }).getByRole('link', { name: /^Spam/ }).click();
    await page.waitForURL(`${server.url}/admin/comments/?status=spam`);
    for (const name of ['Promo Desk', 'Flood Account']) {
      await expect(page.getByRole('article', { name }).getByText('Moderator: Marked as spam by a moderator.').isVisible()).resolves.toBe(true);
    }
    const statuses = await server.db.selectFrom('comments').select(['id', 'status']).where('id', 'in', [ids.promo, ids.flood]).execute();
    expect(statuses.map((s) => s.status)).toEqual(['spam', 'spam']);
    await page.close();
  });
});
