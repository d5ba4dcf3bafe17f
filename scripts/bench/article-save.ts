/*
 * npx tsx scripts/bench/article-save.ts [--dialect sqlite|postgres] [--saves 40]
 * Server-side time of saving a 5,000-word published article from the admin form (POST
 * /admin/articles/:id/save: parsing, roles, version check, sanitizing, revision, listings,
 * related refresh and cache invalidation), p50/p99, and autosaves per second. Runs on a
 * fresh test database with 60 other published articles, in process (app.request).
 */
import { performance } from 'node:perf_hooks';
import { signInAs } from '../../test/admin-session.js';
import { articleInput, createNewsroom } from '../../test/factories.js';
import { createTestApp } from '../../test/test-app.js';
import { saveArticle } from '../../src/content/index.js';

const args = process.argv.slice(2);
const arg = (name: string, fallback: string) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1]! : fallback;
};
const dialect = arg('dialect', 'sqlite') as 'sqlite' | 'postgres';
const saves = Number(arg('saves', '40'));

const WORDS = 'harbour convoy ceasefire tariff council crossing patrol schedule negotiator customs shipping ferry district reservoir drought election mediator pipeline'.split(' ');
function longBody(words: number, seed: number): string {
  const parts: string[] = [];
  let n = 0;
  for (let section = 0; n < words; section++) {
    parts.push(`<h2>Section ${section + 1}</h2>`);
    for (let p = 0; p < 4 && n < words; p++) {
      const sentence = Array.from({ length: 100 }, (_, i) => WORDS[(i * 7 + p + section + seed) % WORDS.length]).join(' ');
      parts.push(`<p>${sentence}.</p>`);
      n += 100;
    }
  }
  return parts.join('');
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;

const t = await createTestApp(dialect);
try {
  const deps = { db: t.db, clock: t.clock, events: t.events };
  const n = await createNewsroom(t.db, t.clock, t.events);
  for (let i = 0; i < 60; i++) await saveArticle(deps, articleInput(n, { slug: `other-${i}`, body: longBody(300, i) }));
  const editor = await signInAs(t, 'editor');
  const form = (version: number, i: number) => ({
    title: `A long read, take ${i}`,
    slug: 'the-long-read',
    dek: 'Five thousand words.',
    body: longBody(5000, i),
    primaryTopicId: n.front.id,
    tags: 'Ports, Ceasefire',
    commentsOpenShown: '1',
    commentsOpen: 'on',
    action: i === 0 ? 'publish' : 'save',
    version: String(version),
  });
  const created = await editor.post('/admin/articles/new', form(0, 0));
  const id = /articles\/([0-9a-z]+)\/edit/.exec(created.headers.get('location')!)![1]!;
  let version = 1;
  const times: number[] = [];
  for (let i = 1; i <= saves; i++) {
    const started = performance.now();
    const res = await editor.post(`/admin/articles/${id}/save`, form(version, i));
    times.push(performance.now() - started);
    if (res.status !== 303) throw new Error(`save answered ${res.status}`);
    version++;
  }
  times.sort((a, b) => a - b);
  const autosaveStart = performance.now();
  let autosaves = 0;
  while (performance.now() - autosaveStart < 3000) {
    const res = await editor.post(`/admin/articles/${id}/autosave`, form(version, autosaves));
    if (res.status !== 200) throw new Error(`autosave answered ${res.status}`);
    version++;
    autosaves++;
  }
  const perSecond = autosaves / ((performance.now() - autosaveStart) / 1000);
  console.log(`${dialect}: save of a 5,000-word published article, ${saves} saves: p50 ${percentile(times, 50).toFixed(1)} ms, p99 ${percentile(times, 99).toFixed(1)} ms; autosaves (one client, in a row): ${perSecond.toFixed(0)}/s`);
} finally {
  await t.destroy();
}
