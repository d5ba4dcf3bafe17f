/*
 * npx tsx scripts/eval-search.ts [--dialect sqlite|postgres|both] [--verbose]
 * Measures search quality on the judged queries (src/search/quality/judged-queries.json):
 * seeds the demo publication into a fresh database (a temporary SQLite file, or a schema of
 * its own in TEST_POSTGRES_URL, default postgres://postgres@127.0.0.1:5432/test), runs each
 * query through searchArticles (public, relevance, first 10) and prints precision@5 and
 * nDCG@10 per query, per kind and overall. A misspelled query is scored as typed and, on a
 * line of its own, with the engine's "did you mean" followed. --verbose lists each query's
 * first 10 results with their grades and the judged articles it missed.
 */
import { parseArgs } from 'node:util';
import { evaluateSearch, type RankingScore, type SearchEvaluation } from '../src/search/quality/evaluate-search.js';
import type { Grades } from '../src/search/quality/ranking-metrics.js';
import { loadJudgedSet } from '../src/search/quality/judged-set.js';
import type { Dialect } from '../src/db/database.js';
import { createDemoDb } from '../test/demo-db.js';

const { values } = parseArgs({ options: { dialect: { type: 'string', default: 'sqlite' }, verbose: { type: 'boolean', default: false } } });
const dialects: Dialect[] = values.dialect === 'both' ? ['sqlite', 'postgres'] : values.dialect === 'postgres' ? ['postgres'] : ['sqlite'];
if (!['sqlite', 'postgres', 'both'].includes(values.dialect)) throw new Error('--dialect takes sqlite, postgres or both');

const judged = loadJudgedSet();
const gradesOf = new Map(judged.map((j) => [j.query, j.relevant]));

for (const dialect of dialects) {
  const started = Date.now();
  const t = await createDemoDb(dialect);
  try {
    const seededIn = (Date.now() - started) / 1000;
    const evaluation = await evaluateSearch({ db: t.db, dialect }, judged);
    console.log(`\n${dialect}: the demo site (seeded in ${seededIn.toFixed(1)} s), ${judged.length} judged queries; searchArticles public, relevance, first 10`);
    console.log(formatEvaluation(evaluation, values.verbose));
  } finally {
    await t.destroy();
  }
}

function formatEvaluation(e: SearchEvaluation, verbose: boolean): string {
  const width = Math.max(...e.queries.map((q) => q.query.length), ...e.queries.map((q) => (q.corrected?.query.length ?? 0) + 4)) + 2;
  const lines = [`${'kind'.padEnd(12)} ${'query'.padEnd(width)}  P@5   nDCG@10  total  grades of the first 10 (· not judged)`];
  for (const q of e.queries) {
    const grades = gradesOf.get(q.query)!;
    lines.push(row(q.kind, q.query, q, grades));
    if (verbose) lines.push(...details(q.ranked, grades));
    if (q.corrected === null) lines.push(`${''.padEnd(12)} → no suggestion`);
    else if (q.corrected) {
      lines.push(row('', `→ ${q.corrected.query}`, q.corrected, grades));
      if (verbose) lines.push(...details(q.corrected.ranked, grades));
    }
  }
  lines.push('', `${'kind'.padEnd(32)} queries  P@5    (best)  nDCG@10`);
  const average = (label: string, a: SearchEvaluation['overall']) =>
    `${label.padEnd(32)} ${String(a.queries).padStart(7)}  ${a.precisionAt5.toFixed(3)}  ${a.bestPrecisionAt5.toFixed(3)}   ${a.ndcgAt10.toFixed(3)}`;
  for (const k of e.kinds) lines.push(average(k.kind, k));
  if (e.misspellingsWithSuggestions.queries > 0) lines.push(average('misspelling, suggestion followed', e.misspellingsWithSuggestions));
  lines.push(average('overall, as typed', e.overall), average('overall, suggestions followed', e.overallWithSuggestions));
  lines.push('(best): the most P@5 can be, since some queries have fewer than 5 relevant articles');
  return lines.join('\n');

  function row(kind: string, label: string, score: RankingScore, grades: Grades): string {
    const marks = score.ranked.map((slug) => String(grades[slug] ?? '·')).join(' ');
    return `${kind.padEnd(12)} ${label.padEnd(width)}  ${score.precisionAt5.toFixed(2)}  ${score.ndcgAt10.toFixed(3)}  ${score.total.padStart(5)}  ${marks}`;
  }

  function details(ranked: readonly string[], grades: Grades): string[] {
    const missed = Object.entries(grades).filter(([slug]) => !ranked.includes(slug));
    return [
      ...ranked.map((slug, i) => `${''.padEnd(14)}${String(i + 1).padStart(2)}. [${grades[slug] ?? '·'}] ${slug}`),
      ...missed.map(([slug, grade]) => `${''.padEnd(14)}missed [${grade}] ${slug}`),
    ];
  }
}
