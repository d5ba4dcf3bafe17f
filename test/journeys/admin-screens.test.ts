/// <reference lib="dom" />
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser, SYSTEM_ACTOR } from '../../src/accounts/index.js';
import { addBlock, type CommentDeps, DEFAULT_COMMENT_LIMITS, submitComment } from '../../src/comments/index.js';
import { fixedClock } from '../../src/shared/clock.js';
import type { DomainEvent } from '../../src/shared/domain-events.js';
import { EventBus } from '../../src/shared/events.js';
import { launchChromium, signInOnPage, skipBrowser, skipVnu } from '../browser.js';
import { type DemoServer, startDemoServer } from '../demo-server.js';
import { nuHtmlErrors, seriousAxeViolations } from '../page-checks.js';

const SHOTS = path.resolve(import.meta.dirname, '../../test-results/screenshots');
const DESKTOP = { width: 1366, height: 900 };
const PHONE = { width: 390, height: 844 };
const EMAIL = 'screens-admin@example.org';
const PASSWORD = 'correct horse battery';

/** The admin's main screens, by name: each is checked signed in, in light and dark. */
const SCREENS: Record<string, string> = {
  dashboard: '/admin/',
  articles: '/admin/articles/',
  media: '/admin/media/',
  topics: '/admin/topics/',
  tags: '/admin/tags/',
  pages: '/admin/pages/',
  redirects: '/admin/redirects/',
  users: '/admin/users/',
  profile: '/admin/profile/',
  settings: '/admin/settings/',
  commentSettings: '/admin/settings/comments',
  comments: '/admin/comments/',
  commentsSpam: '/admin/comments/?status=spam',
  commentBlocks: '/admin/comments/blocks',
  commentPrivacy: '/admin/comments/privacy',
};

/**
 * Comments for the queue's screens: held ones (a first comment from each email) with
 * formatting, a long unbroken address and a reply-worthy question, and one sent to spam by
 * the block list. Returns the id of one held comment, for its edit screen.
 */
async function holdComments(base: Omit<CommentDeps, 'hashKey' | 'limits'>, articleId: string): Promise<string> {
  const deps: CommentDeps = { ...base, hashKey: 'screens', limits: { ...DEFAULT_COMMENT_LIMITS, perIp: { limit: 1000, windowSeconds: 60 }, perEmail: { limit: 1000, windowSeconds: 60 } } };
  await addBlock(deps, SYSTEM_ACTOR, { kind: 'word', value: 'miracle cure', note: 'a campaign seen on other sites' });
  const post = async (name: string, email: string, body: string, website = '') => {
    const outcome = await submitComment(deps, { articleId, name, email, website, body, ip: `192.0.2.${email.length}` });
    if (outcome.kind === 'rejected') throw new Error(JSON.stringify(outcome.errors));
    return outcome.comment.id;
  };
  const first = await post('Hanna Voss', 'hanna.voss@example.org', 'The **berth allocation** is the point nobody makes.\n\n> Customs, patrols and the schedule\n\nWho decides the schedule?', 'https://hanna.example.net/notes');
  await post('Tomas Reyes', 'tomas@example.org', 'See https://example.org/a/very/long/address/that/does/not/break/anywhere/on/a/narrow/phone/screen/at-all for the figures.');
  await post('Promo Desk', 'promo@example.org', 'A miracle cure for every ailment, order today.');
  return first;
}

/*
 * An administrator signs in through the real form in Chromium, then every main admin screen
 * is checked as they see it: axe in light and dark, the Nu HTML Checker, screenshots on a
 * desktop and a phone (test-results/screenshots/admin-*.png) for people to look at.
 */
