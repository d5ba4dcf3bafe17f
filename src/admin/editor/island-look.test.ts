/*
 * How the island looks and reads: no CSP violation (the page's real policy, no inline
 * script or style), no serious or critical axe-core violation with the editor mounted and
 * with a dialog open, in light and dark, at desktop and phone width, and no sideways
 * scrolling on a 375 px phone. Screenshots go to test-results/editor/ for a look.
 */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { prepareBody } from '../../content/body-html.js';
import { launchChromium, skipBrowser } from '../../../test/browser.js';
import { article, openEditor } from './harness/browser-kit.js';
import { type EditorHarness, type HarnessMedia, startEditorHarness } from './harness/harness-server.js';
import { SUBSET_BODY } from './round-trip.fixtures.js';

const SHOTS = path.resolve(import.meta.dirname, '../../../test-results/editor');
const require = createRequire(import.meta.url);

describe.skipIf(skipBrowser)('the editor island on screen', () => {
  let harness: EditorHarness;
  let browser: Browser;
  let axeSource: string;

  beforeAll(async () => {
    fs.mkdirSync(SHOTS, { recursive: true });
    axeSource = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
    // The subset with its outside images swapped for the library's own (the CSP allows only this site's).
    const picture = await sharp({ create: { width: 800, height: 500, channels: 3, background: { r: 70, g: 110, b: 140 } } }).png().toBuffer();
    const media: HarnessMedia[] = [{ id: 'm1', file: 'm1-quay.png', width: 800, height: 500, mimeType: 'image/png', alt: 'The quay', caption: 'The quay at dawn.', credit: 'Staff photo', bytes: picture }];
    const body = prepareBody(SUBSET_BODY.replace(/https:\/\/images\.example\.org\/[a-z0-9]+\.jpg|\/media\/not-in-the-library\.jpg/g, '/media/m1-quay.png')).html;
    harness = await startEditorHarness({ articles: [article('look', body, { title: 'The lease, explained' })], media });
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await harness?.close();
  });

  const seriousViolations = async (page: Page): Promise<string[]> => {
    await page.addScriptTag({ content: axeSource });
    // The island's own part of the page: the body field and its dialogs (the admin shell is checked admin-wide).
    const result = await page.evaluate(async () =>
      (window as unknown as { axe: { run(c: object, o: object): Promise<unknown> } }).axe.run({ include: [['.editor-field'], ['.editor-status'], ['dialog']] }, { resultTypes: ['violations'] }),
    );
    return (result as { violations: { id: string; impact: string; nodes: { target: string[] }[] }[] }).violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.id} (${v.impact}): ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')}`);
  };

  it('runs under the admin’s CSP without a single violation', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.addInitScript(() => {
      const seen: string[] = ((window as unknown as { cspViolations: string[] }).cspViolations = []);
      document.addEventListener('securitypolicyviolation', (e) => seen.push(`${e.violatedDirective} ${e.blockedURI}`));
    });
    await openEditor(page, harness.editUrl('look'));
    await page.getByRole('button', { name: 'Insert a figure', exact: true }).click();
    await page.waitForTimeout(300);
    expect(await page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations)).toEqual([]);
    await context.close();
  });

  for (const width of [1200, 375]) {
    for (const scheme of ['light', 'dark'] as const) {
      it(`passes axe and fits the screen at ${width} px in ${scheme}`, async () => {
        // bypassCSP only so the test can inject axe-core.
        const context = await browser.newContext({ viewport: { width, height: 900 }, colorScheme: scheme, bypassCSP: true });
        const page = await context.newPage();
        await openEditor(page, harness.editUrl('look'));
        await page.screenshot({ path: path.join(SHOTS, `editor-${width}-${scheme}.png`), fullPage: true });
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
        expect(overflow, 'no sideways scrolling').toBeLessThanOrEqual(0);
        expect(await seriousViolations(page), 'with the editor').toEqual([]);
        await page.getByRole('button', { name: 'Insert a figure', exact: true }).click();
        await page.getByRole('dialog').waitFor();
        await page.screenshot({ path: path.join(SHOTS, `figure-dialog-${width}-${scheme}.png`) });
        expect(await seriousViolations(page), 'with the figure dialog').toEqual([]);
        await context.close();
      });
    }
  }
});
