/// <reference lib="dom" />
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { saveSettings } from '../../src/settings/index.js';
import { launchChromium, skipBrowser } from '../browser.js';
import { type DemoServer, startDemoServer } from '../demo-server.js';

const DAY = 86_400_000;

/*
 * A reader who opened an article while its comments were open, and writes after the site's
 * "close after N days" has passed (the demo server's clock is moved on): in Chromium, with
 * the page script, they see "Comments are closed." where the form was — on their first step
 * into the form, or on pressing "Post comment" with their words kept to copy — never a
 * refused post to puzzle over, and nothing is stored.
 */
describe.skipIf(skipBrowser)('comments closing while a reader has the page open', () => {
  let server: DemoServer;
  let browser: Browser;
  let articlePath = '';
  let articleId = '';
  let closesAt = 0;
  const before = () => server.clock.set(new Date(closesAt - 60 * 60_000).toISOString());
  const after = () => server.clock.set(new Date(closesAt + 60_000).toISOString());
  const open = async (): Promise<Page> => {
    const page = await browser.newPage({ viewport: { width: 1200, height: 900 } });
    await page.goto(server.url + articlePath);
    expect(await page.locator('form[data-comment-form]').count()).toBe(1);
    return page;
  };
  const storedComments = async () =>
    (await server.db.selectFrom('comments').select('id').where('article_id', '=', articleId).where('author_email', '=', 'late@example.net').execute()).length;

  beforeAll(async () => {
    [server, browser] = await Promise.all([startDemoServer({ COMMENT_MIN_SECONDS: '0' }), launchChromium()]);
    // The demo article with the most comments (each has a Reply link while comments are open).
    const row = await server.db
      .selectFrom('articles')
      .innerJoin('topics', 'topics.id', 'articles.primary_topic_id')
      .select(['articles.id', 'articles.slug', 'articles.published_at', 'topics.path'])
      .where('articles.status', '=', 'published')
      .where('articles.comments_open', '=', 1)
      .orderBy('articles.comment_count', 'desc')
      .executeTakeFirstOrThrow();
    articlePath = `/${row.path}/${row.slug}/`;
    articleId = row.id;
    // Close comments on the day after the server's "now": N whole days after publication.
    const published = Date.parse(row.published_at!);
    const days = Math.floor((server.clock.now().getTime() - published) / DAY) + 1;
    closesAt = published + days * DAY;
    await saveSettings({ db: server.db, clock: server.clock, events: server.events }, { commentsCloseAfterDays: days });
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('pressing "Post comment" after the closing time: "Comments are closed", the words kept, no button, nothing stored', async () => {
    before();
    const page = await open();
    await page.getByLabel('Comment', { exact: true }).fill('Written while the thread was open.'); // the token is fetched on this first step
    await page.getByLabel('Name', { exact: true }).fill('Late Reader');
    await page.getByLabel('Email', { exact: true }).fill('late@example.net');
    after();
    await page.getByRole('button', { name: 'Post comment' }).click();
    await page.locator('#comments .comments-closed[role="status"]').waitFor();
    expect(await page.locator('#respond .comments-closed').innerText()).toBe('Comments on this article are closed.');
    expect(await page.getByLabel('Comment', { exact: true }).inputValue()).toBe('Written while the thread was open.');
    expect(await page.getByRole('button', { name: 'Post comment' }).isDisabled()).toBe(true);
    expect(await page.locator('a[data-reply-to]').count()).toBe(0);
    expect(await storedComments()).toBe(0);
    await page.close();
  });

  it('stepping into the form after the closing time: the form gives way to "Comments are closed."', async () => {
    before();
    const page = await open();
    const replies = await page.locator('a[data-reply-to]').count();
    after();
    await page.getByLabel('Comment', { exact: true }).click();
    await page.locator('#comments > .comments-closed[role="status"]').waitFor();
    expect(await page.locator('#comments > .comments-closed[role="status"]').innerText()).toBe('Comments are closed.');
    expect(await page.locator('form[data-comment-form]').count()).toBe(0);
    expect(await page.locator('a[data-reply-to]').count()).toBe(0);
    expect(replies, 'the article had replies to take away').toBeGreaterThan(0);

    // Loaded now, the page itself says so (its cached copy expired at the closing time).
    await page.reload();
    expect(await page.locator('#comments .comments-closed').innerText()).toBe('Comments are closed.');
    expect(await page.locator('form[data-comment-form]').count()).toBe(0);
    await page.close();
  });
});
