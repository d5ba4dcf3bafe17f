import type { KyselyPlugin, PluginTransformQueryArgs, PluginTransformResultArgs, QueryResult, RootOperationNode, UnknownRow } from 'kysely';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { type AppDeps, createApp } from '../src/app.js';
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
  /** counts the statements the app (not the test's own writes) runs */
  queries: QueryCounter;
  destroy(): Promise<void>;
}

/** A Kysely plugin that counts statements: the query budget of each page type is tested with it. */
export class QueryCounter implements KyselyPlugin {
  count = 0;
  readonly sql: string[] = [];
  transformQuery({ node }: PluginTransformQueryArgs): RootOperationNode {
    this.count++;
    this.sql.push(node.kind);
    return node;
  }
  async transformResult({ result }: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
    return result;
  }
  reset(): void {
    this.count = 0;
    this.sql.length = 0;
  }
}

/** The real application on a fresh database of its own, with a fixed clock and SITE_URL. */
export async function createTestApp(dialect: Dialect, env: Record<string, string> = {}, overrides: Pick<Partial<AppDeps>, 'redirectHits'> = {}): Promise<TestApp> {
  const testDb = await createTestDb(dialect);
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'dossier-app-'));
  const config = loadConfig({ SITE_URL: 'https://news.example.org', DATA_DIR: dataDir, LOG_LEVEL: 'silent', ...env });
  const clock = fixedClock('2026-11-20T12:00:00.000Z');
  // Pages that expire (a comment form at its closing time) expire by the app's clock.
  const cache = new PageCache(config.cacheMaxBytes, { now: () => clock.now().getTime() });
  const events = new EventBus<DomainEvent>();
  const mediaDir = path.join(dataDir, 'media');
  fs.mkdirSync(mediaDir);
  assets ??= AssetStore.load(PUBLIC_DIR);
  const queries = new QueryCounter();
  const app = createApp({
    config,
    db: testDb.db.withPlugin(queries),
    dialect,
    clock,
    cache,
    events,
    assets,
    logger: createLogger('silent'),
    mediaDir,
    sessionSecret: Buffer.alloc(32, 7),
    ...overrides,
  });
  return {
    app,
    db: testDb.db,
    testDb,
    cache,
    clock,
    events,
    queries,
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
