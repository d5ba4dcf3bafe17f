import type { Context, MiddlewareHandler } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { findSessionUser, sessionIdOf } from '../accounts/index.js';
import type { Database } from '../db/database.js';
import type { Clock } from '../shared/clock.js';
import { UnauthorizedError } from '../shared/errors.js';
import type { AppEnv } from './app-env.js';
import { SESSION_COOKIE, STAFF_COOKIE, hasStaffMark, staffMarkFor } from './session-cookie.js';

export interface SessionDeps {
  db: Database;
  clock: Clock;
  /** Secure cookies when SITE_URL is https */
  isSecure: boolean;
  /** signs the staff mark that lets the page cache tell staff from readers */
  secret: Buffer;
}

export const LOGIN_PATH = '/admin/login';
export const DEFAULT_AFTER_LOGIN = '/admin/';

/**
 * The session cookie — HttpOnly (no script reads it), SameSite=Lax (not sent on cross-site
 * posts) — and beside it the signed staff mark, so the public pages of a browser that has
 * just signed in already skip the page cache.
 */
export function setSessionCookie(c: Context, secret: Buffer, token: string, expiresAt: Date, isSecure: boolean, now: Date): void {
  setStaffMark(c, secret, token, expiresAt, isSecure, now);
  setCookie(c, SESSION_COOKIE, token, {
    httpOnly: true,
    sameSite: 'Lax',
    secure: isSecure,
    path: '/',
    maxAge: Math.max(0, Math.floor((expiresAt.getTime() - now.getTime()) / 1000)),
  });
}

export function clearSessionCookie(c: Context, isSecure: boolean): void {
  deleteCookie(c, SESSION_COOKIE, { path: '/', secure: isSecure, httpOnly: true, sameSite: 'Lax' });
  deleteCookie(c, STAFF_COOKIE, { path: '/', secure: isSecure, httpOnly: true, sameSite: 'Lax' });
}

/** The signed staff mark (see session-cookie.ts), with the session's lifetime. */
function setStaffMark(c: Context, secret: Buffer, token: string, expiresAt: Date, isSecure: boolean, now: Date): void {
  setCookie(c, STAFF_COOKIE, staffMarkFor(secret, token, expiresAt), {
    httpOnly: true,
    sameSite: 'Lax',
    secure: isSecure,
    path: '/',
    maxAge: Math.max(0, Math.floor((expiresAt.getTime() - now.getTime()) / 1000)),
  });
}

export function sessionTokenOf(c: Context): string {
  return getCookie(c, SESSION_COOKIE) ?? '';
}

/** The stored id of the browser's session (what session-bound CSRF tokens are made from). */
export function currentSessionId(c: Context): string | null {
  const token = sessionTokenOf(c);
  return token ? sessionIdOf(token) : null;
}

/**
 * Puts the signed-in user, if any, in the context as `user`. A cookie that no longer
 * names a live session is removed, with the staff mark; a live session without a valid
 * mark (just signed in) gets one, so its public pages skip the page cache; a renewed
 * session gets both cookies re-sent with the new lifetime.
 */
export function loadSessionUser(deps: SessionDeps): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const token = sessionTokenOf(c);
    if (token) {
      const found = await findSessionUser(deps.db, deps.clock, token);
      if (!found) clearSessionCookie(c, deps.isSecure);
      else {
        c.set('user', found.user);
        const now = deps.clock.now();
        if (found.isRenewed) setSessionCookie(c, deps.secret, token, found.session.expiresAt, deps.isSecure, now);
        // A session from before the mark existed gets one on its next admin request.
        else if (!hasStaffMark(deps.secret, c.req.header('cookie'), now.getTime())) {
          setStaffMark(c, deps.secret, token, found.session.expiresAt, deps.isSecure, now);
        }
      }
    }
    await next();
  };
}

/**
 * Lets only signed-in users through. A page visit is sent to the login form, which
 * brings the user back afterwards; any other method is answered 401, since replaying a
 * form post after login would act without the user seeing it again.
 */
export function requireUser(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    if (c.get('user')) return next();
    if (c.req.method === 'GET' || c.req.method === 'HEAD') {
      const url = new URL(c.req.url);
      return c.redirect(loginPathWithNext(url.pathname + url.search), 303);
    }
    throw new UnauthorizedError('Your session has ended. Please sign in again.');
  };
}

export function loginPathWithNext(next: string): string {
  const safe = safeNextPath(next);
  return safe === DEFAULT_AFTER_LOGIN ? LOGIN_PATH : `${LOGIN_PATH}?next=${encodeURIComponent(safe)}`;
}

const NEXT_BASE = 'http://next.invalid';

/**
 * Where to go after signing in: a path on this site, or the dashboard. Refused: absolute
 * URLs, scheme-relative "//host", backslashes (browsers read "/\host" as "//host"),
 * control characters, and anything the URL parser would carry off this origin.
 */
export function safeNextPath(raw: unknown): string {
  if (typeof raw !== 'string' || raw.length === 0 || raw.length > 2000) return DEFAULT_AFTER_LOGIN;
  if (!raw.startsWith('/') || raw.startsWith('//') || /[\\\u0000-\u001f\u007f]/.test(raw)) return DEFAULT_AFTER_LOGIN;
  let url: URL;
  try {
    url = new URL(raw, NEXT_BASE);
  } catch {
    return DEFAULT_AFTER_LOGIN;
  }
  if (url.origin !== NEXT_BASE) return DEFAULT_AFTER_LOGIN;
  const path = url.pathname + url.search + url.hash;
  return path.startsWith('//') ? DEFAULT_AFTER_LOGIN : path;
}
