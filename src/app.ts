import { createHmac } from 'node:crypto';
import type { RequestListener } from 'node:http';
import { getRequestListener } from '@hono/node-server';
import { Hono } from 'hono';
import type { LoginLimits } from './accounts/index.js';
import { adminRoutes } from './admin/admin-routes.js';
import type { Config } from './config/config.js';
import type { Database, Dialect } from './db/database.js';
import type { AppEnv } from './http/app-env.js';
import type { Logger } from './http/logger.js';
import { type CacheInvalidator, localInvalidator } from './http/cache/cache-invalidator.js';
import { escapeBackslashes, pageCacheFront } from './http/cache/cache-front.js';
import type { PageCache } from './http/cache/page-cache.js';
import { wireCacheInvalidation } from './http/cache/wire-invalidation.js';
import { notifyOnCommentChanges, PendingCommentCount } from './comments/index.js';
import { outboxQueue } from './mail/index.js';
import { refreshRelatedOnArticleChange } from './related/index.js';
import type { DomainEvent } from './shared/domain-events.js';
import { EventBus } from './shared/events.js';
import { pageCacheMiddleware } from './http/cache/page-cache-middleware.js';
import { requestContext } from './http/request-context.js';
import { securityHeaderValues, securityHeaders } from './http/security-headers.js';
import type { AssetStore } from './http/static-assets.js';
import { MediaVariants } from './media/index.js';
import { RedirectHitCounter, type RedirectHitRecorder } from './redirects/index.js';
import type { Clock } from './shared/clock.js';
import { NotFoundError } from './shared/errors.js';
import { siteErrorResponder } from './site/site-errors.js';
import { STYLESHEET as SITE_STYLESHEET } from './site/views/chrome.js';
import { canonicalPath } from './site/canonical-path.js';
import { commentUnsubscribeRoutes } from './site/comment-unsubscribe.js';
import { siteRoutes } from './site/site-routes.js';
import { searchRoutes } from './site/search/search-routes.js';
import { DEFAULT_COMMENT_TOKEN_POLICY } from './site/comments/comment-form-token.js';
import { commentRoutes } from './site/comments/comment-routes.js';
import { DEFAULT_COMMENT_LIMITS } from './comments/index.js';
import { chromeLoader } from './site/chrome.js';

export interface AppDeps {
  config: Config;
  db: Database;
  dialect: Dialect;
  clock: Clock;
  cache: PageCache;
  /** drops cached pages here, or in every process (Redis); by default, this process's cache */
  invalidator?: CacheInvalidator;
  /** where every write announces itself after commit; createApp subscribes the readers once */
  events?: EventBus<DomainEvent>;
  assets: AssetStore;
  logger: Logger;
  /** where stored images live (served at /media/) */
  mediaDir: string;
  sessionSecret: Buffer;
  sitemapChunkSize?: number;
  /** tests lower the sign-in limits; production uses LOGIN_LIMITS */
  loginLimits?: LoginLimits;
  /** counts redirect hits in memory and stores them in batches; by default one of its own (flushed every 5 s) */
  redirectHits?: RedirectHitRecorder;
}

/** Security headers of every response, the page-cache front's hits included. */
export function responseSecurityHeaders(config: Config, assets: AssetStore): Readonly<Record<string, string>> {
  return securityHeaderValues(config.siteUrl.protocol === 'https:', [assets.inlineStyle(SITE_STYLESHEET).cspHash]);
}

/**
 * What a listening server hands every request to, in production and in the browser tests
 * alike: page-cache hits straight from Node's `http` (the front), everything else to the app.
 */
export function createRequestListener(
  app: Hono<AppEnv>,
  deps: Pick<AppDeps, 'config' | 'cache' | 'assets' | 'sessionSecret'> & {
    /** the app's clock, when it is not the system's (a test's fixed one): staff marks and comment receipts expire by it */
    clock?: Clock;
  },
): RequestListener {
  const clock = deps.clock;
  const appListener = getRequestListener(app.fetch);
  return escapeBackslashes(
    deps.config.pageCache
      ? pageCacheFront(
          { cache: deps.cache, securityHeaders: responseSecurityHeaders(deps.config, deps.assets), sessionSecret: deps.sessionSecret, now: clock ? () => clock.now().getTime() : Date.now },
          appListener,
        )
      : appListener,
  );
}

