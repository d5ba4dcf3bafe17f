import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { deleteExpiredSessions } from './accounts/index.js';
import { createApp, createRequestListener } from './app.js';
import { ConfigError, loadConfig } from './config/config.js';
import { checkFolders, checkRedis, listenOrExplain, StartupError } from './config/preflight.js';
import type { DomainEvent } from './shared/domain-events.js';
import { publishDueArticles, purgeTrashedArticles } from './content/index.js';
import { purgeOldComments } from './comments/index.js';
import { checkConnection, createDb, DatabaseOpenError } from './db/create-db.js';
import { migrateToLatest } from './db/migrate.js';
import { fullGarbageCollection } from './http/cache/garbage-collector.js';
import { createLogger, resolveLogFormat } from './http/logger.js';
import { PageCache } from './http/cache/page-cache.js';
import { loadOrCreateSessionSecret } from './http/session-secret.js';
import { AssetStore } from './http/static-assets.js';
import { deleteExpiredRateCounters } from './ratelimit/index.js';
import { RedirectHitCounter } from './redirects/index.js';
import { createMailTransport, deliverPendingMail } from './mail/index.js';
import { InterruptedSeedError } from './seed/seed-errors.js';
import { demoSeedNeeded } from './seed/seed-state.js';
import { systemClock } from './shared/clock.js';
import { EventBus } from './shared/events.js';
import { localInvalidator } from './http/cache/cache-invalidator.js';
import { redisInvalidator } from './http/cache/redis-invalidator.js';

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
// Scheduled articles go live within this long of their time (each process checks; one publishes).
const SCHEDULER_INTERVAL_MS = 5_000;
// Queued mail is looked at this often: a reset link should not keep its reader waiting.
const MAIL_INTERVAL_MS = 10_000;
const LONGEST_RATE_WINDOW_SECONDS = 15 * 60;

