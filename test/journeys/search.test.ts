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
 * A reader searching the demo publication in a real browser, as `npm start` serves it: an
 * alias typed into the header box, its suggestions (keyboard and pointer), the results page
 * with the topic card and marked passages, a topic filter, a result followed to its article;
 * the same box without script; the results page checked by axe and the Nu HTML Checker.
 * Screenshots land in test-results/screenshots/search-*.png.
 */
describe.skipIf(skipBrowser)('a reader searching the demo site', () => {
  let server: DemoServer;
  let browser: Browser;

  beforeAll(async () => {
    fs.mkdirSync(SHOTS, { recursive: true });
    [server, browser] = await Promise.all([startDemoServer(), launchChromium()]);
  }, 180_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  async function open(url: string, options: { viewport?: typeof DESKTOP; javaScriptEnabled?: boolean } = {}): Promise<Page> {
    const context = await browser.newContext({ viewport: options.viewport ?? DESKTOP, javaScriptEnabled: options.javaScriptEnabled ?? true });
    const page = await context.newPage();
    const res = await page.goto(server.url + url);
    expect(res?.status(), url).toBe(200);
    return page;
  }
  const box = (page: Page) => page.getByRole('combobox', { name: 'Search the site' });
  const options = (page: Page) => page.locator('#site-search-q-suggestions [role="option"]');

  it('suggests the topic an alias names as it is typed, and searches it: topic card, marked passages, a topic filter, an article', async () => {
    const page = await open('/');
    await page.screenshot({ path: path.join(SHOTS, 'search-header-desktop.png') });
    const mainTop = await page.locator('main').evaluate((el) => el.getBoundingClientRect().top);

    await box(page).click();
    await page.keyboard.type('T.F.M.', { delay: 40 });
    await expect.poll(() => options(page).count()).toBeGreaterThan(0);
    expect(await box(page).getAttribute('aria-expanded')).toBe('true');
    const first = options(page).first();
    expect(await first.locator('.site-search-label').innerText()).toBe('Tolvane Freedom Movement');
    expect(await first.locator('.site-search-detail').innerText()).toBe('Topic, also called TFM');
    expect(await options(page).count()).toBeLessThanOrEqual(8);
    // The list floats over the page: nothing below it moved.
    expect(await page.locator('main').evaluate((el) => el.getBoundingClientRect().top)).toBe(mainTop);
    await page.screenshot({ path: path.join(SHOTS, 'search-suggestions-desktop.png') });

    // Arrows choose, Escape closes, Enter with nothing chosen searches what was typed.
    await page.keyboard.press('ArrowDown');
    expect(await first.getAttribute('aria-selected')).toBe('true');
    expect(await box(page).getAttribute('aria-activedescendant')).toBe(await first.getAttribute('id'));
    await page.keyboard.press('ArrowUp');
    expect(await box(page).getAttribute('aria-activedescendant')).toBeNull();
    await page.keyboard.press('Escape');
    expect(await box(page).getAttribute('aria-expanded')).toBe('false');
    expect(await page.locator('#site-search-q-suggestions').isHidden()).toBe(true);
    await Promise.all([page.waitForURL(/\/search\?q=T\.F\.M\./), page.keyboard.press('Enter')]);

    // The results open with the topic's card; the passages mark what matched.
    const card = page.locator('.topic-card');
    expect(await card.count()).toBe(1);
    expect(await card.locator('h3').innerText()).toBe('Tolvane Freedom Movement');
    expect(await card.locator('.tagline').innerText()).toContain('TFM');
    expect(await page.locator('.search-hit-snippet mark').count()).toBeGreaterThan(0);
    const allCount = await page.locator('.list-count').innerText();
    expect(allCount).toMatch(/^\d+ results? for “T\.F\.M\.”/);
    await page.screenshot({ path: path.join(SHOTS, 'search-results-desktop.png'), fullPage: true });

    // Narrow to a topic with the form's filter.
    const topic = await server.db.selectFrom('topics').select(['id', 'name']).where('slug', '=', 'tolvane').executeTakeFirstOrThrow();
    await page.locator('.search-filters summary').click();
    await page.locator('#search-topic').selectOption(topic.id);
    await Promise.all([page.waitForURL(new RegExp(`topic=${topic.id}`)), page.locator('.search-form button[type="submit"]').click()]);
    expect(await page.locator('#search-topic').inputValue()).toBe(topic.id);
    const narrowed = Number((await page.locator('.list-count').innerText()).match(/^\d+/)![0]);
    expect(narrowed).toBeGreaterThan(0);
    expect(narrowed).toBeLessThanOrEqual(Number(allCount.match(/^\d+/)![0]));
    await page.screenshot({ path: path.join(SHOTS, 'search-filtered-desktop.png'), fullPage: true });

    // Follow a result to its article.
    const hit = page.locator('.search-hit-title a').first();
    const title = (await hit.innerText()).trim();
    await Promise.all([page.waitForURL((url) => !url.pathname.startsWith('/search')), hit.click()]);
    expect((await page.locator('h1').innerText()).trim()).toBe(title);
  });

  it('opens a suggestion with Enter or a click, and fits a phone', async () => {
    const page = await open('/', { viewport: PHONE });
    await page.screenshot({ path: path.join(SHOTS, 'search-header-phone.png') });
    await box(page).click();
    await page.keyboard.type('SHB', { delay: 40 });
    await expect.poll(() => options(page).count()).toBeGreaterThan(0);
    expect(await options(page).first().locator('.site-search-label').innerText()).toBe('Harbour Brigades');
    await page.screenshot({ path: path.join(SHOTS, 'search-suggestions-phone.png') });
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await page.keyboard.press('ArrowDown');
    await Promise.all([page.waitForURL(/\/organizations\/armed-groups\/harbour-brigades\/$/), page.keyboard.press('Enter')]);
    expect(await page.locator('h1').innerText()).toBe('Harbour Brigades');

    // An article title, by pointer, typed in part.
    await box(page).click();
    await page.keyboard.type('ceasefi', { delay: 40 });
    const article = page.locator('#site-search-q-suggestions .is-article').first();
    await expect.poll(() => article.count()).toBe(1);
    const label = await article.locator('.site-search-label').innerText();
    await Promise.all([page.waitForURL((url) => url.pathname !== '/organizations/armed-groups/harbour-brigades/'), article.click()]);
    expect(await page.locator('h1').innerText()).toBe(label);

    const results = await open('/search?q=SHB', { viewport: PHONE });
    await results.screenshot({ path: path.join(SHOTS, 'search-results-phone.png'), fullPage: true });
    expect(await results.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
  });

  it('searches without script: the header box is a plain form', async () => {
    const page = await open('/', { javaScriptEnabled: false });
    await page.locator('#site-search-q').fill('Harbour Brigades');
    await Promise.all([page.waitForURL(/\/search\?q=Harbour\+Brigades$/), page.locator('#site-search-q').press('Enter')]);
    expect(await page.locator('.topic-card h3').innerText()).toBe('Harbour Brigades');
    expect(await page.locator('.search-hit').count()).toBeGreaterThan(0);
  });

  it('has no serious or critical axe-core violations on the results, empty and no-result pages, light and dark, suggestions open', async () => {
    for (const url of ['/search?q=TFM', '/search', '/search?q=xylophonist', '/search?q=CBC']) {
      for (const scheme of ['light', 'dark'] as const) {
        // bypassCSP lets the test inject axe.
        const context = await browser.newContext({ viewport: DESKTOP, colorScheme: scheme, bypassCSP: true });
        const page = await context.newPage();
        await page.goto(server.url + url);
        expect(await seriousAxeViolations(page), `${url} in ${scheme}`).toEqual([]);
        if (url === '/search?q=TFM') {
          await box(page).click();
          await page.keyboard.type('tolv', { delay: 30 });
          await expect.poll(() => options(page).count()).toBeGreaterThan(0);
          await page.keyboard.press('ArrowDown');
          expect(await seriousAxeViolations(page), `${url} in ${scheme}, suggestions open`).toEqual([]);
          if (scheme === 'dark') await page.screenshot({ path: path.join(SHOTS, 'search-results-dark.png') });
        }
        await context.close();
      }
    }
  });

  it.skipIf(skipVnu)('passes the Nu HTML Checker on the results, empty, no-result, did-you-mean and narrowed pages', async () => {
    const topic = await server.db.selectFrom('topics').select('id').where('slug', '=', 'calvane-basin-council').executeTakeFirstOrThrow();
    const documents: Record<string, string> = {};
    for (const [name, url] of [
      ['results', '/search?q=TFM'],
      ['empty', '/search'],
      ['none', '/search?q=xylophonist'],
      ['misspelt', '/search?q=cesefire'],
      ['narrowed', `/search?q=CBC&topic=${topic.id}&sort=date`],
      ['odd', `/search?q=${encodeURIComponent('"\u0000<b>x')}&from=2026-02-30`],
    ] as const) {
      documents[name] = await (await fetch(server.url + url)).text();
    }
    expect(documents.misspelt).toContain('Did you mean');
    expect(await nuHtmlErrors(documents)).toEqual([]);
  }, 120_000);
});
