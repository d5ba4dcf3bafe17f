/** Helpers for the editor island's browser tests: a page on the harness, the editor ready, its HTML. */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { HarnessArticle } from './harness-page.js';

export function article(id: string, body: string, extra: Partial<HarnessArticle> = {}): HarnessArticle {
  return {
    id,
    title: `Article ${id}`,
    slug: `article-${id}`,
    dek: 'A line under the title.',
    topic: 'economy',
    commentsOpen: true,
    body,
    version: 1,
    savedBy: 'Ana Ferreira',
    savedAt: '2026-11-20T11:00:00.000Z',
    ...extra,
  };
}

export async function newEditorContext(browser: Browser, options: { width?: number; colorScheme?: 'light' | 'dark' } = {}): Promise<BrowserContext> {
  return browser.newContext({
    viewport: { width: options.width ?? 1200, height: 900 },
    colorScheme: options.colorScheme ?? 'light',
    locale: 'en-GB',
    timezoneId: 'Europe/Lisbon',
  });
}

/** Opens the edit page and waits for the island to be mounted. */
export async function openEditor(page: Page, url: string): Promise<void> {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(url);
  await page.waitForSelector('[data-editor-ready="true"]', { timeout: 10_000 }).catch((e: unknown) => {
    throw new Error(`the editor did not mount: ${errors.join('; ') || String(e)}`);
  });
}

/** The body the form would post now (the island keeps the textarea current). */
export function postedBody(page: Page): Promise<string> {
  return page.locator('textarea#body').inputValue();
}

export const editorContent = (page: Page) => page.locator('.editor-content');

/**
 * Waits until the text has the keyboard, as a person would before typing. Tiptap's focus
 * command (run by every toolbar button and on closing a dialog) focuses on the next
 * animation frame; ProseMirror settles a focus with 20 ms timers, and for 200 ms after a
 * focus it takes a caret moved to the start of the document for the browser's reset and
 * puts it back (so Home pressed at once is undone). Under load those moments stretch, so
 * this waits for the editor's own state and clock (`view.input.lastFocus`, read through
 * the `editor` that Tiptap sets on its element), then for a timer of the page's queued
 * after ProseMirror's (timers fire in order of due time, whatever the load) and a frame.
 */
export async function whenTextFocused(page: Page): Promise<void> {
  await page.waitForFunction(() => {
    const text = document.querySelector('.editor-content') as (Element & { editor?: { view: { input: { lastFocus: number } } } }) | null;
    const selection = document.getSelection();
    const focusedFor = Date.now() - (text?.editor?.view.input.lastFocus ?? 0);
    return !!text && document.activeElement === text && !!selection?.anchorNode && text.contains(selection.anchorNode) && focusedFor > 220;
  });
  await page.evaluate(() => new Promise<void>((done) => setTimeout(() => requestAnimationFrame(() => done()), 30)));
}

/** Clicks into the text and waits until it has the keyboard. */
export async function clickIntoText(page: Page): Promise<void> {
  await editorContent(page).click();
  await whenTextFocused(page);
}
