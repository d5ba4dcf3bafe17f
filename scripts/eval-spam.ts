/*
 * Measures the comment spam filter on its labelled set (src/comments/spam-corpus/): trains
 * naive Bayes on three quarters, judges the rest, prints precision and recall for spam.
 * Usage: npx tsx scripts/eval-spam.ts [--mistakes]
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DEFAULT_COMMENT_LIMITS } from '../src/comments/index.js';
import { evaluateSpamFilter } from '../src/comments/spam-corpus/evaluate.js';
import { createDb } from '../src/db/create-db.js';
import { migrateToLatest } from '../src/db/migrate.js';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dossier-eval-spam-'));
const handle = createDb({ dialect: 'sqlite', file: path.join(dir, 'eval.db') });
try {
  await migrateToLatest(handle.db, 'sqlite');
  const threshold = DEFAULT_COMMENT_LIMITS.spamThreshold;
  const e = await evaluateSpamFilter(handle.db, threshold);
  console.log(`trained on ${e.trained.spam} spam + ${e.trained.ham} ham; tested on ${e.tested.spam} spam + ${e.tested.ham} ham; threshold ${threshold}`);
  console.log(`spam precision ${e.precision.toFixed(3)} (${e.truePositives} of ${e.truePositives + e.falsePositives} sent to spam were spam)`);
  console.log(`spam recall    ${e.recall.toFixed(3)} (${e.truePositives} of ${e.truePositives + e.falseNegatives} spam caught)`);
  if (process.argv.includes('--mistakes')) {
    for (const m of e.mistakes) console.log(`  ${m.label} scored ${m.probability.toFixed(3)}: ${m.comment.authorName} | ${m.comment.authorUrl} | ${m.comment.body.slice(0, 100)}`);
  }
} finally {
  await handle.close();
  fs.rmSync(dir, { recursive: true, force: true });
}
