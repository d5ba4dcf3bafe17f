/*
 * Lighthouse 12 through its Node API, in Debian's Chromium: mobile (the default config,
 * simulated throttling) and desktop, several runs each, the median score per category and
 * the audits that kept a category under 100, so whoever fixes them knows where to look.
 */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import { Launcher } from 'chrome-launcher';
import type { Flags, Result } from 'lighthouse';
import { onCleanup } from './children.js';

export const CHROMIUM = '/usr/bin/chromium';
export const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'] as const;
export type Category = (typeof CATEGORIES)[number];
export type FormFactor = 'mobile' | 'desktop';

export interface LighthouseSummary {
  page: string;
  url: string;
  formFactor: FormFactor;
  /** score 0–100 of each run, per category */
  scores: Record<Category, number[]>;
  median: Record<Category, number>;
  failing: FailingAudit[];
}

export interface FailingAudit {
  category: Category;
  id: string;
  title: string;
  /** e.g. "2.1 s" for a metric: its value in the last run that failed it */
  displayValue: string;
  /** in how many of the runs it scored under 1 */
  failedRuns: number;
  weight: number;
}

/** Lighthouse is a devDependency; a production install without it skips this part. */
export function isLighthouseInstalled(): boolean {
  try {
    createRequire(import.meta.url).resolve('lighthouse/package.json');
    return fs.existsSync(CHROMIUM);
  } catch {
    return false;
  }
}

export async function auditPage(page: string, url: string, formFactor: FormFactor, runs: number): Promise<LighthouseSummary> {
  const lhrs: Result[] = [];
  for (let i = 0; i < runs; i++) lhrs.push(await runWithRetries(url, formFactor));
  const scores = Object.fromEntries(
    CATEGORIES.map((c) => [c, lhrs.map((lhr) => Math.round((lhr.categories[c]?.score ?? 0) * 100))]),
  ) as Record<Category, number[]>;
  const median = Object.fromEntries(CATEGORIES.map((c) => [c, medianOf(scores[c])])) as Record<Category, number>;
  return { page, url, formFactor, scores, median, failing: failingAudits(lhrs) };
}

/** Lighthouse sometimes loses a trace (NO_NAVSTART, NO_FCP) on a busy machine; such a run is redone, not counted. */
async function runWithRetries(url: string, formFactor: FormFactor, attempts = 3): Promise<Result> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await runOnce(url, formFactor);
    } catch (error) {
      if (attempt >= attempts) throw error;
      console.log(`    Lighthouse run failed (${error instanceof Error ? error.message : String(error)}); again`);
    }
  }
}

/** A fresh Chromium per run: no HTTP cache, service worker or warmed JIT carried between runs. */
async function runOnce(url: string, formFactor: FormFactor): Promise<Result> {
  const { default: lighthouse, desktopConfig } = await import('lighthouse');
  const chrome = new Launcher({
    chromePath: CHROMIUM,
    chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
    logLevel: 'silent',
  });
  // Registered before launch(): Chromium exists while launch() still waits for its port, and
  // a Ctrl-C then must end it too. kill() ends its whole process group (it runs detached)
  // and removes its profile dir.
  const forget = onCleanup(() => chrome.kill());
  try {
    await chrome.launch();
    const flags: Flags = { port: chrome.port, logLevel: 'error', output: 'json', onlyCategories: [...CATEGORIES] };
    const result = await lighthouse(url, flags, formFactor === 'desktop' ? desktopConfig : undefined);
    if (!result) throw new Error(`Lighthouse returned nothing for ${url}`);
    if (result.lhr.runtimeError) throw new Error(`Lighthouse on ${url}: ${result.lhr.runtimeError.message}`);
    return result.lhr;
  } finally {
    chrome.kill();
    forget();
  }
}

/** Every scored audit of every category that fell short in any run, heaviest first. */
function failingAudits(lhrs: Result[]): FailingAudit[] {
  const found = new Map<string, FailingAudit>();
  for (const lhr of lhrs) {
    for (const category of CATEGORIES) {
      for (const ref of lhr.categories[category]?.auditRefs ?? []) {
        const audit = lhr.audits[ref.id];
        if (!audit) continue;
        const isFailing = audit.scoreDisplayMode === 'error' || (audit.score !== null && audit.score < 1 && isScored(audit.scoreDisplayMode));
        if (!isFailing) continue;
        const key = `${category}/${ref.id}`;
        const entry = found.get(key) ?? { category, id: ref.id, title: audit.title, displayValue: '', failedRuns: 0, weight: ref.weight };
        entry.failedRuns += 1;
        entry.displayValue = audit.displayValue ?? audit.errorMessage ?? entry.displayValue;
        found.set(key, entry);
      }
    }
  }
  return [...found.values()].sort((a, b) => b.weight - a.weight || b.failedRuns - a.failedRuns);
}

function isScored(mode: Result['audits'][string]['scoreDisplayMode']): boolean {
  return mode === 'binary' || mode === 'numeric' || mode === 'metricSavings';
}

function medianOf(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : Math.round((sorted[mid - 1]! + sorted[mid]!) / 2);
}
