/// <reference lib="dom" />
import fs from 'node:fs';
import path from 'node:path';
import { findAll, getAttributeValue } from 'domutils';
import { parseDocument } from 'htmlparser2';
import type { Browser, Page } from 'playwright-core';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, skipBrowser } from '../browser.js';
import { type DemoServer, startDemoServer } from '../demo-server.js';

const SHOTS = path.resolve(import.meta.dirname, '../../test-results/screenshots');
const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1366, height: 900 };

/*
 * What a reader and a feed reader noticed on the demo publication (issue 5, part 7), each
 * checked as they would see it, in Chromium with scripts off, as the public site runs.
 * Screenshots: test-results/screenshots/notice-*.png.
 */
describe.skipIf(skipBrowser)('what a reader noticed, on the demo site', () => {
  let server: DemoServer;
  let browser: Browser;
  let longPath = '';
  let syndicated = { path: '', url: '', author: '', outlet: '' };
  let aliased = { path: '', aliases: [] as string[] };
  let plainPath = '';
  let biggestTopic = { path: '', count: 0 };

  beforeAll(async () => {
    fs.mkdirSync(SHOTS, { recursive: true });
    [server, browser] = await Promise.all([startDemoServer(), launchChromium()]);
    const articles = await server.db
      .selectFrom('articles')
      .innerJoin('topics', 'topics.id', 'articles.primary_topic_id')
      .select(['articles.slug', 'articles.word_count', 'articles.source_url', 'articles.source_author', 'articles.source_outlet', 'topics.path', 'topics.aliases'])
      .where('articles.status', '=', 'published')
      .orderBy('articles.word_count', 'desc')
      .execute();
    const pathOf = (a: (typeof articles)[number]) => `/${a.path}/${a.slug}/`;
    longPath = pathOf(articles[0]!);
    const s = articles.find((a) => a.source_url)!;
    syndicated = { path: pathOf(s), url: s.source_url!, author: s.source_author!, outlet: s.source_outlet! };
    const withAliases = articles.find((a) => JSON.parse(a.aliases).length > 0)!;
    aliased = { path: pathOf(withAliases), aliases: JSON.parse(withAliases.aliases) };
    plainPath = pathOf(articles.find((a) => JSON.parse(a.aliases).length === 0)!);
    const top = await server.db
      .selectFrom('list_counts')
      .innerJoin('topics', 'topics.id', 'list_counts.list_id')
      .select(['topics.path', 'list_counts.count'])
      .where('list_counts.list_kind', '=', 'topic')
      .orderBy('list_counts.count', 'desc')
      .executeTakeFirstOrThrow();
    biggestTopic = { path: `/${top.path}/`, count: Number(top.count) };
  }, 180_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  async function open(url: string, viewport = DESKTOP, blockMedia = false): Promise<Page> {
    const context = await browser.newContext({ viewport, javaScriptEnabled: false });
    if (blockMedia) await context.route('**/media/**', (route) => route.abort());
    const page = await context.newPage();
    const res = await page.goto(server.url + url);
    expect(res?.status(), url).toBe(200);
    return page;
  }

  it('"You may also like": images fill their column on desktop, and keep their box before they load', async () => {
    // Images never arrive here: the box must come from the markup and the stylesheet alone.
    const page = await open(syndicated.path, DESKTOP, true);
    const boxes = await page.locator('.related li').evaluateAll((items) =>
      items.map((li) => {
        const img = li.querySelector('img')!.getBoundingClientRect();
        return { column: li.getBoundingClientRect().width, width: img.width, height: img.height, loaded: li.querySelector('img')!.complete && li.querySelector('img')!.naturalWidth > 0 };
      }),
    );
    expect(boxes.length).toBeGreaterThanOrEqual(3);
    for (const box of boxes) {
      expect(box.loaded).toBe(false);
      expect(box.width).toBeCloseTo(box.column, 0);
      expect(box.height).toBeCloseTo((box.width * 2) / 3, 0);
    }
    const loaded = await open(syndicated.path);
    await loaded.locator('.related').screenshot({ path: path.join(SHOTS, 'notice-related-desktop.png') });
  });

  it('the phone navigation starts scrolled to the current section, without script', async () => {
    const page = await open(syndicated.path, PHONE);
    const nav = await page.locator('.primary-nav ul').evaluate((ul) => {
      const current = ul.querySelector('a[aria-current]')!.getBoundingClientRect();
      const box = ul.getBoundingClientRect();
      const item = ul.querySelector('li:has(> a[aria-current])') as HTMLElement;
      return { scrolls: ul.scrollWidth > ul.clientWidth, hiddenAtStart: item.offsetLeft + item.offsetWidth > ul.clientWidth, left: current.left, right: current.right, boxLeft: box.left, boxRight: box.right };
    });
    // The current section (Events, the last) would be out of sight with the list at its start.
    expect(nav.scrolls && nav.hiddenAtStart).toBe(true);
    expect(nav.left).toBeGreaterThanOrEqual(nav.boxLeft);
    expect(nav.right).toBeLessThanOrEqual(nav.boxRight);
    await page.locator('.site-header').screenshot({ path: path.join(SHOTS, 'notice-nav-phone.png') });
  });

  it('the breadcrumb sits on one baseline, and on a phone no line starts with "»"', async () => {
    const crumbs = async (page: Page) =>
      page.locator('.breadcrumb li').evaluateAll((items) =>
        items.map((li) => {
          const range = document.createRange();
          range.selectNodeContents(li);
          const lines = Array.from(range.getClientRects()).filter((r) => r.width > 0);
          return { top: li.getBoundingClientRect().top, left: li.getBoundingClientRect().left, textBottom: lines[0]!.bottom, before: getComputedStyle(li, '::before').content };
        }),
      );
    const desktop = await crumbs(await open(aliased.path));
    // Desktop: everything on one line, so every item's text shares one bottom edge.
    expect(new Set(desktop.map((c) => Math.round(c.top))).size).toBe(1);
    for (const c of desktop) expect(c.textBottom).toBeCloseTo(desktop[0]!.textBottom, 0);

    const phonePage = await open(aliased.path, PHONE);
    const phone = await crumbs(phonePage);
    const lineStarts = phone.filter((c, i) => i > 0 && c.top > phone[i - 1]!.top + 1);
    expect(lineStarts.length).toBeGreaterThan(0); // the trail does wrap here
    for (const c of lineStarts) expect(['none', 'normal']).toContain(c.before);
    const firstOnLine = await phonePage.locator('.breadcrumb li').evaluateAll((items) =>
      items.filter((li, i) => i > 0 && li.getBoundingClientRect().top > items[i - 1]!.getBoundingClientRect().top + 1).map((li) => (li as HTMLElement).innerText.trim()),
    );
    for (const text of firstOnLine) expect(text.startsWith('»')).toBe(false);
    await phonePage.locator('.article-header').screenshot({ path: path.join(SHOTS, 'notice-breadcrumb-tagline-phone.png') });
  });

  it('the tagline is the primary topic’s aliases, plain text; a topic without aliases has none', async () => {
    const page = await open(aliased.path);
    const tagline = page.locator('.article-header .tagline');
    expect(await tagline.innerText()).toBe(aliased.aliases.join(' · '));
    const style = await tagline.evaluate((el) => ({ transform: getComputedStyle(el).textTransform, links: el.querySelectorAll('a').length }));
    expect(style).toEqual({ transform: 'none', links: 0 });
    const plain = await open(plainPath);
    expect(await plain.locator('.tagline').count()).toBe(0);
  });

  it('card and byline metadata never leave a "·" at the end or start of a line', async () => {
    let wrapped = 0;
    for (const [url, viewport] of [['/', DESKTOP], ['/', PHONE], [biggestTopic.path, PHONE], [longPath, PHONE], [syndicated.path, PHONE]] as const) {
      const page = await open(url, viewport);
      const result = await page.locator('.card-meta, .byline-meta').evaluateAll((metas) => {
        const problems: string[] = [];
        let lineStarts = 0;
        // A card's title link covers the card (a stretched link); let points reach what is drawn under it.
        document.querySelectorAll<HTMLElement>('.card-title a').forEach((a) => (a.style.pointerEvents = 'none'));
        for (const meta of metas) {
          meta.scrollIntoView({ block: 'center', behavior: 'instant' }); // the site scrolls smoothly by default
          const items = Array.from(meta.children) as HTMLElement[];
          items.forEach((item, i) => {
            const box = item.getBoundingClientRect();
            const sep = parseFloat(getComputedStyle(item, '::before').width) || 0;
            if (sep === 0) return;
            // What the reader sees where the separator is drawn: the item itself, or something else.
            const hit = document.elementFromPoint(box.left + sep / 2, box.top + box.height / 2);
            const shown = hit !== null && (hit === item || item.contains(hit));
            const startsLine = i === 0 || box.top > items[i - 1]!.getBoundingClientRect().top + 1;
            if (startsLine && i > 0) lineStarts++;
            if (startsLine && shown) problems.push(`"·" starts a line before “${item.innerText}”`);
            if (!startsLine && !shown) problems.push(`no "·" between items before “${item.innerText}”`);
          });
          if (getComputedStyle(items.at(-1)!, '::after').content !== 'none') problems.push('a separator after the last item');
        }
        return { problems, lineStarts };
      });
      expect(result.problems, `${url} ${viewport.width}px`).toEqual([]);
      wrapped += result.lineStarts;
      if (url === '/' && viewport === DESKTOP) await page.locator('main .cards').first().screenshot({ path: path.join(SHOTS, 'notice-card-meta-desktop.png') });
    }
    expect(wrapped).toBeGreaterThan(0); // some metadata does wrap on these pages
  });

  it('long articles open with their first paragraphs, then the table of contents', async () => {
    const page = await open(longPath);
    const tops = await page.evaluate(() => ({
      leadParagraph: document.querySelector('main .prose p')!.getBoundingClientRect().top + scrollY,
      toc: document.querySelector('.toc')!.getBoundingClientRect().top + scrollY,
      firstHeading: document.querySelector('.prose h2')!.getBoundingClientRect().top + scrollY,
    }));
    expect(tops.leadParagraph).toBeLessThan(tops.toc);
    expect(tops.toc).toBeLessThan(tops.firstHeading);
    // Below the title, byline and featured picture, and nowhere near 1,700 px down.
    expect(tops.leadParagraph).toBeLessThan(1_400);
    await page.screenshot({ path: path.join(SHOTS, 'notice-long-article-desktop.png'), fullPage: true, clip: { x: 0, y: 0, width: DESKTOP.width, height: tops.toc + 400 } });
  });

  it('captions credit every picture in one style', async () => {
    const page = await open(longPath);
    const credits = await page.locator('main figcaption .credit').evaluateAll((els) =>
      els.map((el) => {
        const s = getComputedStyle(el);
        return { text: el.textContent ?? '', style: `${s.fontSize} ${s.textTransform} ${s.letterSpacing} ${s.color} ${s.fontWeight}` };
      }),
    );
    expect(credits.length).toBeGreaterThan(2);
    expect(new Set(credits.map((c) => c.style)).size).toBe(1);
    for (const c of credits) expect(c.text).toMatch(/^[^:]+ \/ [^:]+$/); // "Agency / Photographer", no "Photo:" on some only
  });

  it('the demo never shows the same picture twice in one list (home, topics, tags, authors, every page)', async () => {
    const media = await server.db.selectFrom('media').select(['file', 'caption']).execute();
    const captionOf = new Map(media.map((m) => [m.file, m.caption]));
    const topics = await server.db.selectFrom('topics').select('path').execute();
    const tags = await server.db.selectFrom('tags').select('slug').execute();
    const authors = await server.db.selectFrom('users').select('slug').execute();
    const pages = ['/', ...topics.map((t) => `/${t.path}/`), ...tags.map((t) => `/tag/${t.slug}/`), ...authors.map((a) => `/author/${a.slug}/`)];
    const looks = new Map<string, Promise<Buffer>>();
    const look = (src: string) => {
      if (!looks.has(src)) {
        looks.set(src, fetch(server.url + src).then(async (r) => sharp(Buffer.from(await r.arrayBuffer())).resize(16, 16, { fit: 'fill' }).removeAlpha().raw().toBuffer()));
      }
      return looks.get(src)!;
    };
    const repeats: string[] = [];
    let lists = 0;
    for (let i = 0; i < pages.length; i++) {
      const res = await fetch(server.url + pages[i]!);
      if (res.status === 404) continue; // a topic with nothing in it
      const doc = parseDocument(await res.text());
      const next = findAll((el) => el.name === 'a' && getAttributeValue(el, 'rel') === 'next', doc.children)[0];
      if (next) pages.push(getAttributeValue(next, 'href')!);
      for (const list of findAll((el) => el.name === 'ul' && (getAttributeValue(el, 'class') ?? '').split(' ').includes('cards'), doc.children)) {
        const srcs = findAll((el) => el.name === 'img', list.children).map((img) => getAttributeValue(img, 'src')!);
        lists++;
        for (let a = 0; a < srcs.length; a++) {
          for (let b = a + 1; b < srcs.length; b++) {
            const [x, y] = [srcs[a]!, srcs[b]!];
            // The same shot: one caption once its date is gone ("…, 3 April." and "…, 9 May.").
            const subject = (src: string) => (captionOf.get(src.replace('/media/', '')) ?? src).replace(/, \d{1,2} [A-Z][a-z]+\.$/, '');
            const [lx, ly] = await Promise.all([look(x), look(y)]);
            let diff = 0;
            for (let k = 0; k < lx.length; k++) diff += Math.abs(lx[k]! - ly[k]!);
            // Drawn alike: on average within 5 of 255 per channel, at 16 × 16 (two portraits were 4 and 5).
            const alike = diff / lx.length <= 5;
            if (x === y || subject(x) === subject(y) || alike) repeats.push(`${pages[i]}: “${subject(x)}” and “${subject(y)}”`);
          }
        }
      }
    }
    expect(lists).toBeGreaterThan(40);
    expect(repeats).toEqual([]);
  }, 120_000);

  it('a page past the last is a 404 linking to the last page; bad page values get the same answer; a long one wraps on a phone', async () => {
    const last = Math.ceil(biggestTopic.count / 12);
    expect(last).toBeGreaterThan(1);
    for (const value of [String(last + 1), '0', '-1', 'abc', '99999999']) {
      const res = await fetch(`${server.url}${biggestTopic.path}?page=${value}`);
      expect(res.status, value).toBe(404);
      expect(await res.text(), value).toContain(`href="${biggestTopic.path}?page=${last}"`);
    }
    const context = await browser.newContext({ viewport: PHONE, javaScriptEnabled: false });
    const page = await context.newPage();
    const res = await page.goto(`${server.url}${biggestTopic.path}?page=${'9'.repeat(20)}${'x'.repeat(180)}`);
    expect(res?.status()).toBe(404);
    expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
    await page.getByRole('link', { name: /last page/i }).click();
    await expect.poll(() => page.url()).toBe(`${server.url}${biggestTopic.path}?page=${last}`);
    await page.goBack();
    await page.screenshot({ path: path.join(SHOTS, 'notice-no-such-page-phone.png'), fullPage: true });
  });

  it('serves a favicon at /favicon.ico, and every public and admin page links icons that answer', async () => {
    const ico = await fetch(`${server.url}/favicon.ico`);
    expect(ico.status).toBe(200);
    expect(ico.headers.get('content-type')).toBe('image/x-icon');
    expect([...new Uint8Array(await ico.arrayBuffer()).slice(0, 4)]).toEqual([0, 0, 1, 0]);
    for (const url of ['/', syndicated.path, '/admin/login']) {
      const context = await browser.newContext({ viewport: DESKTOP, javaScriptEnabled: false });
      const page = await context.newPage();
      const missing: string[] = [];
      page.on('response', (r) => {
        if (r.status() === 404) missing.push(r.url());
      });
      await page.goto(server.url + url);
      const icons = await page.locator('link[rel="icon"]').evaluateAll((links) => links.map((l) => (l as HTMLLinkElement).href));
      expect(icons.length, url).toBeGreaterThanOrEqual(2);
      for (const icon of icons) expect((await fetch(icon)).status, icon).toBe(200);
      expect(missing, url).toEqual([]);
      await context.close();
    }
  });

  it('credits a syndicated piece once, clearly, and names the original in its metadata', async () => {
    const page = await open(syndicated.path);
    const main = await page.locator('main').innerText();
    expect(main.split(syndicated.author)).toHaveLength(2);
    expect(await page.locator(`main a[href="${syndicated.url}"]`).count()).toBe(1);
    const credit = await page.locator('.byline-syndicated').innerText();
    expect(credit).toContain(syndicated.author);
    expect(credit).toContain(syndicated.outlet);
    expect(await page.locator('.byline-syndicated a').getAttribute('href')).toBe(syndicated.url);
    expect(main).not.toMatch(/republished with permission|Originally published by/i);
    expect(await page.locator('link[rel="canonical"]').getAttribute('href')).toBe(syndicated.url);
    const blocks = await page.locator('script[type="application/ld+json"]').allTextContents();
    const article = blocks.map((b) => JSON.parse(b)).find((d) => d['@type'] === 'NewsArticle');
    expect(article.author).toEqual([{ '@type': 'Person', name: syndicated.author }]);
    expect(article.isBasedOn).toBe(syndicated.url);
    await page.locator('.article-header').screenshot({ path: path.join(SHOTS, 'notice-syndicated-desktop.png') });
  });
});