describe.skipIf(skipBrowser)('the admin screens, signed in', () => {
  let server: DemoServer;
  let browser: Browser;
  let storageState: Awaited<ReturnType<BrowserContext['storageState']>>;

  beforeAll(async () => {
    fs.mkdirSync(SHOTS, { recursive: true });
    [server, browser] = await Promise.all([startDemoServer(), launchChromium()]);
    const deps = { db: server.db, clock: fixedClock('2026-11-20T12:00:00.000Z'), events: new EventBus<DomainEvent>() };
    await createUser(deps, { email: EMAIL, name: 'Screens Admin', role: 'administrator', password: PASSWORD });
    const context = await browser.newContext({ viewport: DESKTOP });
    const page = await context.newPage();
    await signInOnPage(page, server.url, EMAIL, PASSWORD);
    storageState = await context.storageState();
    // The editor, on the demo's longest article (figures, quotes, headings).
    const longest = await server.db.selectFrom('articles').select('id').orderBy('word_count', 'desc').limit(1).executeTakeFirstOrThrow();
    SCREENS.editor = `/admin/articles/${longest.id}/edit`;
    SCREENS.commentEdit = `/admin/comments/${await holdComments(deps, longest.id)}/edit`;
    await context.close();
  }, 180_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('shows each screen with the navigation, and the sign-in took the user to the dashboard', async () => {
    for (const [name, url] of Object.entries(SCREENS)) {
      for (const [device, viewport] of [['desktop', DESKTOP], ['phone', PHONE]] as const) {
        const context = await browser.newContext({ viewport, storageState });
        const page = await context.newPage();
        const res = await page.goto(server.url + url, { waitUntil: 'networkidle' });
        expect(res?.status(), url).toBe(200);
        await expect(page.getByRole('navigation', { name: 'Admin' }).getByRole('link', { name: 'Dashboard' }).isVisible()).resolves.toBe(true);
        await page.screenshot({ path: path.join(SHOTS, `admin-${name}-${device}.png`) });
        // Every image on the first screen has loaded and has pixels.
        const broken = await page.evaluate(() =>
          Array.from(document.images).filter((img) => img.getBoundingClientRect().top < innerHeight && (!img.complete || img.naturalWidth === 0)).map((img) => img.src),
        );
        expect(broken, `${url} on ${device}`).toEqual([]);
        // Nothing may stick out sideways on a phone.
        const wide = await page.evaluate(() => {
          const width = document.documentElement.clientWidth;
          if (document.documentElement.scrollWidth <= width) return [];
          const named = Array.from(document.querySelectorAll('body *'))
            .filter((el) => el.getBoundingClientRect().right > width + 1 && !el.closest('.admin-nav, .admin-table'))
            .slice(0, 5)
            .map((el) => `${el.tagName.toLowerCase()}.${el.className} (${Math.round(el.getBoundingClientRect().right)} px)`);
          // The page scrolls sideways even when the culprit sits inside a scrolling part (an absolutely placed child escapes it).
          return named.length > 0 ? named : [`the document, ${document.documentElement.scrollWidth} px wide`];
        });
        expect(wide, `${url} on ${device}: what sticks out sideways`).toEqual([]);
        await context.close();
      }
    }
  }, 180_000);

  it('has no serious or critical axe-core violations on any main screen, in light and dark', async () => {
    for (const [name, url] of Object.entries(SCREENS)) {
      for (const colorScheme of ['light', 'dark'] as const) {
        const context = await browser.newContext({ viewport: DESKTOP, colorScheme, bypassCSP: true, storageState });
        const page = await context.newPage();
        await page.goto(server.url + url);
        expect(await seriousAxeViolations(page), `${name} in ${colorScheme}`).toEqual([]);
        if (colorScheme === 'dark') await page.screenshot({ path: path.join(SHOTS, `admin-${name}-dark.png`) });
        await context.close();
      }
    }
  }, 180_000);

  it.skipIf(skipVnu)('passes the Nu HTML Checker without errors on every main screen', async () => {
    const context = await browser.newContext({ storageState });
    const documents: Record<string, string> = {};
    for (const [name, url] of Object.entries(SCREENS)) {
      const res = await context.request.get(server.url + url);
      expect(res.status(), url).toBe(200);
      documents[`admin-${name}`] = await res.text();
    }
    await context.close();
    expect(await nuHtmlErrors(documents)).toEqual([]);
  }, 120_000);
});
