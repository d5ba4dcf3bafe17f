import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Context, MiddlewareHandler } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { ForbiddenError } from '../shared/errors.js';

/*
 * CSRF protection for every form.
 * - Signed-in forms carry HMAC(secret, session id): only a page rendered for this session
 *   can hold it, and it needs no storage.
 * - The login form has no session yet, so it carries a signed double-submit token: a
 *   random nonce in a short-lived HttpOnly SameSite=Strict cookie, and in the form
 *   "expiry.HMAC(secret, nonce, expiry)", which only this server can compute.
 * - Every form POST is also refused when the browser says it came from another site
 *   (Origin or Sec-Fetch-Site), which stops cross-site posts even before the token.
 */

export const LOGIN_CSRF_COOKIE = 'dossier_csrf';
export const LOGIN_CSRF_TTL_SECONDS = 2 * 60 * 60;
/** The name of the hidden field every form carries its token in. */
export const CSRF_FIELD = 'csrf';

/** A form post without a valid token or from another site; answers 403. */
export class CsrfRejectedError extends ForbiddenError {
  override name = 'CsrfRejectedError';
  constructor() {
    super('This form has expired or did not come from this site. Please go back, reload the page and try again.');
  }
}

function mac(secret: Buffer, purpose: string, ...parts: string[]): string {
  // NUL separators and a purpose label, so a token for one use can never pass as another.
  return createHmac('sha256', secret).update([purpose, ...parts].join('\0')).digest('base64url');
}

function isSameString(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

export function sessionCsrfToken(secret: Buffer, sessionId: string): string {
  return mac(secret, 'session-form', sessionId);
}

export function isValidSessionCsrfToken(secret: Buffer, sessionId: string, token: unknown): boolean {
  return typeof token === 'string' && token.length > 0 && isSameString(token, sessionCsrfToken(secret, sessionId));
}

export function loginCsrfToken(secret: Buffer, nonce: string, expiresAt: Date): string {
  const expiry = String(Math.floor(expiresAt.getTime() / 1000));
  return `${expiry}.${mac(secret, 'login-form', nonce, expiry)}`;
}

export function isValidLoginCsrfToken(secret: Buffer, nonce: string | undefined, token: unknown, now: Date): boolean {
  if (!nonce || typeof token !== 'string') return false;
  const [expiry, signature, ...rest] = token.split('.');
  if (!expiry || !signature || rest.length > 0 || !/^\d{1,12}$/.test(expiry)) return false;
  if (Number(expiry) * 1000 <= now.getTime()) return false;
  return isSameString(signature, mac(secret, 'login-form', nonce, expiry));
}

/**
 * Whether the browser says this request came from another site. Requests without either
 * header (older browsers, scripts) pass here and rely on the token alone.
 */
export function isCrossSite(headers: { origin?: string | undefined; secFetchSite?: string | undefined }, allowedOrigins: readonly string[]): boolean {
  const site = headers.secFetchSite?.toLowerCase();
  // "same-site" is a sibling subdomain: another application, so not trusted either.
  if (site === 'cross-site' || site === 'same-site') return true;
  if (headers.origin !== undefined) return !allowedOrigins.includes(headers.origin);
  return false;
}

/** Refuses a cross-site form post; the site's own origin and the one the request came to are allowed. */
export function assertSameSite(c: Context, siteUrl: URL): void {
  const allowed = [siteUrl.origin, new URL(c.req.url).origin];
  if (isCrossSite({ origin: c.req.header('origin'), secFetchSite: c.req.header('sec-fetch-site') }, allowed)) {
    throw new CsrfRejectedError();
  }
}

const NONCE_PATTERN = /^[A-Za-z0-9_-]{22}$/;

/**
 * The login form's token, setting the nonce cookie if the browser has none. An existing
 * nonce is kept (and its cookie refreshed), so two open login tabs both still work.
 */
export function issueLoginCsrfToken(c: Context, secret: Buffer, now: Date, isSecure: boolean): string {
  const existing = getCookie(c, LOGIN_CSRF_COOKIE);
  const nonce = existing && NONCE_PATTERN.test(existing) ? existing : randomBytes(16).toString('base64url');
  setCookie(c, LOGIN_CSRF_COOKIE, nonce, {
    httpOnly: true,
    sameSite: 'Strict',
    secure: isSecure,
    path: '/admin',
    maxAge: LOGIN_CSRF_TTL_SECONDS,
  });
  return loginCsrfToken(secret, nonce, new Date(now.getTime() + LOGIN_CSRF_TTL_SECONDS * 1000));
}

export function isValidLoginCsrfRequest(c: Context, secret: Buffer, now: Date, token: unknown): boolean {
  return isValidLoginCsrfToken(secret, getCookie(c, LOGIN_CSRF_COOKIE), token, now);
}

export function clearLoginCsrfCookie(c: Context, isSecure: boolean): void {
  deleteCookie(c, LOGIN_CSRF_COOKIE, { path: '/admin', secure: isSecure });
}

/**
 * Checks every state-changing request of a signed-in area: same site, and the session's
 * token in the form's `csrf` field (or an X-CSRF-Token header, for scripted clients).
 * Put it after the session middleware; `sessionIdOf` reads the browser's session id.
 */
export function sessionCsrfGuard(secret: Buffer, siteUrl: URL, sessionIdOf: (c: Context) => string | null): MiddlewareHandler {
  return async (c, next) => {
    if (SAFE_METHODS.has(c.req.method)) return next();
    assertSameSite(c, siteUrl);
    const sessionId = sessionIdOf(c);
    const token = c.req.header('x-csrf-token') ?? (await formField(c, CSRF_FIELD));
    if (!sessionId || !isValidSessionCsrfToken(secret, sessionId, token)) throw new CsrfRejectedError();
    return next();
  };
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

async function formField(c: Context, name: string): Promise<string | undefined> {
  const type = c.req.header('content-type') ?? '';
  if (!type.startsWith('application/x-www-form-urlencoded') && !type.startsWith('multipart/form-data')) return undefined;
  // Hono caches the parsed body, so the handler can read the form again.
  const value = (await c.req.parseBody())[name];
  return typeof value === 'string' ? value : undefined;
}
