/*
 * Figures in Chromium against the harness's media endpoints: picked from the library with
 * its alt text, caption and credit (edited before and after), uploaded by the picker with
 * progress and a retry after a dropped connection, refused in the server's words, and
 * dropped onto the text.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import sharp from 'sharp';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { prepareBody } from '../../content/body-html.js';
import { launchChromium, skipBrowser } from '../../../test/browser.js';
import { article, clickIntoText, editorContent, newEditorContext, openEditor, postedBody, whenTextFocused } from './harness/browser-kit.js';
import { type EditorHarness, type HarnessMedia, startEditorHarness } from './harness/harness-server.js';

const png = (width: number, height: number) => sharp({ create: { width, height, channels: 3, background: { r: 40, g: 90, b: 120 } } }).png().toBuffer();

describe.skipIf(skipBrowser)('figures in the editor', () => {
  let harness: EditorHarness;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let n = 0;

  beforeAll(async () => {
    const library: HarnessMedia[] = [
      { id: 'm1', file: 'm1-harbour.png', width: 640, height: 400, mimeType: 'image/png', alt: 'Cranes over the harbour', caption: 'The harbour at dusk, 3 March.', credit: 'Harbour Street Pictures / Kwame Adjei', bytes: await png(640, 400) },
    ];
    for (let i = 2; i <= 10; i++) library.push({ id: `m${i}`, file: `m${i}-field.png`, width: 320, height: 200, mimeType: 'image/png', alt: `Dry field ${i}`, caption: '', credit: '', bytes: await png(320, 200) });
    harness = await startEditorHarness({ articles: [], media: library });
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await harness?.close();
  });
  beforeEach(async () => {
    context = await newEditorContext(browser);
    page = await context.newPage();
    const id = `f${++n}`;
    harness.articles.set(id, article(id, '<p>Before the figure.</p>'));
    await openEditor(page, harness.editUrl(id));
    await clickIntoText(page);
    await page.keyboard.press('Control+End');
  });
  afterEach(async () => {
    await context.close();
  });

  const body = async () => {
    const html = await postedBody(page);
    expect(prepareBody(html).html, 'the save step changes nothing the editor wrote').toBe(html);
    return html;
  };
  const figureDialog = async () => {
    await page.getByRole('button', { name: 'Insert a figure', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'Insert a figure' });
    await dialog.locator('.editor-media-tile').first().waitFor();
    return dialog;
  };

  it('inserts a figure from the library with its alt text, caption and credit, all editable afterwards', async () => {
    const dialog = await figureDialog();
    expect(await dialog.locator('.editor-media-tile').count(), 'one page of the library').toBe(8);
    await dialog.getByRole('button', { name: 'More images' }).click();
    await expect.poll(() => dialog.locator('.editor-media-tile').count()).toBe(10);
    await dialog.getByRole('searchbox', { name: 'Or choose from the media library' }).fill('harbour');
    await page.keyboard.press('Enter');
    await expect.poll(() => dialog.locator('.editor-media-tile').count()).toBe(1);
    await dialog.getByRole('button', { name: 'Cranes over the harbour' }).click();
    expect(await dialog.getByRole('button', { name: 'Cranes over the harbour' }).getAttribute('aria-pressed')).toBe('true');
    expect(await dialog.getByRole('textbox', { name: 'Alt text' }).inputValue()).toBe('Cranes over the harbour');
    expect(await dialog.getByRole('textbox', { name: 'Credit (optional)' }).inputValue()).toBe('Harbour Street Pictures / Kwame Adjei');
    await dialog.getByRole('textbox', { name: 'Caption (optional)' }).fill('Cranes idle during the strike, 4 March.');
    await dialog.getByRole('button', { name: 'Insert figure' }).click();
    await dialog.waitFor({ state: 'detached' });
    const figure =
      '<figure><img src="/media/m1-harbour.png" alt="Cranes over the harbour" width="640" height="400">' +
      '<figcaption>Cranes idle during the strike, 4 March. <small class="credit">Harbour Street Pictures / Kwame Adjei</small></figcaption></figure>';
    expect(await body()).toBe(`<p>Before the figure.</p>\n${figure}`);

    // In place: the caption and the credit are lines of text; the alt text has its own dialog.
    await editorContent(page).locator('.editor-credit').click();
    await whenTextFocused(page);
    await page.keyboard.press('End');
    await page.keyboard.type(' (file)');
    await page.getByRole('button', { name: /^Alt text: Cranes/ }).click();
    const alt = page.getByRole('dialog', { name: 'Alt text' });
    await alt.getByRole('textbox', { name: 'What the image shows' }).fill('Three cranes & a ship at the quay');
    await alt.getByRole('button', { name: 'Save alt text' }).click();
    expect(await body()).toBe(
      '<p>Before the figure.</p>\n<figure><img src="/media/m1-harbour.png" alt="Three cranes &amp; a ship at the quay" width="640" height="400">' +
        '<figcaption>Cranes idle during the strike, 4 March. <small class="credit">Harbour Street Pictures / Kwame Adjei (file)</small></figcaption></figure>',
    );
  });

  it('uploads from the picker with progress, and tries again when the connection drops', async () => {
    const dialog = await figureDialog();
    await page.evaluate(() => {
      const seen: string[] = ((window as unknown as { progressSeen: string[] }).progressSeen = []);
      new MutationObserver(() => {
        const text = document.querySelector('.editor-upload-progress span')?.textContent;
        if (text && seen[seen.length - 1] !== text) seen.push(text);
      }).observe(document.body, { subtree: true, childList: true, characterData: true });
    });
    harness.dropUploads(1);
    await dialog.getByLabel('Upload an image').setInputFiles({ name: 'quay.png', mimeType: 'image/png', buffer: await png(1200, 800) });
    expect(await dialog.locator('.editor-chosen').textContent()).toBe('Chosen to upload: quay.png');
    await dialog.getByRole('textbox', { name: 'Alt text' }).fill('The empty quay');
    await dialog.getByRole('textbox', { name: 'Credit (optional)' }).fill('Staff photo');
    await dialog.getByRole('button', { name: 'Insert figure' }).click();
    await dialog.waitFor({ state: 'detached', timeout: 10_000 });
    expect(harness.uploadAttempts.slice(-2).map((a) => a.outcome)).toEqual(['dropped', 'stored']);
    const seen = await page.evaluate(() => (window as unknown as { progressSeen: string[] }).progressSeen);
    expect(seen).toContain('The connection dropped; trying again (1 of 3)…');
    expect(seen.some((s) => /^Attempt 2: \d+% uploaded$/.test(s))).toBe(true);
    const stored = harness.media.at(-1)!;
    expect(stored).toMatchObject({ alt: 'The empty quay', credit: 'Staff photo', width: 1200, height: 800 });
    expect(await body()).toBe(
      `<p>Before the figure.</p>\n<figure><img src="/media/${stored.file}" alt="The empty quay" width="1200" height="800"><figcaption><small class="credit">Staff photo</small></figcaption></figure>`,
    );
  });

  it('gives up after three retries, saying so, with nothing inserted', async () => {
    const dialog = await figureDialog();
    harness.dropUploads(4);
    const before = harness.uploadAttempts.length;
    await dialog.getByLabel('Upload an image').setInputFiles({ name: 'tunnel.png', mimeType: 'image/png', buffer: await png(200, 100) });
    await dialog.getByRole('button', { name: 'Insert figure' }).click();
    await expect.poll(() => dialog.getByRole('alert').textContent(), { timeout: 15_000 }).toBe(
      'The upload of tunnel.png failed: the connection dropped 4 times. Check the connection and try again.',
    );
    expect(harness.uploadAttempts.slice(before).map((a) => a.outcome)).toEqual(['dropped', 'dropped', 'dropped', 'dropped']);
    expect(await body()).toBe('<p>Before the figure.</p>');
  }, 20_000);

  it('refuses a file that is not an image, in the server’s words, and inserts nothing', async () => {
    const dialog = await figureDialog();
    await dialog.getByLabel('Upload an image').setInputFiles({ name: 'photo.jpg', mimeType: 'image/jpeg', buffer: Buffer.from('MZ this is not a picture') });
    await dialog.getByRole('button', { name: 'Insert figure' }).click();
    const refusal = dialog.getByRole('alert');
    await expect.poll(() => refusal.textContent()).toBe('photo.jpg was not uploaded. photo.jpg is not an image: only JPEG, PNG, WebP and GIF files can be uploaded.');
    expect(await dialog.getByLabel('Upload an image').getAttribute('aria-invalid')).toBe('true');
    expect(await body()).toBe('<p>Before the figure.</p>');
  });

  it('uploads an image dropped onto the text and inserts it there, asking for alt text', async () => {
    const bytes = [...(await png(300, 200))];
    await page.evaluate((data) => {
      const target = document.querySelector('.editor-content p')!;
      const box = target.getBoundingClientRect();
      const transfer = new DataTransfer();
      transfer.items.add(new File([new Uint8Array(data)], 'pier.png', { type: 'image/png' }));
      const at = { clientX: box.right - 2, clientY: box.top + box.height / 2, bubbles: true, cancelable: true, dataTransfer: transfer };
      target.dispatchEvent(new DragEvent('dragover', at));
      target.dispatchEvent(new DragEvent('drop', at));
    }, bytes);
    await expect.poll(() => postedBody(page), { timeout: 10_000 }).toContain('<figure>');
    const stored = harness.media.at(-1)!;
    expect(await body()).toBe(`<p>Before the figure.</p>\n<figure><img src="/media/${stored.file}" alt width="300" height="200"></figure>`);
    expect(await page.locator('.editor-uploads').textContent()).toContain('pier.png inserted: add its alt text.');
    expect(await page.getByRole('button', { name: 'Add alt text (missing)' }).count()).toBe(1);
  });
});
