import { createUser, ROLES, type Role, startSession, type User } from '../src/accounts/index.js';
import { sessionCsrfToken } from '../src/http/csrf.js';
import { SESSION_COOKIE } from '../src/http/session-cookie.js';
import { sessionIdOf } from '../src/accounts/index.js';
import type { TestApp } from './test-app.js';
import { TestBrowser } from './test-browser.js';

const SESSION_SECRET = Buffer.alloc(32, 7); // createTestApp's

/** A signed-in browser for admin route tests: its session cookie, and the CSRF token its forms carry. */
export interface StaffBrowser {
  user: User;
  browser: TestBrowser;
  csrf: string;
  /** a POST with the session's CSRF token in the form and a same-site Origin */
  post(path: string, form?: Record<string, string | readonly string[]>): Promise<Response>;
  get(path: string): Promise<Response>;
}

let counter = 0;

/** Creates an account with this role and signs it in (no password round trip: sessions are tested elsewhere). */
export async function signInAs(t: TestApp, role: Role, name = `${role[0]!.toUpperCase()}${role.slice(1)} ${++counter}`): Promise<StaffBrowser> {
  const user = await createUser(
    { db: t.db, clock: t.clock, events: t.events },
    { email: `${role}-${counter}-${Date.now()}@example.org`, name, role, password: 'correct horse battery' },
  );
  return browserFor(t, user);
}

export async function browserFor(t: TestApp, user: User): Promise<StaffBrowser> {
  const { token } = await startSession(t.db, t.clock, user.id);
  const browser = new TestBrowser(t.app);
  browser.cookies.set(SESSION_COOKIE, token);
  const csrf = sessionCsrfToken(SESSION_SECRET, sessionIdOf(token));
  return {
    user,
    browser,
    csrf,
    get: (path) => browser.get(path),
    post: (path, form = {}) => browser.post(path, { csrf, ...form }, { origin: t.siteUrl }),
  };
}

/** One signed-in browser per role. */
export async function staffOfEveryRole(t: TestApp): Promise<Record<Role, StaffBrowser>> {
  const entries = await Promise.all(ROLES.map(async (role) => [role, await signInAs(t, role)] as const));
  return Object.fromEntries(entries) as Record<Role, StaffBrowser>;
}
