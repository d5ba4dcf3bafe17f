/// <reference lib="dom" />
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser } from '../../src/accounts/index.js';
import { clickIntoText, openEditor } from '../../src/admin/editor/harness/browser-kit.js';
import { fixedClock } from '../../src/shared/clock.js';
import type { DomainEvent } from '../../src/shared/domain-events.js';
import { EventBus } from '../../src/shared/events.js';
import { launchChromium, signInOnPage, skipBrowser } from '../browser.js';
import { type DemoServer, startDemoServer } from '../demo-server.js';

const SHOTS = path.resolve(import.meta.dirname, '../../test-results/screenshots');
const PASSWORD = 'correct horse battery';

/*
 * The editor island on the real admin, against the real server: an editor edits the demo's
 * longest article in the rich-text editor, autosave answers with new versions, a second
 * browser editing the same article at the same time gets the conflict notice instead of
 * overwriting, and "Update" puts the typed text on the public page.
 */
describe.skipIf(skipBrowser)('editing an article in the browser', () => {
  let server: DemoServer;
  let browser: Browser;
  let articleId = '';
  let publicPath = '';

  async function signedIn(email: string): Promise<BrowserContext> {
    const context = await browser.newContext({ viewport: { width: 1366, height: 900 }, locale: 'en-GB' });
    const page = await context.newPage();
    await signInOnPage(page, server.url, email, PASSWORD);
    await page.close();
    return context;
  }

  async function typeAtEnd(page: Page, text: string): Promise<void> {
    await clickIntoText(page);
    await page.keyboard.press('Control+End');
    await page.keyboard.press('Enter');
    await page.keyboard.type(text);
  }

  beforeAll(async () => {
    fs.mkdirSync(SHOTS, { recursive: true });
    [server, browser] = await Promise.all([startDemoServer(), launchChromium()]);
    const deps = { db: server.db, clock: fixedClock('2026-11-20T12:00:00.000Z'), events: new EventBus<DomainEvent>() };
    for (const [email, name] of [['dana@example.org', 'Dana Reyes'], ['omar@example.org', 'Omar Salk']]) {
      await createUser(deps, { email: email!, name: name!, role: 'editor', password: PASSWORD });
    }
    const row = await server.db
      .selectFrom('articles')
      .innerJoin('topics', 'topics.id', 'articles.primary_topic_id')
      .select(['articles.id', 'articles.slug', 'topics.path'])
      .where('articles.status', '=', 'published')
      .orderBy('articles.word_count', 'desc')
      .limit(1)
      .executeTakeFirstOrThrow();
    articleId = row.id;
    publicPath = `/${row.path}/${row.slug}/`;
  }, 180_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('autosaves, shows the second editor a conflict, and publishes the first editor’s text', async () => {
    const dana = await (await signedIn('dana@example.org')).newPage();
    const omar = await (await signedIn('omar@example.org')).newPage();
    const editUrl = `${server.url}/admin/articles/${articleId}/edit`;
    await openEditor(dana, editUrl);
    await openEditor(omar, editUrl);
    expect(await dana.locator('textarea#body').isVisible(), 'the island replaces the textarea').toBe(false);
    await dana.screenshot({ path: path.join(SHOTS, 'journey-editor-open.png') });
    const overflow = await dana.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow, 'the editor page does not scroll sideways').toBeLessThanOrEqual(0);
    const versionAtLoad = Number(await dana.inputValue('input[name="version"]'));

    await typeAtEnd(dana, 'A paragraph typed in the journey.');
    await expect.poll(() => dana.locator('.editor-status').textContent(), { timeout: 15_000 }).toMatch(/^Saved at/);
    expect(Number(await dana.inputValue('input[name="version"]'))).toBeGreaterThan(versionAtLoad);
    // The live article is unchanged until Update: autosave writes the working copy.
    expect(await (await fetch(server.url + publicPath)).text()).not.toContain('A paragraph typed in the journey.');

    await typeAtEnd(omar, 'Omar’s competing paragraph.');
    const conflict = omar.locator('.editor-conflict[role="alert"]');
    await conflict.waitFor({ timeout: 15_000 });
    expect(await conflict.textContent()).toContain('Dana Reyes');
    await omar.screenshot({ path: path.join(SHOTS, 'journey-editor-conflict.png') });

    await dana.getByRole('button', { name: 'Update', exact: true }).click();
    await dana.waitForURL(/\/edit/);
    const published = await (await fetch(server.url + publicPath)).text();
    expect(published).toContain('<p>A paragraph typed in the journey.</p>');
    expect(published).not.toContain('competing paragraph');
    await dana.screenshot({ path: path.join(SHOTS, 'journey-editor-updated.png') });
  }, 120_000);
});
