/// <reference lib="dom" />
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM_ACTOR } from '../../src/accounts/index.js';
import { moderateComments } from '../../src/comments/index.js';
import { launchChromium, skipBrowser } from '../browser.js';
import { type DemoServer, startDemoServer } from '../demo-server.js';

const SHOTS = path.resolve(import.meta.dirname, '../../test-results/screenshots');

/*
 * A reader leaves a comment and a reply on the demo site, in Chromium, with the page
 * script and without it, as the journeys say; a moderator's approval (through the
 * rules here: the queue's own journey is the moderation area's) puts it in everyone's
 * thread. The demo server's clock is fixed, so the too-fast rule is set to 0 s here; the
 * route tests check it with a moving clock.
 */
describe.skipIf(skipBrowser)('leaving a comment in the browser', () => {
  let server: DemoServer;
  let browser: Browser;
  let articlePath = '';
  const approveAll = async () => {
    const held = await server.db.selectFrom('comments').select('id').where('status', '=', 'pending').execute();
    await moderateComments({ db: server.db, clock: server.clock, events: server.events }, SYSTEM_ACTOR, held.map((c) => c.id), 'approve');
  };
  const reader = (javaScriptEnabled: boolean): Promise<BrowserContext> => browser.newContext({ javaScriptEnabled, viewport: { width: 1200, height: 900 }, locale: 'en-GB' });
  const fill = async (page: Page, name: string, body: string) => {
    await page.getByLabel('Comment', { exact: true }).fill(body);
    await page.getByLabel('Name', { exact: true }).fill(name);
    await page.getByLabel('Email', { exact: true }).fill(`${name.split(' ')[0]!.toLowerCase()}@example.net`);
  };
  const thread = (page: Page) => page.locator('#comments').innerText();

  beforeAll(async () => {
    fs.mkdirSync(SHOTS, { recursive: true });
    [server, browser] = await Promise.all([startDemoServer({ COMMENT_MIN_SECONDS: '0', COMMENT_LIMIT_PER_IP: '1000/600' }), launchChromium()]);
    const row = await server.db
      .selectFrom('articles')
      .innerJoin('topics', 'topics.id', 'articles.primary_topic_id')
      .select(['articles.slug', 'topics.path'])
      .where('articles.status', '=', 'published')
      .where('articles.comments_open', '=', 1)
      .orderBy('articles.published_at', 'desc')
      .executeTakeFirstOrThrow();
    articlePath = `/${row.path}/${row.slug}/`;
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('without the script: confirm once, land on the article with the held comment shown to its author alone', async () => {
    const context = await reader(false);
    const page = await context.newPage();
    await page.goto(server.url + articlePath);
    await fill(page, 'Rosa Amari', 'No script here, and the *figures* still matter.');
    await page.getByRole('button', { name: 'Post comment' }).click();
    await page.waitForURL(/\/comments\/$/);
    expect(await page.locator('.comment-form-message').innerText()).toContain('Almost there');
    expect(await page.getByLabel('Comment', { exact: true }).inputValue()).toBe('No script here, and the *figures* still matter.');
    expect(await page.getByLabel('Name', { exact: true }).inputValue()).toBe('Rosa Amari');
    await page.getByRole('button', { name: 'Post comment' }).click();
    await page.waitForURL(`${server.url}${articlePath}#comments`);
    expect(await thread(page)).toContain('Your comment is awaiting moderation');
    expect(await page.locator('.comment-preview em').innerText()).toBe('figures');
    await page.locator('#comments').screenshot({ path: path.join(SHOTS, 'comment-held-no-script.png') });

    const stranger = await (await reader(false)).newPage();
    await stranger.goto(server.url + articlePath);
    expect(await thread(stranger)).not.toContain('No script here');
    await stranger.context().close();
    await context.close();
  });

  it('with the script: posts inline without a reload, then a reply opens under the comment it answers', async () => {
    await approveAll();
    const context = await reader(true);
    const page = await context.newPage();
    await page.goto(server.url + articlePath);
    await page.evaluate(() => ((window as unknown as { stayed: boolean }).stayed = true));
    await fill(page, 'Ivo Brandt', 'Inline, with the script: the port deal needs a second look.');
    await page.getByRole('button', { name: 'Post comment' }).click();
    await page.locator('.comment-notice-held').waitFor();
    expect(await page.evaluate(() => (window as unknown as { stayed?: boolean }).stayed), 'no page load').toBe(true);
    expect(await page.locator('.comment-preview').innerText()).toContain('the port deal needs a second look');
    expect(await page.getByLabel('Comment', { exact: true }).inputValue()).toBe('');

    // Rosa's comment (approved above) takes a reply in place.
    const rosa = page.locator('article.comment', { hasText: 'No script here' });
    await rosa.getByRole('link', { name: /Reply/ }).click();
    expect(await page.locator('#respond-title').textContent()).toBe('Reply to Rosa Amari');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('comment-body');
    await page.getByLabel('Comment', { exact: true }).fill('Replying inline to Rosa.');
    await page.getByRole('button', { name: 'Post comment' }).click();
    await page.locator('.comment-preview', { hasText: 'Replying inline to Rosa.' }).waitFor();
    await page.locator('#comments').screenshot({ path: path.join(SHOTS, 'comment-reply-inline.png') });

    await approveAll();
    await page.reload();
    const reply = page.locator('li.comment-item', { hasText: 'No script here' }).locator('.comment-replies article.comment', { hasText: 'Replying inline to Rosa.' });
    expect(await reply.count()).toBe(1);
    // The form remembers nothing unless asked; asked, it fills the next visit's form.
    expect(await page.getByLabel('Name', { exact: true }).inputValue()).toBe('');
    await context.close();
  });

  it('without the script, a reply has a page of its own and comes back to the article', async () => {
    const context = await reader(false);
    const page = await context.newPage();
    await page.goto(server.url + articlePath);
    await page.locator('article.comment', { hasText: 'Inline, with the script' }).getByRole('link', { name: /Reply/ }).click();
    await page.waitForURL(/\/comments\/reply\/[0-9a-z]+\/$/);
    expect(await page.locator('#respond-title').textContent()).toBe('Reply to Ivo Brandt');
    await fill(page, 'Tom Weller', 'A reply typed without any script.');
    await page.getByLabel(/Remember my name/).check();
    await page.getByRole('button', { name: 'Post comment' }).click();
    await page.waitForURL(`${server.url}${articlePath}#comments`);
    expect(await page.locator('.comment-preview').innerText()).toContain('A reply typed without any script.');
    const remembered = (await context.cookies()).filter((c) => c.name === 'dossier_commenter');
    await context.close();

    // Remembered: the cached page's form is filled in by the page script from the reader's own cookie.
    const again = await reader(true);
    await again.addCookies(remembered);
    const next = await again.newPage();
    await next.goto(server.url + articlePath);
    await expect.poll(() => next.getByLabel('Name', { exact: true }).inputValue()).toBe('Tom Weller');
    expect(await next.getByLabel('Email', { exact: true }).inputValue()).toBe('tom@example.net');
    expect(await next.content(), 'nothing personal in the page itself').not.toContain('tom@example.net');
    await again.close();
  });
});
