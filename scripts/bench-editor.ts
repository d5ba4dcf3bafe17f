/*
 * The editor island's two figures for `npm run bench`: the bundle's size (minified, gzip -9,
 * brotli) and its ready-to-type time in Chromium — navigation start to the editor mounted
 * and taking input (the island's `dossier-editor-ready` performance mark), cold (empty
 * cache) and warm, plus the time from a key press to the body field holding the letter.
 *
 *   npx tsx scripts/bench-editor.ts                  # the harness page with the longest demo article
 *   npx tsx scripts/bench-editor.ts <edit-page-url>  # any page with the island (a signed-in context is the caller's)
 *
 * From the bench: `const result = await measureEditor(url, { runs: 10 })` and `editorBundleSize()`.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import zlib from 'node:zlib';
import type { Browser, BrowserContext } from 'playwright-core';
import { EDITOR_BUNDLE, buildEditorBundle } from './build-editor.mjs';
import { launchChromium } from '../test/browser.js';

export interface EditorBundleSize {
  bytes: number;
  gzipBytes: number;
  brotliBytes: number;
}

export interface EditorTiming {
  url: string;
  runs: number;
  /** navigation start → editor ready, first visit with an empty cache (ms) */
  coldReadyMs: number;
  /** the same with the bundle cached, median and worst of `runs` (ms) */
  warmReadyMedianMs: number;
  warmReadyMaxMs: number;
  /** the island's own share: its script starting to run → ready (loading the body, mounting), median (ms) */
  islandStartupMedianMs: number;
  /** a key pressed in the ready editor → the letter in the form's body field (ms, median) */
  keyToFieldMedianMs: number;
  /** the body's length, for context */
  bodyChars: number;
}

export function editorBundleSize(file = EDITOR_BUNDLE): EditorBundleSize {
  const code = fs.readFileSync(file);
  return {
    bytes: code.length,
    gzipBytes: zlib.gzipSync(code, { level: 9 }).length,
    brotliBytes: zlib.brotliCompressSync(code).length,
  };
}

/**
 * In the page: from the next keydown to the body field changing, in ms. A string, so that
 * no helper a TypeScript loader adds to named functions has to exist in the page.
 */
const KEY_PROBE = `{
  const field = document.querySelector('textarea#body') || document.querySelector('textarea');
  const before = field.value;
  window.keyMs = null;
  document.addEventListener('keydown', (event) => {
    const at = event.timeStamp;
    const check = () => {
      if (field.value !== before) window.keyMs = performance.now() - at;
      else requestAnimationFrame(check);
    };
    requestAnimationFrame(check);
  }, { once: true, capture: true });
}`;

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? NaN;

async function readyOnce(context: BrowserContext, url: string): Promise<{ readyMs: number; islandMs: number; keyMs: number; bodyChars: number }> {
  const page = await context.newPage();
  await page.goto(url, { waitUntil: 'commit' });
  await page.waitForSelector('[data-editor-ready="true"]', { timeout: 15_000 });
  const [readyMs, startMs] = await page.evaluate(() => ['dossier-editor-ready', 'dossier-editor-start'].map((m) => performance.getEntriesByName(m)[0]?.startTime ?? NaN));
  const editor = page.locator('[data-editor-for] .editor-content').first();
  await editor.click({ position: { x: 40, y: 20 } });
  await page.waitForTimeout(250); // ProseMirror settles the click's selection
  await page.evaluate(KEY_PROBE);
  await page.keyboard.press('KeyQ');
  const keyMs = (await (await page.waitForFunction(() => (window as unknown as { keyMs: number | null }).keyMs, null, { timeout: 5000 })).jsonValue()) as number;
  const bodyChars = await page.evaluate(() => document.querySelector<HTMLTextAreaElement>('textarea#body')?.value.length ?? 0);
  await page.close();
  return { readyMs: readyMs!, islandMs: readyMs! - startMs!, keyMs, bodyChars };
}

export async function measureEditor(url: string, options: { runs?: number; browser?: Browser; newContext?: (b: Browser) => Promise<BrowserContext> } = {}): Promise<EditorTiming> {
  const runs = options.runs ?? 10;
  const browser = options.browser ?? (await launchChromium());
  const newContext = options.newContext ?? ((b: Browser) => b.newContext({ viewport: { width: 1200, height: 900 } }));
  try {
    const context = await newContext(browser);
    const cold = await readyOnce(context, url);
    const warm: number[] = [];
    const keys: number[] = [cold.keyMs];
    const island: number[] = [cold.islandMs];
    for (let i = 0; i < runs; i++) {
      const run = await readyOnce(context, url);
      warm.push(run.readyMs);
      keys.push(run.keyMs);
      island.push(run.islandMs);
    }
    await context.close();
    return {
      url,
      runs,
      coldReadyMs: Math.round(cold.readyMs),
      warmReadyMedianMs: Math.round(median(warm)),
      warmReadyMaxMs: Math.round(Math.max(...warm)),
      islandStartupMedianMs: Math.round(median(island)),
      keyToFieldMedianMs: Math.round(median(keys)),
      bodyChars: cold.bodyChars,
    };
  } finally {
    if (!options.browser) await browser.close();
  }
}

/** The harness page with the demo's longest article, stored as the save step stores it. */
async function startLongArticleHarness() {
  const { generateDemoSite } = await import('../src/demo/index.js');
  const { prepareBody } = await import('../src/content/body-html.js');
  const { startEditorHarness } = await import('../src/admin/editor/harness/harness-server.js');
  const { article } = await import('../src/admin/editor/harness/browser-kit.js');
  const longest = generateDemoSite(new Date('2026-11-20T12:00:00Z')).articles.reduce((a, b) => (b.bodyHtml.length > a.bodyHtml.length ? b : a));
  const body = prepareBody(longest.bodyHtml.replace(/src="demo:([^"]+)"/g, 'src="/media/$1.jpg"')).html;
  const harness = await startEditorHarness({ articles: [article('long', body, { title: longest.title })] });
  return { harness, url: harness.editUrl('long') };
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const runsAt = args.indexOf('--runs');
  const runs = runsAt >= 0 ? Number(args[runsAt + 1]) : 10;
  const given = args.find((a, i) => /^https?:\/\//.test(a) && args[i - 1] !== '--runs');
  await buildEditorBundle({ ifStale: true });
  const size = editorBundleSize();
  const target = given ? { harness: null, url: given } : await startLongArticleHarness();
  try {
    const timing = await measureEditor(target.url, { runs });
    console.log(JSON.stringify({ bundle: size, timing }, null, 2));
    console.log(
      `editor bundle: ${(size.bytes / 1024).toFixed(1)} KiB minified, ${(size.gzipBytes / 1024).toFixed(1)} KiB gzip, ${(size.brotliBytes / 1024).toFixed(1)} KiB brotli; ` +
        `ready to type: ${timing.coldReadyMs} ms cold, ${timing.warmReadyMedianMs} ms warm (median of ${runs}, worst ${timing.warmReadyMaxMs}); ` +
        `of which the island's start-up ${timing.islandStartupMedianMs} ms; key to field: ${timing.keyToFieldMedianMs} ms; body ${timing.bodyChars} characters; load average ${os.loadavg()[0]!.toFixed(1)}`,
    );
  } finally {
    await target.harness?.close();
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
