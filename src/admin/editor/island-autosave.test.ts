/*
 * Never losing work, in Chromium against the harness (the island's contract): autosave a
 * few seconds after typing stops and at least every ~10 s while it goes on, the version
 * carried forward; a conflict stops autosave with a clear notice; an expired session or a
 * dropped connection is retried; the copy kept in this browser is offered back after a crash.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { launchChromium, skipBrowser } from '../../../test/browser.js';
import { article, clickIntoText, editorContent, newEditorContext, openEditor, postedBody } from './harness/browser-kit.js';
import { type EditorHarness, HARNESS_CSRF, startEditorHarness } from './harness/harness-server.js';

const BODY = '<p>The port authority met the union on Monday.</p>';
const SESSION_EXPIRED = 'Your session has expired; sign in again in another tab — your draft is safe in this browser.';
const clock = (iso: string) => new Date(iso).toLocaleTimeString('en-GB', { timeZone: 'Europe/Lisbon', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });

describe.skipIf(skipBrowser)('the editor island saves and keeps work', () => {
  let harness: EditorHarness;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let n = 0;
  let id = '';

  beforeAll(async () => {
    harness = await startEditorHarness({ articles: [] });
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await harness?.close();
  });
  beforeEach(async () => {
    id = `a${++n}`;
    harness.articles.set(id, article(id, BODY));
    context = await newEditorContext(browser);
    page = await context.newPage();
  });
  afterEach(async () => {
    await context.close();
  });

  const saves = () => harness.autosaves.filter((a) => a.articleId === id);
  const status = () => page.locator('.editor-status').textContent();
  const localCopy = () => page.evaluate((key) => localStorage.getItem(key), `dossier-draft:${id}`);
  const typeAtEnd = async (text: string) => {
    await clickIntoText(page);
    await page.keyboard.press('Control+End');
    await page.keyboard.type(text);
  };

  it('autosaves about three seconds after typing stops, with the CSRF header, and carries the new version', async () => {
    await openEditor(page, harness.editUrl(id));
    await typeAtEnd(' They will meet again.');
    const typedAt = Date.now();
    await page.waitForTimeout(2000);
    expect(saves(), 'nothing is sent while the author may still be typing').toHaveLength(0);
    await expect.poll(() => saves().length, { timeout: 5000 }).toBe(1);
    expect(saves()[0]!.at - typedAt).toBeGreaterThanOrEqual(2500);
    const first = saves()[0]!;
    expect(first.csrfHeader).toBe(HARNESS_CSRF);
    expect(first.accept).toContain('application/json');
    expect(first.fields).toMatchObject({ version: '1', csrf: HARNESS_CSRF, title: `Article ${id}`, body: '<p>The port authority met the union on Monday. They will meet again.</p>' });
    await expect.poll(status).toBe(`Saved at ${clock(harness.articles.get(id)!.savedAt)}`);
    expect(await page.inputValue('input[name="version"]')).toBe('2');
    expect(await page.getAttribute('#article-form', 'data-version')).toBe('2');
    expect(await localCopy(), 'saved content needs no local copy').toBeNull();

    await page.fill('#dek', 'A new dek.');
    await expect.poll(() => saves().length, { timeout: 6000 }).toBe(2);
    expect(saves()[1]!.fields).toMatchObject({ version: '2', dek: 'A new dek.' });
    await expect.poll(() => page.inputValue('input[name="version"]')).toBe('3');

    await page.reload();
    await page.waitForSelector('[data-editor-ready="true"]');
    expect(await page.locator('.editor-restore').count(), 'nothing unsaved, nothing offered').toBe(0);
  });

  it('saves at least every ten seconds while typing goes on', async () => {
    await openEditor(page, harness.editUrl(id));
    await clickIntoText(page);
    await page.keyboard.press('Control+End');
    const started = Date.now();
    while (Date.now() - started < 12_500) {
      await page.keyboard.type(' w');
      await page.waitForTimeout(1200);
    }
    expect(saves().length).toBeGreaterThanOrEqual(1);
    const first = saves()[0]!.at - started;
    expect(first).toBeGreaterThan(8500);
    expect(first).toBeLessThan(11_500);
  }, 30_000);

  it('stops at a conflict with a clear notice, keeps the changes here, and never overwrites', async () => {
    await openEditor(page, harness.editUrl(id));
    harness.saveElsewhere(id, 'Dana Reyes', '2026-11-20T14:02:00.000Z');
    await typeAtEnd(' Mine.');
    await expect.poll(() => saves().length, { timeout: 6000 }).toBe(1);
    expect(saves()[0]!.status).toBe(409);
    const alert = page.locator('.editor-conflict[role="alert"]');
    await alert.waitFor();
    expect(await alert.textContent()).toContain('Dana Reyes saved this article at 14:02 while you were editing. Your changes are kept in this browser.');
    const link = alert.getByRole('link', { name: 'Open the latest version' });
    expect(await link.count()).toBe(1);
    await typeAtEnd(' More of mine.');
    await page.waitForTimeout(4500);
    expect(saves(), 'autosave has stopped').toHaveLength(1);
    expect(harness.articles.get(id)!.body).toBe(BODY);
    expect(await localCopy()).toContain('Mine. More of mine.');

    await Promise.all([page.waitForNavigation(), link.click()]);
    await page.waitForSelector('[data-editor-ready="true"]');
    const banner = page.locator('.editor-restore');
    expect(await banner.textContent()).toContain('They were made to an earlier version of this article');
  });

  it('says the session has expired and saves once it is back, keeping the local copy meanwhile', async () => {
    await openEditor(page, harness.editUrl(id));
    harness.failAutosaves(401, 1);
    await typeAtEnd(' After lunch.');
    await expect.poll(status, { timeout: 6000 }).toContain(SESSION_EXPIRED);
    expect(await localCopy()).toContain('After lunch.');
    await expect.poll(() => saves().filter((s) => s.status === 200).length, { timeout: 9000 }).toBe(1);
    await expect.poll(status).toMatch(/^Saved at \d\d:\d\d$/);
    expect(harness.articles.get(id)!.body).toContain('After lunch.');
    expect(await localCopy()).toBeNull();
  }, 20_000);

  it('keeps trying when the connection drops', async () => {
    await openEditor(page, harness.editUrl(id));
    await page.route('**/autosave', (route) => route.abort('internetdisconnected'));
    await typeAtEnd(' Offline words.');
    await expect.poll(status, { timeout: 6000 }).toContain('Not saved: no connection to the server.');
    expect(await localCopy()).toContain('Offline words.');
    await page.unroute('**/autosave');
    await expect.poll(() => harness.articles.get(id)!.body, { timeout: 9000 }).toContain('Offline words.');
    await expect.poll(status).toMatch(/^Saved at/);
  }, 20_000);

  it('offers the copy kept in this browser after a crash, and restores every field and the text', async () => {
    await openEditor(page, harness.editUrl(id));
    await page.fill('#title', 'A better title');
    await page.locator('#commentsOpen').uncheck();
    await typeAtEnd(' Unsaved sentence.');
    await expect.poll(localCopy).toContain('Unsaved sentence.'); // written within a quarter second; autosave waits 3 s
    const cdp = await context.newCDPSession(page);
    const crashed = page.waitForEvent('crash');
    void cdp.send('Page.crash').catch(() => {});
    await crashed;
    expect(saves(), 'the crash came before any autosave').toHaveLength(0);

    page = await context.newPage();
    await openEditor(page, harness.editUrl(id));
    const banner = page.locator('.editor-restore[role="alert"]');
    expect(await banner.textContent()).toMatch(/^Unsaved changes from \d\d:\d\d were found in this browser\./);
    expect(await page.inputValue('#title')).toBe(`Article ${id}`);
    await banner.getByRole('button', { name: 'Restore' }).click();
    expect(await page.inputValue('#title')).toBe('A better title');
    expect(await page.isChecked('#commentsOpen')).toBe(false);
    expect(await editorContent(page).textContent()).toContain('Monday. Unsaved sentence.');
    expect(await postedBody(page)).toBe('<p>The port authority met the union on Monday. Unsaved sentence.</p>');
    expect(await banner.count()).toBe(0);
    await expect.poll(() => harness.articles.get(id)!.title, { timeout: 6000 }).toBe('A better title');
    expect(harness.articles.get(id)!.commentsOpen).toBe(false);
  });

  it('discards the local copy when asked, leaving the page as the server has it', async () => {
    await openEditor(page, harness.editUrl(id));
    await typeAtEnd(' Not wanted.');
    await expect.poll(localCopy).toContain('Not wanted.');
    await page.goto('about:blank');
    page = await context.newPage();
    await openEditor(page, harness.editUrl(id));
    await page.locator('.editor-restore').getByRole('button', { name: 'Discard' }).click();
    expect(await localCopy()).toBeNull();
    expect(await editorContent(page).textContent()).toBe('The port authority met the union on Monday.');
    await page.reload();
    await page.waitForSelector('[data-editor-ready="true"]');
    expect(await page.locator('.editor-restore').count()).toBe(0);
  });
});
