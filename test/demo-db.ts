import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Dialect } from '../src/db/database.js';
import { generateDemoSite } from '../src/demo/index.js';
import { seedDemoSite } from '../src/seed/seed-demo-site.js';
import { fixedClock } from '../src/shared/clock.js';
import type { DomainEvent } from '../src/shared/domain-events.js';
import { EventBus } from '../src/shared/events.js';
import { createTestDb, type TestDb } from './test-db.js';

/** The instant the demo is generated for: the same articles, dates and slugs on every run. */
export const DEMO_NOW = '2026-12-01T00:00:00.000Z';

/**
 * A fresh test database (temporary SQLite file or PostgreSQL schema) holding the demo
 * publication, written through the seeder's real use cases; destroy() also removes its media.
 */
export async function createDemoDb(dialect: Dialect): Promise<TestDb> {
  const t = await createTestDb(dialect);
  const mediaDir = fs.mkdtempSync(path.join(os.tmpdir(), 'dossier-demo-media-'));
  try {
    const clock = fixedClock(DEMO_NOW);
    await seedDemoSite({ db: t.db, clock, events: new EventBus<DomainEvent>(), mediaDir }, generateDemoSite(clock.now()));
  } catch (error) {
    await t.destroy();
    throw error;
  } finally {
    fs.rmSync(mediaDir, { recursive: true, force: true });
  }
  return t;
}
