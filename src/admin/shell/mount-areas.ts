import type { Hono, MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { can, type User } from '../../accounts/index.js';
import { sessionCsrfToken } from '../../http/csrf.js';
import { currentSessionId } from '../../http/session.js';
import type { AssetStore } from '../../http/static-assets.js';
import { ForbiddenError } from '../../shared/errors.js';
import type { Access, AdminArea, AdminContext, AdminEnv, AdminNavItem, AdminRoute } from './admin-area.js';

export function hasAccess(user: Pick<User, 'role'>, access: Access): boolean {
  return access === 'staff' || can(user.role, access);
}

/** Every route of every area, as the shell mounts them (the role walker reads this too). */
export function routesOf(areas: readonly AdminArea[]): AdminRoute[] {
  return areas.flatMap((a) => a.routes);
}

/** Sets the per-request chrome: the user, the CSRF token, the navigation this user may open. */
export function adminChromeMiddleware(
  areas: readonly AdminArea[],
  deps: { sessionSecret: Buffer; assets: AssetStore; siteUrl: URL },
): MiddlewareHandler<AdminEnv> {
  const nav: AdminNavItem[] = areas.flatMap((a) => a.nav ?? []).sort((a, b) => a.order - b.order);
  const siteHref = `${deps.siteUrl.href.replace(/\/$/, '')}/`;
  return async (c, next) => {
    const user = c.get('user')!;
    c.set('adminChrome', {
      user,
      csrfToken: sessionCsrfToken(deps.sessionSecret, currentSessionId(c)!),
      nav: nav.filter((item) => hasAccess(user, item.access)),
      cssUrl: deps.assets.url('admin.css'),
      scriptUrl: (name) => deps.assets.url(name),
      siteHref,
    });
    await next();
  };
}

/**
 * Mounts each area's routes behind its declared access: the guard answers 403 before the
 * handler runs, so a route cannot forget its check (the use cases check again).
 */
export function mountAreas(admin: Hono<AdminEnv>, areas: readonly AdminArea[]): void {
  for (const route of routesOf(areas)) {
    const guarded = (c: AdminContext) => {
      if (!hasAccess(c.get('user')!, route.access)) throw new ForbiddenError('Your role may not open this page.');
      return route.handler(c);
    };
    if (route.path === '/') {
      // Mounted at "/admin", no pattern yields exactly "/admin/" (the dashboard), so match it here.
      admin.on(route.method, '*', (c, next) => (c.req.path === DASHBOARD_PATH ? guarded(c) : next()));
    } else {
      admin.on(route.method, route.path, guarded);
    }
  }
}

/**
 * The body limits routes declare, mounted before the session and CSRF checks: the CSRF
 * check reads the form's `csrf` field, which for a multipart upload means the whole body.
 */
export function mountBodyLimits(admin: Hono<AdminEnv>, areas: readonly AdminArea[]): void {
  for (const route of routesOf(areas)) {
    const limit = route.bodyLimit;
    if (limit) admin.on(route.method, route.path, bodyLimit({ maxSize: limit.maxBytes, onError: (c) => limit.onTooLarge(c) }));
  }
}

export const DASHBOARD_PATH = '/admin/';
