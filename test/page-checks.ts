/// <reference lib="dom" />
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import type { Page } from 'playwright-core';

const require = createRequire(import.meta.url);

/**
 * Standard CSS newer than the checker's CSS validator, each named exactly. scroll-initial-target
 * (CSS Scroll Snap 2, in Chromium since 133) starts the phone navigation scrolled to the page's
 * section without script; browsers that do not know it ignore it.
 */
const CSS_THE_CHECKER_DOES_NOT_KNOW = ['CSS: “scroll-initial-target”: Property “scroll-initial-target” doesn\'t exist.'];

/**
 * axe-core's serious and critical violations on the page as it is now, one line each.
 * The page's context must be made with `bypassCSP: true` so the test can inject axe.
 */
export async function seriousAxeViolations(page: Page): Promise<string[]> {
  const axeSource = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
  await page.addScriptTag({ content: axeSource });
  const result = await page.evaluate(async () => (window as any).axe.run(document, { resultTypes: ['violations'] }));
  return (result.violations as { id: string; impact: string; nodes: { target: string[] }[] }[])
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')}`);
}

/** The Nu HTML Checker's errors for these documents (name → HTML), as "name:line: message". */
export async function nuHtmlErrors(documents: Record<string, string>): Promise<string[]> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dossier-vnu-'));
  try {
    const files = Object.entries(documents).map(([name, html]) => {
      const file = path.join(dir, `${name}.html`);
      fs.writeFileSync(file, html);
      return file;
    });
    const jar = require.resolve('vnu-jar/build/dist/vnu.jar');
    const run = await promisify(execFile)('java', ['-jar', jar, '--errors-only', '--format', 'json', '--exit-zero-always', ...files], { maxBuffer: 1 << 24 });
    const messages = (JSON.parse(run.stderr || run.stdout) as { messages: { type: string; message: string; url: string; lastLine?: number }[] }).messages;
    return messages
      .filter((m) => m.type === 'error' && !CSS_THE_CHECKER_DOES_NOT_KNOW.some((known) => m.message === known))
      .map((m) => `${path.basename(m.url)}:${m.lastLine}: ${m.message}`);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
