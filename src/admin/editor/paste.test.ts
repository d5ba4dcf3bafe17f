/*
 * Pasting from Word, Google Docs and a web page, in Chromium: the clipboard's HTML (our own
 * fixtures, written the way each source writes it) goes through the island's paste cleaning
 * and the schema, and what remains is the body subset and nothing else.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { prepareBody } from '../../content/body-html.js';
import { launchChromium, skipBrowser } from '../../../test/browser.js';
import { article, clickIntoText, newEditorContext, openEditor, postedBody } from './harness/browser-kit.js';
import { type EditorHarness, startEditorHarness } from './harness/harness-server.js';

const fixture = (name: string) => fs.readFileSync(path.join(import.meta.dirname, 'paste-fixtures', name), 'utf8');

describe.skipIf(skipBrowser)('pasting into the editor', () => {
  let harness: EditorHarness;
  let browser: Browser;
  let page: Page;
  let n = 0;

  beforeAll(async () => {
    harness = await startEditorHarness({ articles: [] });
    browser = await launchChromium();
    page = await (await newEditorContext(browser)).newPage();
  });
  afterAll(async () => {
    await browser?.close();
    await harness?.close();
  });

  /** Pastes clipboard HTML (and its plain text) into an empty body; returns the body the form would post. */
  const paste = async (html: string, body = ''): Promise<string> => {
    const id = `p${++n}`;
    harness.articles.set(id, article(id, body));
    await openEditor(page, harness.editUrl(id));
    await clickIntoText(page);
    await page.keyboard.press('Control+End');
    await page.evaluate((clip) => {
      const data = new DataTransfer();
      data.setData('text/html', clip);
      data.setData('text/plain', 'plain text fallback');
      document.querySelector('.editor-content')!.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
    }, html);
    const posted = await postedBody(page);
    expect(prepareBody(posted).html, 'the save step agrees with the editor').toBe(posted);
    expect(posted).not.toMatch(/style=|class="(?!html-block")|\bon[a-z]+=|<script|<iframe|<svg|<form|<input|<button|javascript:|data:|mso-|<o:p|<span/i);
    return posted;
  };

  it('keeps Word’s headings, emphasis, links and lists, and drops its styles, classes and <o:p>', async () => {
    expect(await paste(fixture('word.html'))).toBe(
      [
        '<h2 id="harbour-talks-resume-after-the-strike">Harbour talks resume after the strike</h2>',
        '<p>The <strong>port authority</strong> said on <em>Tuesday</em> that talks with the dockers’ union would resume next week, according to a <a href="https://example.org/port-authority/statement" rel="noopener">statement</a> published in the morning.</p>',
        '<ul><li>Wages for night shifts<ul><li>including weekend rates</li></ul></li><li>The lease of the container terminal</li></ul>',
        '<ol><li>Talks resume on Monday</li><li>A vote follows within a week</li></ol>',
        '<h2 id="what-the-union-wants">What the union wants</h2>',
        '<p><em>“We are not asking for more than the lease promised.”</em></p>',
        '<p>H<sub>2</sub>O levels and <s>old</s> new figures.</p>',
      ].join('\n'),
    );
  });

  it('turns Google Docs’ styled spans into strong, em, s and sub, without its wrapper', async () => {
    expect(await paste(fixture('google-docs.html'))).toBe(
      [
        '<h2 id="drought-in-the-north">Drought in the north</h2>',
        '<p>The reservoirs at <strong>Orvec</strong> are at <em>a third</em> of capacity, and CO<sub>2</sub> readings are <s>falling</s> rising. See <a href="https://example.org/basin-studies/water" rel="noopener">the study</a>.</p>',
        '<ul><li>Wells in six villages<ul><li>two of them dry</li></ul></li><li><strong>Water trucks</strong> twice a week</li></ul>',
        '<p>Officials declined to comment.</p>',
      ].join('\n'),
    );
  });

  it('takes only text and the subset from a web page: no scripts, frames, forms, handlers or outside images; tables as an HTML block', async () => {
    expect(await paste(fixture('web-page.html'))).toBe(
      [
        '<p><a href="/">Home</a> › <a href="/ports">Ports</a></p>',
        '<h2 id="the-lease-explained">The lease, explained</h2>',
        '<p>The terminal lease runs for <strong>thirty years</strong>, according to the contract and <a href="https://example.org/lease.pdf" rel="noopener">its annex</a>.</p>',
        '<p>The terminal in May.</p>',
        '<blockquote><p>A lease is a promise.</p></blockquote>',
        '<div class="html-block"><table><tbody><tr><th>Year</th><th>Fee</th></tr><tr><td>2026</td><td>€4m</td></tr></tbody></table></div>',
        '<p>Contact <a href="mailto:ports@example.org">the ports desk</a>.</p>',
      ].join('\n'),
    );
  });

  it('pastes inline HTML into the paragraph at the cursor', async () => {
    expect(await paste('<meta charset="utf-8"><span style="font-weight:700">bold</span> and <a href="/economy/">a site link</a>', '<p>Start: </p>')).toBe(
      '<p>Start: <strong>bold</strong> and <a href="/economy/">a site link</a></p>',
    );
  });
});
