import path from 'node:path';
import { serveStatic } from '@hono/node-server/serve-static';
import { Hono } from 'hono';
import { adminRoutes } from './admin/admin-routes.js';
import type { Config } from './config/config.js';
import type { Database, Dialect } from './db/database.js';
import type { AppEnv } from './http/app-env.js';
import type { Logger } from './http/logger.js';
import type { PageCache } from './http/cache/page-cache.js';
import { pageCacheMiddleware } from './http/cache/page-cache-middleware.js';
import { requestContext } from './http/request-context.js';
import { securityHeaderValues, securityHeaders } from './http/security-headers.js';
import type { AssetStore } from './http/static-assets.js';
import type { Clock } from './shared/clock.js';
import { NotFoundError } from './shared/errors.js';
import { siteErrorResponder } from './site/site-errors.js';
import { STYLESHEET as SITE_STYLESHEET } from './site/views/chrome.js';
import { canonicalPath } from './site/canonical-path.js';
import { siteRoutes } from './site/site-routes.js';

export interface AppDeps {
  config: Config;
  db: Database;
  dialect: Dialect;
  clock: Clock;
  cache: PageCache;
  assets: AssetStore;
  logger: Logger;
  /** where stored images live (served at /media/) */
  mediaDir: string;
  sessionSecret: Buffer;
  sitemapChunkSize?: number;
}

/** Security headers of every response, the page-cache front's hits included. */
export function responseSecurityHeaders(config: Config, assets: AssetStore): Readonly<Record<string, string>> {
  return securityHeaderValues(config.siteUrl.protocol === 'https:', [assets.inlineStyle(SITE_STYLESHEET).cspHash]);
}

/** The whole web application, wired once; it never listens (tests call app.request). */
export function createApp(deps: AppDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.use(requestContext(deps.logger));
  app.use(securityHeaders(responseSecurityHeaders(deps.config, deps.assets)));
  // Before every route and the page cache: one spelling per URL, malformed ones refused.
  app.use(canonicalPath());

  app.get('/assets/*', deps.assets.middleware());
  app.get(
    '/media/*',
    serveStatic({
      root: path.resolve(deps.mediaDir),
      rewriteRequestPath: (p) => p.slice('/media'.length),
      // Media files are named by id and never change.
      onFound: (_p, c) => {
        c.header('cache-control', 'public, max-age=31536000, immutable');
      },
    }),
  );
  app.get('/media/*', () => {
    throw new NotFoundError('media', '');
  });

  // Before the page cache: admin pages are personal and never cached.
  app.route(
    '/admin',
    adminRoutes({
      db: deps.db,
      clock: deps.clock,
      siteUrl: deps.config.siteUrl,
      trustedProxies: deps.config.trustedProxies,
      assets: deps.assets,
      sessionSecret: deps.sessionSecret,
    }),
  );
  if (deps.config.pageCache) app.use(pageCacheMiddleware({ cache: deps.cache, sessionSecret: deps.sessionSecret, clock: deps.clock }));
  app.route(
    '/',
    siteRoutes({ db: deps.db, siteUrl: deps.config.siteUrl, assets: deps.assets, clock: deps.clock, sitemapChunkSize: deps.sitemapChunkSize }),
  );

  const siteError = siteErrorResponder({ db: deps.db, siteUrl: deps.config.siteUrl, assets: deps.assets });
  app.notFound((c) => siteError(c, new NotFoundError('path', c.req.path)));
  app.onError((error, c) => siteError(c, error));
  return app;
}
