#!/usr/bin/env node
// Proves the invalidation table test (src/http/cache/invalidation.test.ts) guards the event →
// tags map and the page-tag builders: deletes each line that names a tag, one at a time, and
// flips each branch of the map, runs the test on SQLite, and lists any change it survived.
// Files are restored after each run. Usage: node scripts/check-invalidation-mutations.mjs
import fs from 'node:fs';
import { spawnSync } from 'node:child_process';

const TEST = 'src/http/cache/invalidation.test.ts';
const MAP = 'src/http/cache/cache-tags.ts';
const BUILDERS = 'src/http/cache/page-tags.ts';
const IMPORT_NAME = /^\s+[A-Za-z_]+,?$/;

/** Lines of the map after `tagsForEvent` and of the builders that compute tags. */
function deletableLines(file, text) {
  const lines = text.split('\n');
  const from = file === MAP ? lines.findIndex((l) => l.includes('export function tagsForEvent')) : 0;
  return lines.flatMap((line, i) => {
    if (i <= from || IMPORT_NAME.test(line)) return [];
    if (/^\s*(import|export function|function|case|switch|\}|const tags = \[|if \()/.test(line)) return [];
    return /Tag\(|_TAG|tagsOfArticles|tagsFor|\.map\(/.test(line) ? [i] : [];
  });
}

const BRANCH_FLIPS = [
  ['event.isListingChanged ?', 'false ?'],
  ['return event.isInNavigation ? [topicTag(event.topicId), SITE_TAG]', 'return false ? [topicTag(event.topicId), SITE_TAG]'],
  ['if (event.move) return', 'if (false) return'],
  ['...(isInNavigation ? [SITE_TAG] : [])', '...[]'],
  ['if (event.isUrlChanged) tags.push(LATEST_TAG)', 'if (false) tags.push(LATEST_TAG)'],
  ['event.isBylineChanged ? authorTag(event.userId) : profileTag(event.userId)', 'profileTag(event.userId)'],
  ['event.isBylineChanged ? authorTag(event.userId) : profileTag(event.userId)', 'authorTag(event.userId)'],
  ['if (event.wasPublic || event.isPublic)', 'if (event.isPublic)'],
  ['if (event.wasPublic || event.isPublic)', 'if (event.wasPublic)'],
  ['event.isThreadChanged || event.isCountChanged ?', 'true ?'],
  ['event.isThreadChanged || event.isCountChanged ?', 'event.isCountChanged ?'],
];

function survives(file, mutated) {
  const original = fs.readFileSync(file, 'utf8');
  fs.writeFileSync(file, mutated);
  try {
    const run = spawnSync('npx', ['vitest', 'run', TEST], { encoding: 'utf8', env: { ...process.env, DOSSIER_SKIP_POSTGRES: '1' } });
    return run.status === 0;
  } finally {
    fs.writeFileSync(file, original);
  }
}

let tried = 0;
const survivors = [];
for (const file of [MAP, BUILDERS]) {
  const text = fs.readFileSync(file, 'utf8');
  const lines = text.split('\n');
  for (const i of deletableLines(file, text)) {
    tried++;
    const alive = survives(file, [...lines.slice(0, i), ...lines.slice(i + 1)].join('\n'));
    console.log(`${alive ? 'SURVIVED' : 'caught  '}  delete ${file}:${i + 1}  ${lines[i].trim()}`);
    if (alive) survivors.push(`${file}:${i + 1}`);
  }
}
for (const [from, to] of BRANCH_FLIPS) {
  const text = fs.readFileSync(MAP, 'utf8');
  if (!text.includes(from)) throw new Error(`branch not found in ${MAP}: ${from}`);
  tried++;
  const alive = survives(MAP, text.replace(from, to));
  console.log(`${alive ? 'SURVIVED' : 'caught  '}  ${from}  →  ${to}`);
  if (alive) survivors.push(`${from} → ${to}`);
}
console.log(`\n${tried - survivors.length} of ${tried} mutations caught`);
process.exit(survivors.length === 0 ? 0 : 1);
