import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROLES, type Role } from '../accounts/index.js';
import { PendingCommentCount } from '../comments/index.js';
import { createLogger } from '../http/logger.js';
import { createTestApp, type TestApp } from '../../test/test-app.js';
import { staffOfEveryRole, type StaffBrowser } from '../../test/admin-session.js';
import { TestBrowser } from '../../test/test-browser.js';
import { adminAreas } from './admin-areas.js';
import type { AdminRoute } from './shell/admin-area.js';
import { hasAccess, routesOf } from './shell/mount-areas.js';

/** The URL the walker calls for a route: its sample, or its pattern with each ":param" filled in. */
function sampleUrl(route: AdminRoute): string {
  const path = route.sample ?? route.path.replace(/:(\w+)(\{[^}]*\})?/g, (_m, name: string) => `walker-${name}`);
  return `/admin${path === '/' ? '/' : path}`;
}

/*
 * Every route in the registry, called as every role and as a stranger: the answer must
 * follow the route's declared access. A new route is walked without being listed here, so
 * one whose access is wrong (or missing: the type demands one) turns this red.
 */
describe('admin routes, as every role', () => {
  let t: TestApp;
  let staff: Record<Role, StaffBrowser>;
  let routes: AdminRoute[];
  beforeAll(async () => {
    t = await createTestApp('sqlite');
    staff = await staffOfEveryRole(t);
    routes = routesOf(
      adminAreas({
        db: t.db,
        clock: t.clock,
        events: t.events,
        config: t.config,
        siteUrl: t.config.siteUrl,
        trustedProxies: [],
        assets: t.assets,
        sessionSecret: Buffer.alloc(32, 7),
        mediaDir: t.mediaDir,
        logger: createLogger('silent'),
        pendingComments: new PendingCommentCount(t.db, t.clock),
      }),
    );
  });
  afterAll(() => t?.destroy());

  it('has routes to walk, each with a declared access', () => {
    expect(routes.length).toBeGreaterThan(0);
    for (const route of routes) expect(route.access, `${route.method} ${route.path}`).toBeTruthy();
  });

  it('sends a stranger to the sign-in page from every route', async () => {
    for (const route of routes) {
      const stranger = new TestBrowser(t.app);
      const res = route.method === 'GET' ? await stranger.get(sampleUrl(route)) : await stranger.post(sampleUrl(route), {}, { origin: t.siteUrl });
      expect([302, 303, 401, 403], `${route.method} ${sampleUrl(route)}`).toContain(res.status);
      expect(res.status === 403 || res.headers.get('location')?.startsWith('/admin/login') || res.status === 401, `${route.method} ${sampleUrl(route)}`).toBe(true);
    }
  });

  it('answers 403 exactly where a role lacks the route’s access', async () => {
    const wrong: string[] = [];
    for (const route of routes) {
      for (const role of ROLES) {
        const who = staff[role];
        const res = route.method === 'GET' ? await who.get(sampleUrl(route)) : await who.post(sampleUrl(route));
        const isAllowed = hasAccess({ role }, route.access);
        if (isAllowed ? res.status === 403 || res.status >= 500 : res.status !== 403) {
          wrong.push(`${role} ${route.method} ${sampleUrl(route)} → ${res.status} (access ${route.access})`);
        }
      }
    }
    expect(wrong).toEqual([]);
  });
});
