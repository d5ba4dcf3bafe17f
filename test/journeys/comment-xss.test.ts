/// <reference lib="dom" />
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM_ACTOR } from '../../src/accounts/index.js';
import { moderateComments, submitComment } from '../../src/comments/index.js';
import { launchChromium, skipBrowser } from '../browser.js';
import { RAISED_LIMITS } from '../comment-world.js';
import { type DemoServer, startDemoServer } from '../demo-server.js';
import { guardAgainstScripts } from '../page-checks.js';
import { BASE_PAYLOADS, XSS_PAYLOADS } from '../xss-payloads.js';

/*
 * Every payload of test/xss-payloads.ts (over 300) posted through the use case as a comment's
 * name, website and body, approved, and each article page holding them loaded once in
 * Chromium; 30 more through the real form. No script may run: the guard of test/page-checks.ts
 * hears any dialog and any call to its canary (alert, confirm, prompt, print replaced before
 * the page's scripts run). The payloads' text is shown, escaped, as typed.
 */
describe.skipIf(skipBrowser)('hostile comments in the browser', () => {
  let server: DemoServer;
  let browser: Browser;
  let articles: { id: string; path: string }[] = [];
  const PER_ARTICLE = 40;

  const guarded = async () => {
    const context = await browser.newContext({ javaScriptEnabled: true });
    const guard = await guardAgainstScripts(context);
    return { context, page: await context.newPage(), guard };
  };

  beforeAll(async () => {
    [server, browser] = await Promise.all([startDemoServer({ COMMENT_MIN_SECONDS: '0', COMMENT_LIMIT_PER_IP: '100000/600', COMMENT_LIMIT_PER_EMAIL: '100000/600' }), launchChromium()]);
    const rows = await server.db
      .selectFrom('articles')
      .innerJoin('topics', 'topics.id', 'articles.primary_topic_id')
      .select(['articles.id', 'articles.slug', 'topics.path'])
      .where('articles.status', '=', 'published')
      .where('articles.comments_open', '=', 1)
      .orderBy('articles.id')
      .execute();
    articles = rows.map((r) => ({ id: r.id, path: `/${r.path}/${r.slug}/` }));
    const deps = { db: server.db, clock: server.clock, events: server.events, hashKey: 'xss-test', limits: { ...RAISED_LIMITS, maxLinks: 1000, duplicateWindowSeconds: 0 } };
    const ids: string[] = [];
    for (const [i, payload] of XSS_PAYLOADS.entries()) {
      const article = articles[Math.floor(i / PER_ARTICLE) % articles.length]!;
      const input = { articleId: article.id, name: payload.slice(0, 80), email: `x${i}@example.net`, website: payload.slice(0, 200), body: payload, ip: '127.0.0.1' };
      let outcome = await submitComment(deps, input);
      // A payload that is no web address is refused as a website: posted again without one.
      if (outcome.kind === 'rejected' && outcome.errors.website) outcome = await submitComment(deps, { ...input, website: '' });
      if (outcome.kind === 'rejected' && outcome.errors.name) outcome = await submitComment(deps, { ...input, website: '', name: `Reader ${i}` });
      expect(outcome.kind, `payload ${i}: ${payload} ${JSON.stringify(outcome)}`).not.toBe('rejected');
      if (outcome.kind !== 'rejected') ids.push(outcome.comment.id);
    }
    await moderateComments({ db: server.db, clock: server.clock, events: server.events }, SYSTEM_ACTOR, ids, 'approve');
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it(`runs none of ${XSS_PAYLOADS.length} payloads on the article pages, and shows their text as typed`, async () => {
    expect(XSS_PAYLOADS.length).toBeGreaterThanOrEqual(300);
    const pages = Math.ceil(XSS_PAYLOADS.length / PER_ARTICLE);
    for (let n = 0; n < pages; n++) {
      const { context, page, guard } = await guarded();
      await page.goto(server.url + articles[n % articles.length]!.path, { waitUntil: 'load' });
      expect(guard.dialogs, articles[n]!.path).toEqual([]);
      expect(await guard.calls(page), articles[n]!.path).toEqual([]);
      // Nothing a commenter typed became an element with a handler or a script.
      const hostile = await page.evaluate(() => {
        const found: string[] = [];
        for (const el of Array.from(document.querySelectorAll('#comments *'))) {
          if (el.tagName === 'SCRIPT' && el.parentElement?.id === 'comments' && (el.getAttribute('src') ?? '').startsWith('/assets/comments.js?v=')) continue; // the site's own
          for (const attr of el.getAttributeNames()) if (/^on/i.test(attr) || (['href', 'src', 'action', 'formaction', 'xlink:href', 'srcset', 'poster', 'style'].includes(attr) && /javascript:|data:|expression\(/i.test(el.getAttribute(attr) ?? ''))) found.push(`${el.tagName} ${attr}`);
          if (['SCRIPT', 'IFRAME', 'OBJECT', 'EMBED', 'STYLE', 'FORM', 'IMG', 'SVG', 'MATH'].includes(el.tagName.toUpperCase()) && !el.closest('.comment-respond') && !el.classList.contains('comment-avatar') && !el.closest('.comment-avatar')) found.push(el.tagName);
        }
        return found;
      });
      expect(hostile).toEqual([]);
      await context.close();
    }
    // The text as typed: every base payload without the subset's markers is on its page, escaped.
    const { context, page } = await guarded();
    await page.goto(server.url + articles[0]!.path);
    const text = await page.locator('#comments').textContent();
    for (const payload of BASE_PAYLOADS.slice(0, 5).filter((p) => !/[*_`[\]]/.test(p))) expect(text).toContain(payload);
    await context.close();
  }, 180_000);

  it('runs none of 30 payloads posted through the real form either', async () => {
    const { context, page, guard } = await guarded();
    const article = articles.at(-1)!;
    await page.goto(server.url + article.path);
    for (const [i, payload] of XSS_PAYLOADS.filter((_, i) => i % 12 === 0).slice(0, 30).entries()) {
      await page.getByLabel('Comment', { exact: true }).fill(payload);
      await page.getByLabel('Name', { exact: true }).fill(`Form reader ${i}`);
      await page.getByLabel('Email', { exact: true }).fill(`form${i}@example.net`);
      const answered = page.waitForResponse((r) => r.url().endsWith('/comments/') && r.request().method() === 'POST');
      await page.getByRole('button', { name: 'Post comment' }).click();
      expect((await answered).status(), payload).toBe(201);
    }
    expect(guard.dialogs).toEqual([]);
    expect(await guard.calls(page)).toEqual([]);
    const held = await server.db.selectFrom('comments').select('id').where('article_id', '=', article.id).where('status', '=', 'pending').execute();
    expect(held.length).toBeGreaterThanOrEqual(30);
    await moderateComments({ db: server.db, clock: server.clock, events: server.events }, SYSTEM_ACTOR, held.map((c) => c.id), 'approve');
    await page.reload({ waitUntil: 'load' });
    expect(guard.dialogs).toEqual([]);
    expect(await guard.calls(page)).toEqual([]);
    await context.close();
  }, 120_000);
});
