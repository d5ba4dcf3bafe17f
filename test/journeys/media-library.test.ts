/// <reference lib="dom" />
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nuHtmlErrors } from '../page-checks.js';
import { createUser, startSession } from '../../src/accounts/index.js';
import { SESSION_COOKIE } from '../../src/http/session-cookie.js';
import { fixedClock } from '../../src/shared/clock.js';
import type { DomainEvent } from '../../src/shared/domain-events.js';
import { EventBus } from '../../src/shared/events.js';
import { launchChromium, skipBrowser, skipVnu } from '../browser.js';
import { type DemoServer, startDemoServer } from '../demo-server.js';
import { HTML_PAGE, phonePhoto } from '../image-fixtures.js';

const require = createRequire(import.meta.url);
const SHOTS = path.resolve(import.meta.dirname, '../../test-results/screenshots');

/*
 * An author in a real browser, without JavaScript, on the demo site's media library:
 * a forged "photo.jpg" is refused beside the field, a real photo is uploaded and shown,
 * and the library and an image's page pass axe (light and dark) and the Nu HTML Checker.
 */
describe.skipIf(skipBrowser)('an author in the media library', () => {
  let server: DemoServer;
  let browser: Browser;
  let token = '';
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'dossier-media-journey-'));

  beforeAll(async () => {
    fs.mkdirSync(SHOTS, { recursive: true });
    [server, browser] = await Promise.all([startDemoServer(), launchChromium()]);
    const clock = fixedClock('2026-11-20T12:00:00.000Z'); // the demo server's
    const user = await createUser(
      { db: server.db, clock, events: new EventBus<DomainEvent>() },
      { email: 'journey-author@example.org', name: 'Journey Author', role: 'author', password: 'correct horse battery' },
    );
    token = (await startSession(server.db, clock, user.id)).token;
    fs.writeFileSync(path.join(tmp, 'photo.jpg'), HTML_PAGE);
    fs.writeFileSync(path.join(tmp, 'harbour.jpg'), await phonePhoto(1600, 1000));
  }, 180_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    fs.rmSync(tmp, { recursive: true, force: true });
  });

  async function signedIn(options: { colorScheme?: 'light' | 'dark'; bypassCSP?: boolean; javaScriptEnabled?: boolean } = {}): Promise<BrowserContext> {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, javaScriptEnabled: false, ...options });
    await context.addCookies([{ name: SESSION_COOKIE, value: token, url: server.url }]);
    return context;
  }

  it('refuses a forged photo.jpg beside the field, then uploads a real photo and shows it', async () => {
    const context = await signedIn();
    const page = await context.newPage();
    expect((await page.goto(`${server.url}/admin/media/`))?.status()).toBe(200);
    await page.getByLabel('Images', { exact: true }).setInputFiles(path.join(tmp, 'photo.jpg'));
    await page.getByLabel('Alt text', { exact: true }).fill('Cranes over the harbour');
    await page.getByRole('button', { name: 'Upload' }).click();
    await expect.poll(() => page.locator('#file-error').innerText()).toContain('photo.jpg: This file is not an image (it looks like an HTML page)');
    expect(await page.getByLabel('Alt text', { exact: true }).inputValue()).toBe('Cranes over the harbour');
    await page.screenshot({ path: path.join(SHOTS, 'media-upload-refused.png'), fullPage: true });

    await page.getByLabel('Images', { exact: true }).setInputFiles(path.join(tmp, 'harbour.jpg'));
    await page.getByRole('button', { name: 'Upload' }).click();
    await expect.poll(() => page.getByRole('status').innerText()).toBe('Image uploaded.');
    const card = page.locator('.media-card').first();
    expect(await card.innerText()).toContain('Cranes over the harbour');
    const thumb = card.locator('img');
    await expect.poll(() => thumb.evaluate((img) => (img as HTMLImageElement).naturalWidth)).toBeGreaterThan(0);
    await page.screenshot({ path: path.join(SHOTS, 'media-library.png'), fullPage: true });
    await card.getByRole('link').click();
    expect(await page.locator('h1').innerText()).toBe('harbour.jpg');
    expect(await page.locator('.media-facts').innerText()).toContain('1600 × 1000 pixels');
    await page.screenshot({ path: path.join(SHOTS, 'media-detail.png'), fullPage: true });
    await context.close();
  });

  async function pagesToCheck(): Promise<string[]> {
    const row = await server.db.selectFrom('media').select('id').orderBy('created_at', 'desc').limit(1).executeTakeFirstOrThrow();
    return ['/admin/media/', `/admin/media/${row.id}/`, '/admin/media/?q=nothing-matches'];
  }

  it('has no serious or critical axe-core violations on the library and an image’s page, light and dark', async () => {
    const axeSource = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
    for (const url of await pagesToCheck()) {
      for (const colorScheme of ['light', 'dark'] as const) {
        const context = await signedIn({ colorScheme, bypassCSP: true, javaScriptEnabled: true });
        const page = await context.newPage();
        await page.goto(server.url + url);
        await page.addScriptTag({ content: axeSource });
        // This area's content; the shell around it (bar, navigation) is checked admin-wide.
        const result = await page.evaluate(async () => (window as any).axe.run('#main', { resultTypes: ['violations'] }));
        const bad = (result.violations as { id: string; impact: string; nodes: { target: string[] }[] }[])
          .filter((v) => v.impact === 'serious' || v.impact === 'critical')
          .map((v) => `${v.id} (${v.impact}): ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')}`);
        expect(bad, `${url} in ${colorScheme}`).toEqual([]);
        await context.close();
      }
    }
  }, 120_000);

  it.skipIf(skipVnu)('passes the Nu HTML Checker on the library and an image’s page', async () => {
    const documents: Record<string, string> = {};
    for (const [i, url] of (await pagesToCheck()).entries()) {
      const res = await fetch(server.url + url, { headers: { cookie: `${SESSION_COOKIE}=${token}` } });
      expect(res.status, url).toBe(200);
      documents[`page-${i}`] = await res.text();
    }
    expect(await nuHtmlErrors(documents)).toEqual([]);
  }, 120_000);
});