/** The whole web application, wired once; it never listens (tests call app.request). */
export function createApp(deps: AppDeps): Hono<AppEnv> {
  // The admin navigation's badge: counted once per comment write or per few seconds, not per page.
  const pendingComments = new PendingCommentCount(deps.db, deps.clock);
  const events = subscribeToDomainEvents(deps, pendingComments);
  const chrome = chromeLoader(deps.db, deps.config.siteUrl, deps.assets, deps.cache);
  const app = new Hono<AppEnv>();
  app.use(requestContext(deps.logger));
  app.use(securityHeaders(responseSecurityHeaders(deps.config, deps.assets)));
  // Before every route and the page cache: one spelling per URL, malformed ones refused.
  app.use(canonicalPath());

  app.get('/assets/*', deps.assets.middleware());
  app.get('/favicon.ico', (c) => app.fetch(new Request(new URL('/assets/favicon.ico', c.req.url), c.req.raw))); // asked for by browsers and feed readers at the root
  // Variants are made on their first request and kept; names other than declared variants 404.
  const media = new MediaVariants(deps.db, deps.mediaDir);
  app.get('/media/:file', async (c) => {
    const found = await media.open(c.req.param('file'));
    if (!found) throw new NotFoundError('media', '');
    // Media files are named by id and never change.
    c.header('cache-control', 'public, max-age=31536000, immutable');
    c.header('content-type', found.contentType);
    return c.body(new Uint8Array(found.body));
  });
  app.get('/media/*', () => {
    throw new NotFoundError('media', '');
  });

  // Before the page cache: admin pages are personal and never cached.
  app.route(
    '/admin',
    adminRoutes({
      db: deps.db,
      dialect: deps.dialect,
      clock: deps.clock,
      events,
      config: deps.config,
      siteUrl: deps.config.siteUrl,
      trustedProxies: deps.config.trustedProxies,
      assets: deps.assets,
      sessionSecret: deps.sessionSecret,
      mediaDir: deps.mediaDir,
      logger: deps.logger,
      pendingComments,
      ...(deps.loginLimits ? { loginLimits: deps.loginLimits } : {}),
    }),
  );
  // Before the page cache too: posting, tokens and the no-script form pages are for one reader.
  app.route(
    '/',
    commentRoutes({
      db: deps.db,
      clock: deps.clock,
      events,
      siteUrl: deps.config.siteUrl,
      chrome,
      secret: deps.sessionSecret,
      trustedProxies: deps.config.trustedProxies,
      limits: { ...DEFAULT_COMMENT_LIMITS, perIp: deps.config.comments.perIp, perEmail: deps.config.comments.perEmail },
      tokenPolicy: { ...DEFAULT_COMMENT_TOKEN_POLICY, minSeconds: deps.config.comments.minSeconds },
    }),
  );
  // Personal and never cached (its path is routed as sent, its token in the query).
  app.route('/', commentUnsubscribeRoutes({ db: deps.db, hashKey: commentNoticeKey(deps.sessionSecret), chrome }));
  // Before the page cache too: a search is one page per query, and must find what was just published.
  app.route(
    '/',
    searchRoutes({
      db: deps.db,
      dialect: deps.dialect,
      chrome,
      clock: deps.clock,
      trustedProxies: deps.config.trustedProxies,
      rates: { page: deps.config.search.perIp, suggest: deps.config.search.suggestPerIp },
      timeShare: { share: deps.config.search.timeShare },
    }),
  );
  if (deps.config.pageCache) app.use(pageCacheMiddleware({ cache: deps.cache, sessionSecret: deps.sessionSecret, clock: deps.clock }));
  app.route(
    '/',
    siteRoutes({
      db: deps.db,
      siteUrl: deps.config.siteUrl,
      chrome,
      clock: deps.clock,
      sitemapChunkSize: deps.sitemapChunkSize,
      sessionSecret: deps.sessionSecret,
      redirectHits: deps.redirectHits ?? new RedirectHitCounter(deps.db, { onError: (e) => deps.logger.error('redirect hits not stored; kept for the next try', { error: String(e) }) }),
    }),
  );

  const siteError = siteErrorResponder({ chrome, siteOrigin: deps.config.siteUrl.href.replace(/\/$/, '') });
  app.notFound((c) => siteError(c, new NotFoundError('path', c.req.path)));
  app.onError((error, c) => siteError(c, error));
  return app;
}

/**
 * The one place where readers of domain events are wired: the page cache first (it drops
 * pages before the writer's `emit` first yields), then related articles, whose refresh
 * announces the lists that changed in turn, the admin's count of held comments, and the
 * comment notices.
 */
function subscribeToDomainEvents(deps: AppDeps, pendingComments: PendingCommentCount): EventBus<DomainEvent> {
  const events = deps.events ?? new EventBus<DomainEvent>((e) => deps.logger.error('event listener failed', { error: String(e) }));
  wireCacheInvalidation(events, deps.invalidator ?? localInvalidator(deps.cache));
  events.subscribe(
    refreshRelatedOnArticleChange({
      db: deps.db,
      events,
      onFailure: (error, subjectId, willRetry) =>
        deps.logger.error(willRetry ? 'related articles refresh failed; will retry' : 'related articles refresh failed; left to the next rebuild', {
          subjectId,
          error: String(error),
        }),
    }),
  );
  events.subscribe(pendingComments.onEvent);
  // After commit and off the writer's result: a mail that cannot be stored is logged, and the comment stands.
  events.subscribe(
    notifyOnCommentChanges({
      db: deps.db,
      clock: deps.clock,
      mail: outboxQueue({ db: deps.db, clock: deps.clock, onError: (e) => deps.logger.error('comment notice not stored in the outbox', { error: String(e) }) }),
      hashKey: commentNoticeKey(deps.sessionSecret),
      siteUrl: deps.config.siteUrl.href.replace(/\/$/, ''),
      onError: (error, { commentId }) => deps.logger.error('comment notice failed; the comment stands', { commentId, error: String(error) }),
    }),
  );
  return events;
}

/** The key reply mails' unsubscribe links are signed with: derived from the site's secret, for this use alone. */
function commentNoticeKey(sessionSecret: Buffer): string {
  return createHmac('sha256', sessionSecret).update('comment reply unsubscribe').digest('hex');
}
