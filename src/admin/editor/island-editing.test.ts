/*
 * Editing in Chromium against the harness: the island replaces the textarea with a
 * labelled textbox, the toolbar is one tab stop worked with the keyboard, the shortcuts,
 * links with a checked address, quotations with a citation, pull quotes and link cards.
 * What the editor writes for new content is what the server's save step would store.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { prepareBody } from '../../content/body-html.js';
import { launchChromium, skipBrowser } from '../../../test/browser.js';
import { article, clickIntoText, editorContent, newEditorContext, openEditor, postedBody, whenTextFocused } from './harness/browser-kit.js';
import { type EditorHarness, startEditorHarness } from './harness/harness-server.js';

describe.skipIf(skipBrowser)('editing with the island', () => {
  let harness: EditorHarness;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let n = 0;

  beforeAll(async () => {
    harness = await startEditorHarness({ articles: [] });
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await harness?.close();
  });
  beforeEach(async () => {
    context = await newEditorContext(browser);
    page = await context.newPage();
  });
  afterEach(async () => {
    await context.close();
  });

  const open = async (body: string) => {
    const id = `e${++n}`;
    harness.articles.set(id, article(id, body));
    await openEditor(page, harness.editUrl(id));
    return id;
  };
  const focused = () => page.evaluate(() => document.activeElement?.getAttribute('aria-label') ?? document.activeElement?.className ?? '');
  const tool = (name: string) => page.getByRole('toolbar', { name: 'Formatting' }).getByRole('button', { name, exact: true });
  /** The body as posted, which must also be what the server's save step keeps. */
  const body = async () => {
    const html = await postedBody(page);
    expect(prepareBody(html).html, 'the save step changes nothing the editor wrote').toBe(html);
    return html;
  };
  const toToolbarButton = async (label: string) => {
    await page.keyboard.press('Alt+F10');
    for (let i = 0; i < 20 && (await focused()) !== label; i++) await page.keyboard.press('ArrowRight');
    expect(await focused()).toBe(label);
  };

  it('is only a textarea without JavaScript', async () => {
    const id = `e${++n}`;
    harness.articles.set(id, article(id, '<p>Plain.</p>'));
    await page.goto(harness.editUrl(id, { withoutScript: true }));
    expect(await page.isVisible('textarea#body')).toBe(true);
    expect(await page.inputValue('textarea#body')).toBe('<p>Plain.</p>');
    expect(await page.locator('[role="toolbar"]').count()).toBe(0);
  });

  it('replaces the textarea with a textbox labelled by the field label', async () => {
    await open('<p>Harbour</p>');
    expect(await page.isHidden('textarea#body')).toBe(true);
    const box = page.getByRole('textbox', { name: 'Body' });
    expect(await box.count()).toBe(1);
    expect(await box.getAttribute('aria-multiline')).toBe('true');
    await page.click('label[for="body"]');
    await page.waitForFunction(() => document.activeElement?.classList.contains('editor-content'));
  });

  it('works from the keyboard: one tab stop, arrows between buttons, shortcuts, aria-pressed', async () => {
    await open('<p>Harbour</p>');
    await clickIntoText(page);
    await page.keyboard.press('End');
    await page.keyboard.press('Alt+F10');
    expect(await focused()).toBe('Bold');
    const stops = await page.locator('[role="toolbar"] button[tabindex="0"]').count();
    expect(stops, 'the toolbar is one tab stop').toBe(1);
    await page.keyboard.press('ArrowRight');
    expect(await focused()).toBe('Italic');
    await page.keyboard.press('End');
    expect(await focused()).toBe('Redo');
    await page.keyboard.press('ArrowRight');
    expect(await focused()).toBe('Bold');
    await page.keyboard.press('ArrowLeft');
    expect(await focused()).toBe('Redo');
    await page.keyboard.press('Escape');
    expect(await focused()).toContain('editor-content');

    await page.keyboard.press('Shift+Home');
    await page.keyboard.press('Control+b');
    expect(await body()).toBe('<p><strong>Harbour</strong></p>');
    await expect.poll(() => tool('Bold').getAttribute('aria-pressed')).toBe('true');
    await page.keyboard.press('Control+i');
    expect(await body()).toBe('<p><strong><em>Harbour</em></strong></p>');

    await page.keyboard.press('End');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Control+b');
    await page.keyboard.press('Control+i');
    await page.keyboard.type('The quay & the city');
    await page.keyboard.press('Control+Alt+2');
    expect(await body()).toBe('<p><strong><em>Harbour</em></strong></p>\n<h2 id="the-quay-the-city">The quay &amp; the city</h2>');
    await expect.poll(() => tool('H2 heading').getAttribute('aria-pressed')).toBe('true');
    expect(await tool('Bold').getAttribute('aria-pressed')).toBe('false');

    await page.keyboard.press('Enter');
    await page.keyboard.type('First point');
    await toToolbarButton('Bulleted list');
    await page.keyboard.press('Space');
    await whenTextFocused(page); // the command gives focus back to the text on the next frame
    await page.keyboard.press('Enter');
    await page.keyboard.type('Second point');
    expect(await body()).toContain('<ul><li>First point</li><li>Second point</li></ul>');
    expect(await tool('Bulleted list').getAttribute('aria-pressed')).toBe('true');
    await page.keyboard.press('Control+z');
    expect(await body()).not.toContain('Second point');
  });

  it('adds links only to addresses a link may have, and removes them', async () => {
    await open('<p>Read the report today.</p>');
    await clickIntoText(page);
    await page.keyboard.press('Home');
    for (let i = 0; i < 5; i++) await page.keyboard.press('ArrowRight');
    for (let i = 0; i < 10; i++) await page.keyboard.press('Shift+ArrowRight');
    await page.keyboard.press('Control+k');
    const dialog = page.getByRole('dialog', { name: 'Add a link' });
    await dialog.waitFor();
    await page.keyboard.type('javascript:alert(1)');
    await page.keyboard.press('Enter');
    const address = dialog.getByRole('textbox', { name: 'Address' });
    expect(await address.getAttribute('aria-invalid')).toBe('true');
    expect(await dialog.locator('.admin-field-error:not([hidden])').textContent()).toContain('is not an address a link can use');
    expect(await address.inputValue(), 'what was typed is kept').toBe('javascript:alert(1)');
    await address.fill('https://example.org/report');
    await page.keyboard.press('Enter');
    await dialog.waitFor({ state: 'detached' });
    expect(await body()).toBe('<p>Read <a href="https://example.org/report" rel="noopener">the report</a> today.</p>');

    await page.keyboard.press('ArrowRight'); // to the end of the linked words
    await page.keyboard.press('ArrowLeft'); // inside the link
    await page.keyboard.press('Control+k');
    const edit = page.getByRole('dialog', { name: 'Edit link' });
    expect(await edit.getByRole('textbox', { name: 'Address' }).inputValue()).toBe('https://example.org/report');
    await edit.getByRole('button', { name: 'Remove link' }).click();
    expect(await body()).toBe('<p>Read the report today.</p>');
    await whenTextFocused(page);

    await page.keyboard.press('End');
    await page.keyboard.press('ArrowLeft');
    for (let i = 0; i < 5; i++) await page.keyboard.press('Shift+ArrowLeft');
    await tool('Link').click();
    await page.keyboard.type('/economy/ports/');
    await page.getByRole('textbox', { name: 'Title (optional)' }).fill('Our port coverage');
    await page.keyboard.press('Enter');
    expect(await body()).toBe('<p>Read the report <a href="/economy/ports/" title="Our port coverage">today</a>.</p>');
  });

  it('makes quotations with a citation, and pull quotes', async () => {
    await open('<p>We will not sign this lease.</p>');
    await clickIntoText(page);
    await page.keyboard.press('Control+Shift+b');
    expect(await body()).toBe('<blockquote><p>We will not sign this lease.</p></blockquote>');
    await tool('Cite the speaker').click();
    await page.keyboard.type('Mira Halvorsen, dockers’ union');
    expect(await body()).toBe('<blockquote><p>We will not sign this lease.</p><cite>Mira Halvorsen, dockers’ union</cite></blockquote>');
    await editorContent(page).getByText('We will not sign this lease.').click();
    await whenTextFocused(page);
    await tool('Pull quote').click();
    expect(await body()).toBe('<blockquote class="pull-quote"><p>We will not sign this lease.</p><cite>Mira Halvorsen, dockers’ union</cite></blockquote>');
    await expect.poll(() => tool('Pull quote').getAttribute('aria-pressed')).toBe('true');
    expect(await tool('Quote').getAttribute('aria-pressed')).toBe('false');
  });

  it('embeds a link as a card whose words the author types, fetching nothing', async () => {
    await open('<p>Intro.</p>');
    await clickIntoText(page);
    await page.keyboard.press('Control+End');
    await tool('Link card').click();
    const dialog = page.getByRole('dialog', { name: 'Embed a link as a card' });
    expect(await dialog.textContent()).toContain('Dossier fetches nothing from the address');
    await dialog.getByRole('textbox', { name: 'Address' }).fill('example.org/analysis');
    await dialog.getByRole('button', { name: 'Insert card' }).click();
    expect(await dialog.locator('.admin-field-error:not([hidden])').allTextContents()).toEqual([
      'A link card needs a full web address, starting with https:// or http://.',
      'Give the card a title: readers see it first.',
    ]);
    await dialog.getByRole('textbox', { name: 'Address' }).fill('https://www.example.org/analysis?id=7&lang=en');
    await dialog.getByRole('textbox', { name: 'Title' }).fill('The analysis <in full>');
    await dialog.getByRole('textbox', { name: 'Description (optional)' }).fill('What the basin study found.');
    await dialog.getByRole('button', { name: 'Insert card' }).click();
    const card = '<figure class="link-card"><a href="https://www.example.org/analysis?id=7&amp;lang=en" rel="noopener"><strong>The analysis &lt;in full&gt;</strong> <span>What the basin study found.</span> <small>www.example.org</small></a></figure>';
    expect(await body()).toBe(`<p>Intro.</p>\n${card}`);

    await page.getByRole('button', { name: 'Edit link card' }).click();
    const edit = page.getByRole('dialog', { name: 'Edit link card' });
    expect(await edit.getByRole('textbox', { name: 'Title' }).inputValue()).toBe('The analysis <in full>');
    await edit.getByRole('textbox', { name: 'Description (optional)' }).fill('');
    await edit.getByRole('button', { name: 'Update card' }).click();
    expect(await body()).toBe('<p>Intro.</p>\n<figure class="link-card"><a href="https://www.example.org/analysis?id=7&amp;lang=en" rel="noopener"><strong>The analysis &lt;in full&gt;</strong> <small>www.example.org</small></a></figure>');
  });
});
