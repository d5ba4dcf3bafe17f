import { Hono } from 'hono';
import type { LoginLimits } from '../accounts/index.js';
import type { Database } from '../db/database.js';
import type { AppEnv } from '../http/app-env.js';
import { sessionCsrfGuard, sessionCsrfToken } from '../http/csrf.js';
import { currentSessionId, loadSessionUser, requireUser } from '../http/session.js';
import type { AssetStore } from '../http/static-assets.js';
import type { Clock } from '../shared/clock.js';
import { NotFoundError } from '../shared/errors.js';
import { adminErrorResponder } from './admin-errors.js';
import { loginRoutes } from './login-routes.js';
import { renderPage } from './render-page.js';
import { DashboardView } from './views/index.js';

export interface AdminDeps {
  db: Database;
  clock: Clock;
  siteUrl: URL;
  /** from TRUSTED_PROXY: only these peers' X-Forwarded-For is believed */
  trustedProxies: readonly string[];
  assets: AssetStore;
  sessionSecret: Buffer;
  /** tests lower these; production uses LOGIN_LIMITS */
  loginLimits?: LoginLimits;
}

const DASHBOARD_PATH = '/admin/';

/** The editor surface under /admin: sign in and out, and the signed-in screens. */
export function adminRoutes(deps: AdminDeps): Hono<AppEnv> {
  const isSecure = deps.siteUrl.protocol === 'https:';
  const cssUrl = () => deps.assets.url('admin.css');
  const siteHref = `${deps.siteUrl.href.replace(/\/$/, '')}/`;
  const admin = new Hono<AppEnv>();

  admin.use('*', async (c, next) => {
    await next();
    // Personal pages: never stored by a browser or proxy, never indexed.
    c.res.headers.set('cache-control', 'no-store');
    c.res.headers.set('x-robots-tag', 'noindex, nofollow');
  });
  admin.use('*', loadSessionUser({ db: deps.db, clock: deps.clock, isSecure, secret: deps.sessionSecret }));
  // Hono joins the mount point "/admin" and "/" as "/admin"; the dashboard's URL is "/admin/".
  admin.get('/', (c) => c.redirect(DASHBOARD_PATH, 301));
  admin.route('/', loginRoutes({ ...deps, isSecure, cssUrl }));

  // Everything below needs a signed-in user and, for any write, the session's CSRF token.
  admin.use('*', requireUser(), sessionCsrfGuard(deps.sessionSecret, deps.siteUrl, currentSessionId));

  // No route pattern in a sub-app mounted at "/admin" yields exactly "/admin/", so match it here.
  admin.get('*', async (c, next) => {
    if (c.req.path !== DASHBOARD_PATH) return next();
    const user = c.get('user')!;
    const csrfToken = sessionCsrfToken(deps.sessionSecret, currentSessionId(c)!);
    return c.html(await renderPage(<DashboardView cssUrl={cssUrl()} user={user} csrfToken={csrfToken} siteHref={siteHref} />));
  });

  admin.all('*', (c) => {
    throw new NotFoundError('admin page', c.req.path);
  });
  admin.onError(adminErrorResponder(cssUrl));
  return admin;
}
