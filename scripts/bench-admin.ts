/*
 * npx tsx scripts/bench-admin.ts [--duration 10]
 * The admin rows of `npm run bench` alone (scripts/bench/admin.ts): autosave at full speed
 * and at the island's pace, each with readers on the longest article at the same time, and
 * the 20-megapixel upload. Uses ./data/bench/demo, seeding it when missing; the built server
 * (dist/, `npm run build` first).
 */
import { parseArgs } from 'node:util';
import { formatAdmin, measureAdmin } from './bench/admin.js';
import { installCleanupHandlers } from './bench/children.js';
import { discoverPages } from './bench/discover.js';
import { parseBenchOptions } from './bench/options.js';
import { ensureSeeded } from './bench/sites.js';

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { duration: { type: 'string', default: '10' } } });
  installCleanupHandlers();
  const demo = { name: 'demo' as const, dataDir: parseBenchOptions([]).demoDir };
  await ensureSeeded(demo, 0, false);
  const result = await measureAdmin(demo.dataDir, discoverPages(demo.dataDir).paths.article, Number(values.duration));
  console.log(`\n${formatAdmin(result)}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
