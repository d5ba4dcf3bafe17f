/*
 * npm run seed -- [--articles N]
 * Writes the demo publication into an empty database (DATABASE_URL, default ./data/dossier.db),
 * then, with --articles N, N more generated articles with comments in proportion: the
 * large site the benchmark runs against. Refuses a database that already has content.
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { countUsers } from '../src/accounts/index.js';
import { ConfigError, loadConfig } from '../src/config/config.js';
import type { DomainEvent } from '../src/shared/domain-events.js';
import { createDb, DatabaseOpenError } from '../src/db/create-db.js';
import { migrateToLatest } from '../src/db/migrate.js';
import { generateDemoSite } from '../src/demo/index.js';
import { seedDemoSite } from '../src/seed/seed-demo-site.js';
import { seedLargeSite } from '../src/seed/seed-large-site.js';
import { writeSeedState } from '../src/seed/seed-state.js';
import { systemClock } from '../src/shared/clock.js';
import { EventBus } from '../src/shared/events.js';

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { articles: { type: 'string', default: '0' }, workers: { type: 'string' } } });
  const count = Number(values.articles);
  if (!Number.isInteger(count) || count < 0 || count > 2_000_000) throw new UsageError('--articles takes a whole number from 0 to 2,000,000');
  const config = loadConfig(process.env);
  const handle = createDb(config.database);
  await migrateToLatest(handle.db, handle.dialect);
  if ((await countUsers(handle.db)) > 0) {
    throw new UsageError(
      `the database already has content; seed an empty one, e.g. DATABASE_URL=./data/bench.db npm run seed -- --articles ${count || 100000}`,
    );
  }
  const started = Date.now();
  const log = (m: string) => console.log(`[${((Date.now() - started) / 1000).toFixed(1)} s] ${m}`);
  const deps = { db: handle.db, clock: systemClock, events: new EventBus<DomainEvent>(), mediaDir: path.join(config.dataDir, 'media') };
  const site = generateDemoSite(systemClock.now());
  log(`writing the demo site (${site.articles.length} articles)`);
  // Marked like the first start's seed, so a seed cut short is removed and redone by `npm start`.
  await writeSeedState(handle.db, 'started');
  const seeded = await seedDemoSite({ ...deps, onProgress: log }, site);
  if (count > 0) {
    await seedLargeSite(deps, site, seeded, {
      count,
      workers: values.workers ? Number(values.workers) : undefined,
      onProgress: log,
    });
  }
  await writeSeedState(handle.db, 'complete');
  log(`done: ${site.articles.length + count} articles in ${config.database.dialect === 'sqlite' ? config.database.file : 'PostgreSQL'}`);
  await handle.close();
}

class UsageError extends Error {}

main().catch((error: unknown) => {
  if (error instanceof UsageError || error instanceof ConfigError || error instanceof DatabaseOpenError) {
    console.error(`seed: ${error.message}`);
  } else {
    console.error('seed failed:', error);
  }
  process.exit(1);
});
