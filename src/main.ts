import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { getRequestListener } from '@hono/node-server';
import { countUsers, deleteExpiredSessions } from './accounts/index.js';
import { createApp, responseSecurityHeaders } from './app.js';
import { ConfigError, loadConfig } from './config/config.js';
import type { ContentEvent } from './shared/domain-events.js';
import { publishDueArticles } from './content/index.js';
import { checkConnection, createDb, DatabaseOpenError } from './db/create-db.js';
import { migrateToLatest } from './db/migrate.js';
import { escapeBackslashes, pageCacheFront } from './http/cache/cache-front.js';
import { fullGarbageCollection } from './http/cache/garbage-collector.js';
import { createLogger } from './http/logger.js';
import { PageCache } from './http/cache/page-cache.js';
import { loadOrCreateSessionSecret } from './http/session-secret.js';
import { AssetStore } from './http/static-assets.js';
import { deleteExpiredRateCounters } from './ratelimit/index.js';
import { systemClock } from './shared/clock.js';
import { EventBus } from './shared/events.js';
import { localInvalidator } from './http/cache/cache-invalidator.js';
import { redisInvalidator } from './http/cache/redis-invalidator.js';
import { wireCacheInvalidation } from './http/cache/wire-invalidation.js';

/** public/ beside package.json, whether this runs from src/ (tsx) or dist/src/ (node). */
function publicDir(): string {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  while (!fs.existsSync(path.join(dir, 'package.json'))) {
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error('cannot find the project folder (package.json) above the program');
    dir = parent;
  }
  return path.join(dir, 'public');
}
const SCHEDULER_INTERVAL_MS = 30_000;
const LONGEST_RATE_WINDOW_SECONDS = 15 * 60;

async function main(): Promise<void> {
  const config = loadConfig(process.env);
  const logger = createLogger(config.logLevel);
  const handle = createDb(config.database, { onPoolError: (e) => logger.error('database pool error', { error: e.message }) });
  await checkConnection(handle, config.database);
  await migrateToLatest(handle.db, handle.dialect);
  const sessionSecret = loadOrCreateSessionSecret(config.dataDir);
  const mediaDir = path.join(config.dataDir, 'media');
  fs.mkdirSync(mediaDir, { recursive: true });
  const clock = systemClock;
  const events = new EventBus<ContentEvent>((e) => logger.error('event listener failed', { error: String(e) }));
  const cache = new PageCache(config.cacheMaxBytes, config.pageCache ? fullGarbageCollection() : undefined);
  const invalidator = config.redisUrl ? await connectRedis(cache, config.redisUrl, logger) : localInvalidator(cache);
  wireCacheInvalidation(events, invalidator);

  // The demo generator and image tools load only when they are needed.
  if (config.demoContent && (await countUsers(handle.db)) === 0) {
    const { seedDemoOnFirstStart } = await import('./seed/seed-on-first-start.js');
    await seedDemoOnFirstStart({ db: handle.db, clock, events, mediaDir, onProgress: (m) => logger.info(m) });
  }

  const assets = AssetStore.load(publicDir());
  const app = createApp({
    config,
    db: handle.db,
    dialect: handle.dialect,
    clock,
    cache,
    assets,
    logger,
    mediaDir,
    sessionSecret,
  });
  const appListener = getRequestListener(app.fetch);
  const listener = escapeBackslashes(
    config.pageCache
      ? pageCacheFront({ cache, securityHeaders: responseSecurityHeaders(config, assets), sessionSecret, now: Date.now }, appListener)
      : appListener,
  );
  const server = http.createServer({ keepAliveTimeout: 5000 }, listener);
  server.listen(config.port, config.host, () => {
    const info = server.address() as AddressInfo;
    logger.info(`Dossier is serving ${config.siteUrl.href} (listening on ${info.address}:${info.port}, ${handle.dialect})`);
  });

  // Scheduled articles go live from here: a write like any other, so the cache follows.
  const scheduler = setInterval(() => {
    publishDueArticles({ db: handle.db, clock, events }).catch((e) => logger.error('scheduled publishing failed', { error: String(e) }));
  }, SCHEDULER_INTERVAL_MS);
  scheduler.unref();
  // Expired sessions and finished rate-limit windows are swept hourly; nothing reads them.
  const sweeper = setInterval(() => {
    Promise.all([deleteExpiredSessions(handle.db, clock), deleteExpiredRateCounters(handle.db, clock, LONGEST_RATE_WINDOW_SECONDS)]).catch((e) =>
      logger.error('sweeping expired sessions failed', { error: String(e) }),
    );
  }, 60 * 60_000);
  sweeper.unref();

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info(`${signal}: finishing requests and closing`);
    clearInterval(scheduler);
    clearInterval(sweeper);
    server.close(async () => {
      await invalidator.close();
      await handle.close();
      process.exit(0);
    });
    setTimeout(() => process.exit(1), 10_000).unref();
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
}

class StartupError extends Error {}

async function connectRedis(cache: PageCache, url: string, logger: ReturnType<typeof createLogger>) {
  try {
    return await redisInvalidator(cache, url, { onError: (e) => logger.error('redis error', { error: e.message }) });
  } catch (error) {
    throw new StartupError(`cannot reach Redis at REDIS_URL (${(error as Error).message}); start Redis or unset REDIS_URL`);
  }
}

main().catch((error: unknown) => {
  // Problems the operator must fix get one clear line, not a stack trace.
  if (error instanceof ConfigError || error instanceof DatabaseOpenError || error instanceof StartupError) {
    console.error(`dossier: ${error.message}`);
  } else {
    console.error('dossier: failed to start:', error);
  }
  process.exit(1);
});
