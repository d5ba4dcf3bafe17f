/*
 * npx tsx scripts/bench-search.ts [--large-dir <path>] [--large-articles <n>] [--search-runs 60]
 *   [--no-search-postgres] [--reseed-postgres] [--postgres-schema bench_large] [--no-search-http] [--no-build]
 *   [--duration <s>] (the flood row's length)
 * The search rows of `npm run bench` alone (scripts/bench/search.ts): latency of searchArticles
 * on the large site, SQLite and PostgreSQL, and of GET /search on the built server when it has
 * the page, and the flood row (scripts/bench/search-flood.ts) with it. Seeds ./data/bench/large (SQLite) and the PostgreSQL schema when missing: minutes.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { installCleanupHandlers, runToEnd } from './bench/children.js';
import { parseBenchOptions, UsageError, USAGE } from './bench/options.js';
import { formatSearch } from './bench/print.js';
import { benchSearch } from './bench/search.js';
import { formatSearchFlood, measureSearchFlood } from './bench/search-flood.js';
import { checkExternalSite, ensureSeeded } from './bench/sites.js';
import { searchTargets } from './bench/targets.js';

async function main(): Promise<void> {
  const options = parseBenchOptions(process.argv.slice(2));
  installCleanupHandlers();
  const large = { name: 'large' as const, dataDir: options.largeDir };
  if (options.isLargeDirExternal) checkExternalSite(large);
  else await ensureSeeded(large, options.largeArticles, options.reseed);
  if (options.build && options.search.isHttpOn) await runToEnd('npm', ['run', '--silent', 'build']);
  const startedAt = new Date().toISOString();
  const loadAtStart = os.loadavg();
  const search = await benchSearch(options);
  const flood = options.search.isHttpOn ? await measureSearchFlood(options.largeDir, options.wrk.durationSeconds) : null;
  const loadAtEnd = os.loadavg();
  console.log(`\nsearch bench, ${startedAt}; load average at start ${loadAtStart.map((n) => n.toFixed(2)).join(' ')}, at end ${loadAtEnd.map((n) => n.toFixed(2)).join(' ')} (${os.cpus().length} cores)`);
  console.log(formatSearch(search));
  const targets = searchTargets(search);
  console.log('');
  for (const t of targets) console.log(`${t.pass === null ? 'n/a ' : t.pass ? 'PASS' : 'FAIL'}  ${t.name}: ${t.measured}`);
  if (flood) console.log(`\n${formatSearchFlood(flood)}`);
  fs.mkdirSync(options.resultsDir, { recursive: true });
  const file = path.join(options.resultsDir, `search-${startedAt.replace(/[:.]/g, '-')}.json`);
  const command = `npx tsx scripts/bench-search.ts ${process.argv.slice(2).join(' ')}`.trim();
  fs.writeFileSync(file, JSON.stringify({ startedAt, command, loadAverageAtStart: loadAtStart, loadAverageAtEnd: loadAtEnd, search, flood, targets }, null, 2) + '\n');
  console.log(`\nwritten to ${path.relative(process.cwd(), file)}`);
}

main().catch((error: unknown) => {
  if (error instanceof UsageError) console.error(`bench-search: ${error.message}\n\n${USAGE}`);
  else console.error('bench-search failed:', error);
  process.exit(1);
});
