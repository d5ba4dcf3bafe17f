/*
 * npx tsx scripts/bench-comments.ts [--duration 10]
 * The comment rows of `npm run bench` alone (scripts/bench/comments.ts): the longest article
 * read alone, then comment posting at full speed, held and shown at once, each with readers on
 * the same article. Uses a copy of ./data/bench/demo (seeding the demo when missing), so the
 * demo keeps its thread; the built server (dist/, `npm run build` first).
 */
import os from 'node:os';
import { parseArgs } from 'node:util';
import { installCleanupHandlers } from './bench/children.js';
import { measureComments } from './bench/comments.js';
import { discoverPages } from './bench/discover.js';
import { parseBenchOptions } from './bench/options.js';
import { formatComments } from './bench/print.js';
import { ensureSeeded } from './bench/sites.js';

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { duration: { type: 'string', default: '10' } } });
  installCleanupHandlers();
  const demo = { name: 'demo' as const, dataDir: parseBenchOptions([]).demoDir };
  await ensureSeeded(demo, 0, false);
  const loadAtStart = os.loadavg();
  const result = await measureComments(demo.dataDir, discoverPages(demo.dataDir).paths.article, Number(values.duration));
  console.log(`\nload average at start ${loadAtStart.map((n) => n.toFixed(2)).join(' ')}, at end ${os.loadavg().map((n) => n.toFixed(2)).join(' ')}`);
  console.log(formatComments(result));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
