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
 * Clicks into the text. ProseMirror syncs the selection from a click a few milliseconds
 * later; keys pressed at once (as no person types) would land before it.
 */
export async function clickIntoText(page: Page): Promise<void> {
  await editorContent(page).click();
  await page.waitForTimeout(250);
}
