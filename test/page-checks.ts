/// <reference lib="dom" />
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import type { BrowserContext, Page } from 'playwright-core';

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

/** What a script guard heard on the pages of its context. */
export interface ScriptGuard {
  /** the message of every dialog a page opened anyway (each dismissed) */
  readonly dialogs: string[];
  /** the canary's calls on this page and its frames so far: which of alert, confirm, prompt, print a script called */
  calls(page: Page): Promise<string[]>;
}

/** The functions an injected script calls to show that it ran. */
const CANARY_FUNCTIONS = ['alert', 'confirm', 'prompt', 'print'] as const;

/**
 * Guards every page of a browser context for tests that load hostile content: in every
 * frame, before any of the page's scripts run, alert/confirm/prompt/print are replaced by a
 * canary that records each call (so a payload that ran is counted even where no dialog would
 * open), and any dialog that opens all the same is recorded and dismissed. A test then
 * expects `dialogs` and `calls(page)` to be empty.
 */
export async function guardAgainstScripts(context: BrowserContext): Promise<ScriptGuard> {
  const dialogs: string[] = [];
  context.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  await context.addInitScript((names: readonly string[]) => {
    const w = window as unknown as { __canary: string[] } & Record<string, unknown>;
    w.__canary = [];
    for (const name of names) {
      w[name] = () => {
        w.__canary.push(name);
        return null;
      };
    }
  }, CANARY_FUNCTIONS);
  return {
    dialogs,
    calls: async (page) => {
      const read = (frame: ReturnType<Page['mainFrame']>) => frame.evaluate(() => (window as unknown as { __canary?: string[] }).__canary ?? null);
      const main = await read(page.mainFrame());
      // Without the canary on the page itself the guard would hear nothing: that is no pass.
      if (!main) throw new Error(`no canary on ${page.url()}: was the page opened in the guarded context?`);
      const calls = [...main];
      for (const frame of page.frames().filter((f) => f !== page.mainFrame())) {
        // A frame that navigated away or closed meanwhile has nothing left to tell; one the init script did not reach has no canary.
        calls.push(...((await read(frame).catch(() => null)) ?? []));
      }
      return calls;
    },
  };
}
