import { Hono } from 'hono';
import { sessionCsrfGuard } from '../http/csrf.js';
import { currentSessionId, loadSessionUser, requireUser } from '../http/session.js';
import { NotFoundError } from '../shared/errors.js';
import type { AdminDeps } from './admin-deps.js';
import { adminAreas } from './admin-areas.js';
import { adminErrorResponder } from './admin-errors.js';
import { loginRoutes } from './login-routes.js';
import type { AdminEnv } from './shell/admin-area.js';
import { adminChromeMiddleware, mountAreas, mountBodyLimits } from './shell/mount-areas.js';

export type { AdminDeps } from './admin-deps.js';

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
