/// <reference lib="dom" />
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, skipBrowser, skipVnu } from '../browser.js';
import { type DemoServer, startDemoServer } from '../demo-server.js';
import { nuHtmlErrors, seriousAxeViolations } from '../page-checks.js';

const SHOTS = path.resolve(import.meta.dirname, '../../test-results/screenshots');
const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1366, height: 900 };
/*
 * A reader's visit in a real browser, on the demo publication as `npm start` serves it:
 * home → topic → article → back through the breadcrumb. Screenshots land in
 * test-results/screenshots/ (ignored by git) for people to look at.
 */
describe.skipIf(skipBrowser)('a reader on the demo site', () => {
  let server: DemoServer;
  let browser: Browser;
  let articlePath = '';
  let topicPath = '';

  beforeAll(async () => {
    fs.mkdirSync(SHOTS, { recursive: true });
    [server, browser] = await Promise.all([startDemoServer(), launchChromium()]);
    // The most discussed long read: it has figures, quotes, a table of contents and a thread.
    const row = await server.db
      .selectFrom('articles')
      .innerJoin('topics', 'topics.id', 'articles.primary_topic_id')
      .select(['articles.slug', 'topics.path'])
      .where('articles.status', '=', 'published')
      .orderBy('articles.word_count', 'desc')
      .limit(1)
      .executeTakeFirstOrThrow();
    articlePath = `/${row.path}/${row.slug}/`;
    topicPath = `/${row.path}/`;
  }, 180_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  async function open(url: string, viewport = DESKTOP, colorScheme: 'light' | 'dark' = 'light'): Promise<Page> {
    const context = await browser.newContext({ viewport, colorScheme, javaScriptEnabled: false });
    const page = await context.newPage();
    const res = await page.goto(server.url + url);
    expect(res?.status(), url).toBe(200);
    return page;
  }

  it('walks home → topic → article and back through the breadcrumb', async () => {
    const page = await open('/');
    await page.screenshot({ path: path.join(SHOTS, 'home-desktop.png'), fullPage: true });
    const nav = page.getByRole('navigation', { name: /primary|topics|sections/i }).first();
    const firstTopic = nav.getByRole('link').first();
    const topicName = (await firstTopic.innerText()).trim();
    await firstTopic.click();
    await expect.poll(async () => (await page.locator('h1').innerText()).toLowerCase()).toContain(topicName.toLowerCase());
    await page.screenshot({ path: path.join(SHOTS, 'topic-desktop.png'), fullPage: true });

    const card = page.locator('main article :is(h2, h3) a[href]').first();
    const title = (await card.innerText()).trim();
    await card.click();
    await expect.poll(() => page.locator('h1').innerText()).toBe(title);
    const crumbs = page.getByRole('navigation', { name: /breadcrumb/i });
    await expect.poll(() => crumbs.getByRole('link').first().innerText()).toMatch(/home/i);
    // The article may be filed under this topic as a secondary one: its trail is its own.
    const crumb = crumbs.getByRole('link').nth(1);
    const crumbName = (await crumb.innerText()).trim().toLowerCase();
    await crumb.click();
    await expect.poll(async () => (await page.locator('h1').innerText()).toLowerCase()).toContain(crumbName);
  });

  it('shows an article whole: figures with captions and credits, related links, the thread and its count', async () => {
    const page = await open(articlePath);
    await page.screenshot({ path: path.join(SHOTS, 'article-desktop.png'), fullPage: true });
    const figures = page.locator('main figure:has(img)');
    expect(await figures.count()).toBeGreaterThan(1);
    const caption = figures.first().locator('figcaption');
    await expect.poll(() => caption.isVisible()).toBe(true);
    expect(await page.locator('main .credit').count()).toBeGreaterThan(0);
    expect(await page.locator('main blockquote').count()).toBeGreaterThan(0);
    const related = page.locator('section', { has: page.getByRole('heading', { name: /you may also like/i }) }).locator('a[href]');
    expect(await related.count()).toBeGreaterThanOrEqual(3);
    const commentsHeading = page.getByRole('heading', { name: /\d+ comments?/i });
    const shownCount = Number((await commentsHeading.innerText()).match(/\d+/)![0]);
    expect(shownCount).toBeGreaterThan(0);
    expect(await page.locator('#comments article, #comments li[id^="comment"], .comment').count()).toBeGreaterThanOrEqual(shownCount);
    // The forms are the header's search box and "Leave a Comment".
    expect(await page.locator('form').evaluateAll((forms) => forms.map((f) => f.getAttribute('action')))).toEqual(['/search', '/comments/']);
    // Structured data names the publisher with its logo, as search engines ask.
    const blocks = await page.locator('script[type="application/ld+json"]').allTextContents();
    const article = blocks.map((b) => JSON.parse(b)).find((d) => d['@type'] === 'NewsArticle');
    expect(article?.publisher?.logo?.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/media\//);
    expect((await fetch(article.publisher.logo.url)).status).toBe(200);
    // Images are real and loaded, with their intrinsic size.
    const firstImage = page.locator('main img').first();
    expect(await firstImage.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(true);
  });

  it('reads on a phone and in dark mode', async () => {
    for (const [name, url] of [['home', '/'], ['article', articlePath], ['topic', topicPath]] as const) {
      const phone = await open(url, PHONE);
      await phone.screenshot({ path: path.join(SHOTS, `${name}-phone.png`), fullPage: true });
      const overflow = await phone.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow, `${name} scrolls sideways on a phone`).toBeLessThanOrEqual(0);
    }
    const dark = await open(articlePath, DESKTOP, 'dark');
    await dark.screenshot({ path: path.join(SHOTS, 'article-dark.png') });
    const bg = await dark.evaluate(() => getComputedStyle(document.body).backgroundColor);
    expect(bg).not.toBe('rgb(255, 255, 255)');
  });

  it('has no serious or critical axe-core violations on home, topic and article', async () => {
    for (const url of ['/', topicPath, articlePath]) {
      for (const scheme of ['light', 'dark'] as const) {
        // bypassCSP lets the test inject axe; the site itself runs no script.
        const context = await browser.newContext({ viewport: DESKTOP, colorScheme: scheme, bypassCSP: true });
        const page = await context.newPage();
        await page.goto(server.url + url);
        expect(await seriousAxeViolations(page), `${url} in ${scheme}`).toEqual([]);
        await context.close();
      }
    }
  });

  it.skipIf(skipVnu)('passes the Nu HTML Checker without errors on home, topic and article', async () => {
    const documents: Record<string, string> = {};
    for (const [name, url] of [['home', '/'], ['topic', topicPath], ['article', articlePath]] as const) {
      documents[name] = await (await fetch(server.url + url)).text();
    }
    expect(await nuHtmlErrors(documents)).toEqual([]);
  }, 120_000);
});
