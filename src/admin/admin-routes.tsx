import { Hono } from 'hono';
import type { LoginLimits } from '../accounts/index.js';
import type { Config } from '../config/config.js';
import type { Database } from '../db/database.js';
import { sessionCsrfGuard } from '../http/csrf.js';
import type { Logger } from '../http/logger.js';
import { currentSessionId, loadSessionUser, requireUser } from '../http/session.js';
import type { AssetStore } from '../http/static-assets.js';
import type { Clock } from '../shared/clock.js';
import type { DomainEvent } from '../shared/domain-events.js';
import { NotFoundError } from '../shared/errors.js';
import type { EventSink } from '../shared/events.js';
import { adminAreas } from './admin-areas.js';
import { adminErrorResponder } from './admin-errors.js';
import { loginRoutes } from './login-routes.js';
import type { AdminEnv } from './shell/admin-area.js';
import { adminChromeMiddleware, mountAreas, mountBodyLimits } from './shell/mount-areas.js';

export interface AdminDeps {
  db: Database;
  clock: Clock;
  /** where the admin's writes announce themselves after commit (the page cache listens) */
  events: EventSink<DomainEvent>;
  config: Config;
  siteUrl: URL;
  /** from TRUSTED_PROXY: only these peers' X-Forwarded-For is believed */
  trustedProxies: readonly string[];
  assets: AssetStore;
  sessionSecret: Buffer;
  /** where stored images live */
  mediaDir: string;
  logger: Logger;
  /** tests lower these; production uses LOGIN_LIMITS */
  loginLimits?: LoginLimits;
}

const DASHBOARD_PATH = '/admin/';

/** The editor surface under /admin: sign in and out, and the signed-in areas. */
export function adminRoutes(deps: AdminDeps): Hono<AdminEnv> {
  const isSecure = deps.siteUrl.protocol === 'https:';
  const cssUrl = () => deps.assets.url('admin.css');
  const admin = new Hono<AdminEnv>();

  admin.use('*', async (c, next) => {
    await next();
    // Personal pages: never stored by a browser or proxy, never indexed.
    c.res.headers.set('cache-control', 'no-store');
    c.res.headers.set('x-robots-tag', 'noindex, nofollow');
  });
  admin.use('*', loadSessionUser({ db: deps.db, clock: deps.clock, isSecure, secret: deps.sessionSecret }));
  // Hono joins the mount point "/admin" and "/" as "/admin"; the dashboard's URL is "/admin/".
  admin.get('/', (c, next) => (c.req.path === '/admin' ? c.redirect(DASHBOARD_PATH, 301) : next()));
  admin.route('/', loginRoutes({ ...deps, isSecure, cssUrl }));

  const areas = adminAreas(deps);
  mountBodyLimits(admin, areas);
  // Everything below needs a signed-in user and, for any write, the session's CSRF token.
  admin.use('*', requireUser(), sessionCsrfGuard(deps.sessionSecret, deps.siteUrl, currentSessionId));
  admin.use('*', adminChromeMiddleware(areas, deps));
  mountAreas(admin, areas);

  admin.all('*', (c) => {
    throw new NotFoundError('admin page', c.req.path);
  });
  admin.onError(adminErrorResponder(cssUrl));
  return admin;
}
