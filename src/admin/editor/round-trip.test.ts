/*
 * The editor's schema is exactly the stored body subset: every demo article's and page's
 * stored body, loaded into the editor in Chromium and posted back unchanged, is the same
 * string byte for byte, and the server's save normalization leaves it as it is. Nothing
 * of the demo falls back to a read-only block.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findBodyMedia } from '../../content/article-row.js';
import { prepareBody } from '../../content/body-html.js';
import { generateDemoSite } from '../../demo/index.js';
import { seedDemoSite } from '../../seed/seed-demo-site.js';
import { fixedClock } from '../../shared/clock.js';
import type { DomainEvent } from '../../shared/domain-events.js';
import { EventBus } from '../../shared/events.js';
import { launchChromium, skipBrowser } from '../../../test/browser.js';
import { createTestDb, type TestDb } from '../../../test/test-db.js';
import { article, newEditorContext, openEditor } from './harness/browser-kit.js';
import { type EditorHarness, startEditorHarness } from './harness/harness-server.js';
import { SUBSET_BODY, UNEDITABLE_BODY } from './round-trip.fixtures.js';

interface Stored {
  id: string;
  name: string;
  body: string;
}

describe.skipIf(skipBrowser)('loading a stored body into the editor and saving it unchanged', () => {
  let testDb: TestDb;
  let mediaDir: string;
  let stored: Stored[];
  let harness: EditorHarness;
  let browser: Browser;
  let page: Page;

  /** The server's save step (body-html.ts, as saveArticle runs it), with the site's media. */
  const normalize = async (html: string) => prepareBody(html, await findBodyMedia(testDb.db, [html])).html;

  beforeAll(async () => {
    testDb = await createTestDb('sqlite');
    mediaDir = fs.mkdtempSync(path.join(os.tmpdir(), 'dossier-editor-rt-'));
    const clock = fixedClock('2026-11-20T12:00:00.000Z');
    await seedDemoSite({ db: testDb.db, clock, events: new EventBus<DomainEvent>(), mediaDir }, generateDemoSite(clock.now()));
    const articles = await testDb.db.selectFrom('articles').select(['id', 'slug', 'body']).execute();
    const pages = await testDb.db.selectFrom('pages').select(['id', 'slug', 'body']).execute();
    stored = [...articles, ...pages].map((r) => ({ id: r.id, name: r.slug, body: r.body }));
    stored.push({ id: 'subset', name: 'every element of the subset', body: await normalize(SUBSET_BODY) });
    stored.push({ id: 'uneditable', name: 'blocks outside the schema', body: await normalize(UNEDITABLE_BODY) });
    harness = await startEditorHarness({ articles: stored.map((s) => article(s.id, s.body)) });
    browser = await launchChromium();
    page = await (await newEditorContext(browser)).newPage();
  });

  afterAll(async () => {
    await browser?.close();
    await harness?.close();
    await testDb?.destroy();
    if (mediaDir) fs.rmSync(mediaDir, { recursive: true, force: true });
  });

  /**
   * Loads the body into the editor and submits the form as it is: `html` is the textarea's
   * value as the island leaves it at submit, `posted` what the server received (browsers
   * send its line breaks as CRLF, which the save step turns back into LF).
   */
  const roundTrip = async (id: string): Promise<{ html: string; posted: string; kept: number }> => {
    await openEditor(page, harness.editUrl(id));
    const kept = await page.locator('.editor-html-block-kept').count();
    await page.evaluate(() => {
      const form = document.querySelector<HTMLFormElement>('#article-form')!;
      form.addEventListener('submit', () => sessionStorage.setItem('submitted-body', document.querySelector<HTMLTextAreaElement>('#body')!.value));
    });
    await Promise.all([page.waitForURL(harness.editUrl(id)), page.getByRole('button', { name: 'Save', exact: true }).click()]);
    const html = await page.evaluate(() => sessionStorage.getItem('submitted-body') ?? '');
    return { html, posted: harness.articles.get(id)!.body, kept };
  };

  it('gives back every demo article and page exactly, all of it editable', async () => {
    const demo = stored.filter((s) => s.id !== 'subset' && s.id !== 'uneditable');
    expect(demo.length).toBeGreaterThanOrEqual(46); // 43 articles and 3 pages
    for (const { id, name, body } of demo) {
      const { html, posted, kept } = await roundTrip(id);
      expect(html, `${name}: the editor's HTML`).toBe(body);
      expect(await normalize(posted), `${name}: after the save step`).toBe(body);
      expect(kept, `${name}: blocks the editor could not hold`).toBe(0);
    }
  }, 240_000);

  it('holds every element of the subset: galleries, link cards, HTML blocks, lists, marks', async () => {
    const body = stored.find((s) => s.id === 'subset')!.body;
    const { html, posted, kept } = await roundTrip('subset');
    expect(html).toBe(body);
    expect(await normalize(posted)).toBe(body);
    expect(kept).toBe(0);
  });

  it('keeps what the schema cannot hold verbatim, read-only and labelled, and loses nothing', async () => {
    const body = stored.find((s) => s.id === 'uneditable')!.body;
    const { html, posted, kept } = await roundTrip('uneditable');
    expect(html).toBe(body);
    expect(await normalize(posted)).toBe(body);
    expect(kept).toBe(3);
    await openEditor(page, harness.editUrl('uneditable'));
    await expect(page.locator('.editor-html-block-kept').first().textContent()).resolves.toContain('Kept as is');
  });
});
