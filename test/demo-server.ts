import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import http from 'node:http';
import { createApp, createRequestListener } from '../src/app.js';
import { loadConfig } from '../src/config/config.js';
import type { DomainEvent } from '../src/shared/domain-events.js';
import { createDb } from '../src/db/create-db.js';
import { migrateToLatest } from '../src/db/migrate.js';
import { createLogger } from '../src/http/logger.js';
import { PageCache } from '../src/http/cache/page-cache.js';
import { AssetStore } from '../src/http/static-assets.js';
import { seedDemoOnFirstStart } from '../src/seed/seed-on-first-start.js';
import { fixedClock } from '../src/shared/clock.js';
import { EventBus } from '../src/shared/events.js';
import { PUBLIC_DIR } from './test-app.js';

export interface DemoServer {
  url: string;
  db: ReturnType<typeof createDb>['db'];
  /** the server's own clock and event bus: a write made with them reaches its page cache */
  clock: ReturnType<typeof fixedClock>;
  events: EventBus<DomainEvent>;
  close(): Promise<void>;
}

/**
 * The demo publication on a real listening server (ephemeral port, temporary SQLite), as
 * `npm start` serves it: for browser journeys, the HTML checker and axe.
 */
export async function startDemoServer(env: Record<string, string> = {}): Promise<DemoServer> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'dossier-demo-'));
  const config = loadConfig({ DATA_DIR: dataDir, LOG_LEVEL: 'silent', SITE_URL: 'http://127.0.0.1:1' });
  const handle = createDb(config.database);
  await migrateToLatest(handle.db, handle.dialect);
  const clock = fixedClock('2026-11-20T12:00:00.000Z');
  const events = new EventBus<DomainEvent>();
  const cache = new PageCache(config.cacheMaxBytes, { now: () => clock.now().getTime() });
  const mediaDir = path.join(dataDir, 'media');
  await seedDemoOnFirstStart({ db: handle.db, dialect: handle.dialect, clock, events, mediaDir, onProgress: () => {} });
  // The same listener as `npm start` (page-cache hits answered by the front); the app
  // behind it is made once the port, and so SITE_URL, is known.
  let listener: http.RequestListener = (_req, res) => res.writeHead(503).end();
  const server = http.createServer({ keepAliveTimeout: 5000 }, (req, res) => listener(req, res));
  const port = await new Promise<number>((resolve) => server.listen(0, '127.0.0.1', () => resolve((server.address() as AddressInfo).port)));
  // SITE_URL must be the address readers use; it is known once the port is.
  const assets = AssetStore.load(PUBLIC_DIR);
  const sessionSecret = Buffer.alloc(32, 9);
  const siteConfig = loadConfig({ DATA_DIR: dataDir, LOG_LEVEL: 'silent', SITE_URL: `http://127.0.0.1:${port}`, ...env });
  const app = createApp({
    config: siteConfig,
    db: handle.db,
    dialect: handle.dialect,
    clock,
    cache,
    events,
    assets,
    logger: createLogger('silent'),
    mediaDir,
    sessionSecret,
  });
  listener = createRequestListener(app, { config: siteConfig, cache, assets, sessionSecret, clock });
  return {
    url: `http://127.0.0.1:${port}`,
    db: handle.db,
    clock,
    events,
    close: async () => {
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      await handle.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
