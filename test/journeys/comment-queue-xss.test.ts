/// <reference lib="dom" />
import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser } from '../../src/accounts/index.js';
import { COMMENT_NAME_MAX, type CommentDeps, DEFAULT_COMMENT_LIMITS, QUEUE_PER_PAGE, submitComment } from '../../src/comments/index.js';
import { fixedClock } from '../../src/shared/clock.js';
import type { DomainEvent } from '../../src/shared/domain-events.js';
import { EventBus } from '../../src/shared/events.js';
import { launchChromium, signInOnPage, skipBrowser } from '../browser.js';
import { type DemoServer, startDemoServer } from '../demo-server.js';
import { guardAgainstScripts } from '../page-checks.js';
import { XSS_PAYLOADS } from '../xss-payloads.js';

const EMAIL = 'xss-admin@example.org';
const PASSWORD = 'correct horse battery';

/** The only elements a comment's body may hold, as the renderer and its sanitizer allow them. */
const BODY_TAGS = new Set(['P', 'BR', 'EM', 'STRONG', 'CODE', 'BLOCKQUOTE', 'A']);

/*
 * Every hostile payload of test/xss-payloads.ts, typed as a commenter's name, website and
 * comment through the real use case, then shown to an administrator in the moderation queue
 * in Chromium, with the page's CSP bypassed so that only escaping and sanitizing stand in
 * the way: no dialog opens, no payload reaches the canary (the guard of test/page-checks.ts),
 * names are shown as the text typed, bodies hold only the renderer's few tags, and every
 * link is http(s).
 */
describe.skipIf(skipBrowser)('hostile comments in the moderation queue', () => {
  let server: DemoServer;
  let browser: Browser;
  let storageState: Awaited<ReturnType<BrowserContext['storageState']>>;
  const names = new Map<string, string>();
  let websites = 0;
  let ipHash = '';

  beforeAll(async () => {
    [server, browser] = await Promise.all([startDemoServer(), launchChromium()]);
    const clock = fixedClock('2026-11-20T12:00:00.000Z');
    const limits = { ...DEFAULT_COMMENT_LIMITS, maxLinks: 1000, perIp: { limit: 100_000, windowSeconds: 60 }, perEmail: { limit: 100_000, windowSeconds: 60 } };
    const deps: CommentDeps = { db: server.db, clock, events: new EventBus<DomainEvent>(), hashKey: 'xss', limits };
    await createUser(deps, { email: EMAIL, name: 'Xss Admin', role: 'administrator', password: PASSWORD });
    const article = await server.db.selectFrom('articles').select('id').where('status', '=', 'published').limit(1).executeTakeFirstOrThrow();
    for (const [i, payload] of XSS_PAYLOADS.entries()) {
      const base = { articleId: article.id, name: payload.slice(0, COMMENT_NAME_MAX), email: `xss${i}@example.org`, body: payload, ip: '192.0.2.7' };
      // A payload as a website is refused, or kept as an encoded http(s) address; refused ones post without one.
      let outcome = await submitComment(deps, { ...base, website: payload });
      if (outcome.kind === 'rejected' && outcome.errors.website) outcome = await submitComment(deps, { ...base, website: '' });
      else websites++;
      if (outcome.kind === 'rejected') throw new Error(`payload ${i} refused: ${JSON.stringify(outcome.errors)}`);
      names.set(outcome.comment.id, outcome.comment.authorName);
      ipHash = outcome.comment.ipHash;
    }
    const context = await browser.newContext();
    const page = await context.newPage();
    await signInOnPage(page, server.url, EMAIL, PASSWORD);
    storageState = await context.storageState();
    await context.close();
  }, 300_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('runs no script and shows every payload as text, on every page of the queue', async () => {
    expect(names.size).toBe(XSS_PAYLOADS.length);
    expect(XSS_PAYLOADS.length).toBeGreaterThanOrEqual(300);
    const context = await browser.newContext({ storageState, bypassCSP: true });
    const guard = await guardAgainstScripts(context);
    const page = await context.newPage();
    const pageCount = Math.ceil(names.size / QUEUE_PER_PAGE);
    const seen = new Set<string>();
    for (let n = 1; n <= pageCount; n++) {
      // Every status (the spam filter may have taken some), narrowed to the payloads' IP hash.
      const res = await page.goto(`${server.url}/admin/comments/?status=all&ip=${ipHash}&page=${n}`, { waitUntil: 'load' });
      expect(res?.status()).toBe(200);
      const report = await page.evaluate((allowed) => {
        const problems: string[] = [];
        const rows = Array.from(document.querySelectorAll('.queue-item'));
        const ids: { id: string; name: string }[] = [];
        for (const row of rows) {
          const id = (row.querySelector('input[name="ids"]') as HTMLInputElement).value;
          const heading = row.querySelector('.queue-author')!;
          // The name is text: one text node, no element inside the heading but the staff badge.
          if (heading.querySelector(':not(.admin-badge)')) problems.push(`${id}: an element inside the name`);
          ids.push({ id, name: heading.firstChild?.textContent ?? '' });
          for (const el of Array.from(row.querySelectorAll('.queue-body *'))) {
            if (!allowed.includes(el.tagName)) problems.push(`${id}: <${el.tagName.toLowerCase()}> in the body`);
            for (const attr of Array.from(el.attributes)) {
              const isLinkAttr = el.tagName === 'A' && ['href', 'rel'].includes(attr.name);
              if (!isLinkAttr) problems.push(`${id}: ${attr.name}= on <${el.tagName.toLowerCase()}>`);
            }
          }
          for (const a of Array.from(row.querySelectorAll('a'))) {
            const href = a.getAttribute('href') ?? '';
            if (!/^(https?:\/\/|\/|#)/i.test(href)) problems.push(`${id}: a link to ${href}`);
          }
          for (const el of Array.from(row.querySelectorAll('*'))) {
            for (const attr of Array.from(el.attributes)) if (/^on/i.test(attr.name)) problems.push(`${id}: ${attr.name}= on <${el.tagName.toLowerCase()}>`);
          }
        }
        return { problems, ids, scripts: document.querySelectorAll('script').length };
      }, [...BODY_TAGS]);
      expect(report.problems, `page ${n}`).toEqual([]);
      expect(await guard.calls(page), `page ${n}: calls reaching the canary`).toEqual([]);
      expect(report.scripts, `page ${n}: script elements`).toBe(0);
      for (const { id, name } of report.ids) {
        expect(name, id).toBe(names.get(id));
        seen.add(id);
      }
    }
    expect(guard.dialogs).toEqual([]);
    expect(seen.size).toBe(names.size);
    // Some payloads are kept as websites (encoded into an http(s) address): those links were checked above.
    expect(websites).toBeGreaterThan(0);
    await context.close();
  }, 300_000);
});
