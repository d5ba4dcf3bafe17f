import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createApp } from '../src/app.js';
import { loadConfig } from '../src/config/config.js';
import type { Dialect } from '../src/db/database.js';
import { createLogger } from '../src/http/logger.js';
import { PageCache } from '../src/http/cache/page-cache.js';
import { AssetStore } from '../src/http/static-assets.js';
import { fixedClock } from '../src/shared/clock.js';
import { EventBus } from '../src/shared/events.js';
import type { DomainEvent } from '../src/shared/domain-events.js';
import { createTestDb, type TestDb } from './test-db.js';

export const PUBLIC_DIR = path.resolve(import.meta.dirname, '../public');
let assets: AssetStore | undefined;

export interface TestApp {
  app: ReturnType<typeof createApp>;
  db: TestDb['db'];
  testDb: TestDb;
  cache: PageCache;
  clock: ReturnType<typeof fixedClock>;
  events: EventBus<DomainEvent>;
  mediaDir: string;
  siteUrl: string;
  config: ReturnType<typeof loadConfig>;
  assets: AssetStore;
  destroy(): Promise<void>;
}

/** The real application on a fresh database of its own, with a fixed clock and SITE_URL. */
export async function createTestApp(dialect: Dialect, env: Record<string, string> = {}): Promise<TestApp> {
  const testDb = await createTestDb(dialect);
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'dossier-app-'));
  const config = loadConfig({ SITE_URL: 'https://news.example.org', DATA_DIR: dataDir, LOG_LEVEL: 'silent', ...env });
  const clock = fixedClock('2026-11-20T12:00:00.000Z');
  const cache = new PageCache(config.cacheMaxBytes);
  const events = new EventBus<DomainEvent>();
  const mediaDir = path.join(dataDir, 'media');
  fs.mkdirSync(mediaDir);
  assets ??= AssetStore.load(PUBLIC_DIR);
  const app = createApp({
    config,
    db: testDb.db,
    dialect,
    clock,
    cache,
    events,
    assets,
    logger: createLogger('silent'),
    mediaDir,
    sessionSecret: Buffer.alloc(32, 7),
  });
  return {
    app,
    db: testDb.db,
    testDb,
    cache,
    clock,
    events,
    mediaDir,
    siteUrl: 'https://news.example.org',
    config,
    assets,
    destroy: async () => {
      await testDb.destroy();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