async function main(): Promise<void> {
  const config = loadConfig(process.env);
  const logger = createLogger(config.logLevel, {}, resolveLogFormat(config.logFormat, process.stdout.isTTY === true));
  // The port is taken first (a clash is found before anything is written) and answers 503
  // until the site is ready; then the folders and Redis are checked, and only then written.
  let handleRequest: http.RequestListener = notReadyYet;
  const server = http.createServer({ keepAliveTimeout: 5000 }, (req, res) => handleRequest(req, res));
  await listenOrExplain(server, config);
  checkFolders(config);
  if (config.redisUrl) await checkRedis(config.redisUrl);
  const handle = createDb(config.database, { onPoolError: (e) => logger.error('database pool error', { error: e.message }) });
  await checkConnection(handle, config.database);
  await migrateToLatest(handle.db, handle.dialect);
  logger.info(`database ready: ${config.database.dialect === 'sqlite' ? `SQLite ${config.database.file}` : 'PostgreSQL'}`);
  const sessionSecret = loadOrCreateSessionSecret(config.dataDir);
  const mediaDir = path.join(config.dataDir, 'media');
  fs.mkdirSync(mediaDir, { recursive: true });
  const clock = systemClock;
  const events = new EventBus<DomainEvent>((e) => logger.error('event listener failed', { error: String(e) }));
  const cache = new PageCache(config.cacheMaxBytes, { collectGarbage: config.pageCache ? fullGarbageCollection() : undefined, now: () => clock.now().getTime() });
  const invalidator = config.redisUrl ? await connectRedis(cache, config.redisUrl, logger) : localInvalidator(cache);

  // The demo generator loads only when there is demo work to do.
  if (config.demoContent && (await demoSeedNeeded(handle.db))) {
    const { seedDemoOnFirstStart } = await import('./seed/seed-on-first-start.js');
    const killAt = config.testSeedKillAt;
    await seedDemoOnFirstStart({
      db: handle.db,
      dialect: handle.dialect,
      clock,
      events,
      mediaDir,
      onProgress: (m) => logger.info(m),
      onStep: killAt ? (step) => step === killAt && process.kill(process.pid, 'SIGKILL') : undefined,
    });
  }

  const assets = AssetStore.load(publicDir());
  // Hits on redirect rows are counted in memory and stored every few seconds; a clean stop stores the rest.
  const redirectHits = new RedirectHitCounter(handle.db, { onError: (e) => logger.error('redirect hits not stored; kept for the next try', { error: String(e) }) });
  const app = createApp({
    redirectHits,
    config,
    db: handle.db,
    dialect: handle.dialect,
    clock,
    cache,
    invalidator,
    events,
    assets,
    logger,
    mediaDir,
    sessionSecret,
  });
  handleRequest = createRequestListener(app, { config, cache, assets, sessionSecret });
  const mailTransport = createMailTransport({ smtpUrl: config.mail.smtpUrl, mailDir: config.mail.dir });
  logger.info(`outgoing mail: ${mailTransport.description}`);
  const mailDeps = { db: handle.db, clock, transport: mailTransport, from: config.mail.from, messageIdDomain: config.siteUrl.hostname };
  // Scheduled articles go live from here: a write like any other, so the cache follows. At
  // start-up first (what fell due while no process ran), then every few seconds; a run never
  // overlaps the last, and other processes may run too (the claim publishes each article once).
  let isPublishing = false;
  const publishDue = () => {
    if (isPublishing) return;
    isPublishing = true;
    // A round publishes only what was due when it started, so its lines say when that was.
    const roundStartedAt = clock.now().toISOString();
    publishDueArticles({ db: handle.db, clock, events })
      // Said by the one process whose claim won, so the log shows who published each.
      .then((ids) => {
        if (ids.length > 0) logger.info('scheduled articles published', { ids, roundStartedAt });
        else logger.debug('scheduler round: nothing to publish', { roundStartedAt });
      })
      .catch((e) => logger.error('scheduled publishing failed', { error: String(e) }))
      .finally(() => {
        isPublishing = false;
      });
  };
  publishDue();
  const scheduler = setInterval(publishDue, SCHEDULER_INTERVAL_MS);
  scheduler.unref();
  // The mail outbox is delivered from here; each message is claimed, so several processes send it once.
  let isDelivering = false;
  const mailer = setInterval(() => {
    if (isDelivering) return;
    isDelivering = true;
    deliverPendingMail(mailDeps)
      .then((report) => {
        if (report.sent + report.retrying + report.failed > 0) logger.info('mail delivered', { ...report });
      })
      .catch((e) => logger.error('mail delivery failed', { error: String(e) }))
      .finally(() => {
        isDelivering = false;
      });
  }, MAIL_INTERVAL_MS);
  mailer.unref();
  // Expired sessions and finished rate-limit windows are swept hourly; nothing reads them.
  const sweeper = setInterval(() => {
    // Articles in the trash for 30 days are deleted for good on the same round.
    Promise.all([
      deleteExpiredSessions(handle.db, clock),
      deleteExpiredRateCounters(handle.db, clock, LONGEST_RATE_WINDOW_SECONDS),
      purgeTrashedArticles({ db: handle.db, clock, events }),
      // Spam and trashed comments past the retention days in the comment settings.
      purgeOldComments({ db: handle.db, clock, events }),
    ]).catch((e) =>
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
    clearInterval(mailer);
    mailTransport.close();
    server.close(async () => {
      await redirectHits.close();
      await invalidator.close();
      await handle.close();
      process.exit(0);
    });
    setTimeout(() => process.exit(1), 10_000).unref();
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));

  // Said last, once a stop signal is handled: whoever reads this line may send one.
  const info = server.address() as AddressInfo;
  logger.info(`Dossier is serving ${config.siteUrl.href} (listening on ${info.address}:${info.port}, ${handle.dialect})`);
  logger.info('next: create your own account with  npm run user:create -- --email you@example.org --role administrator');
}

/** Before the site is ready, the port is held and answers that it is starting. */
const notReadyYet: http.RequestListener = (_req, res) => {
  res.writeHead(503, { 'content-type': 'text/plain; charset=utf-8', 'retry-after': '2', 'cache-control': 'no-store' });
  res.end('Dossier is starting; try again in a moment.\n');
};

async function connectRedis(cache: PageCache, url: string, logger: ReturnType<typeof createLogger>) {
  try {
    return await redisInvalidator(cache, url, { onError: (e) => logger.error('redis error', { error: e.message }) });
  } catch (error) {
    throw new StartupError(`cannot reach Redis at REDIS_URL (${(error as Error).message}); start Redis or unset REDIS_URL`);
  }
}

main().catch((error: unknown) => {
  // Problems the operator must fix get one clear line, not a stack trace.
  if (error instanceof ConfigError) {
    console.error(`dossier: invalid configuration: ${error.problems.join('; ')}`);
  } else if (error instanceof DatabaseOpenError || error instanceof StartupError || error instanceof InterruptedSeedError) {
    console.error(`dossier: ${error.message}`);
  } else {
    console.error('dossier: failed to start:', error);
  }
  process.exit(1);
});
