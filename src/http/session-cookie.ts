import { createHmac, timingSafeEqual } from 'node:crypto';

/** The staff session cookie's name. */
export const SESSION_COOKIE = 'dossier_session';
/**
 * The mark that lets a request skip the page cache: `<expiry seconds>.<HMAC>`, the HMAC
 * (session secret) covering the expiry and the session cookie's value. Checked on every
 * public request without a database query, so it must be unforgeable: a made-up
 * `dossier_session` alone, or a mark without the secret, is served from the cache.
 */
export const STAFF_COOKIE = 'dossier_staff';

const MAC_LENGTH = 32;

export function staffMarkFor(secret: Buffer, sessionToken: string, expiresAt: Date): string {
  const expires = Math.floor(expiresAt.getTime() / 1000);
  return `${expires}.${macOf(secret, sessionToken, expires).toString('base64url')}`;
}

/** Whether the request carries a live staff mark that matches its session cookie. */
export function hasStaffMark(secret: Buffer, cookieHeader: string | undefined | null, nowMs: number): boolean {
  // The common case, a reader, costs one substring search.
  if (!cookieHeader || !cookieHeader.includes(`${STAFF_COOKIE}=`)) return false;
  const mark = cookieValue(cookieHeader, STAFF_COOKIE);
  const token = cookieValue(cookieHeader, SESSION_COOKIE);
  if (!mark || !token) return false;
  const dot = mark.indexOf('.');
  const expires = Number(mark.slice(0, dot));
  if (dot < 1 || !Number.isSafeInteger(expires) || expires * 1000 <= nowMs) return false;
  const given = Buffer.from(mark.slice(dot + 1), 'base64url');
  return given.length === MAC_LENGTH && timingSafeEqual(given, macOf(secret, token, expires));
}

function macOf(secret: Buffer, sessionToken: string, expires: number): Buffer {
  return createHmac('sha256', secret).update(`dossier staff mark\n${expires}\n${sessionToken}`).digest();
}

function cookieValue(header: string, name: string): string | null {
  for (const pair of header.split(';')) {
    const eq = pair.indexOf('=');
    if (eq !== -1 && pair.slice(0, eq).trim() === name) return pair.slice(eq + 1).trim();
  }
  return null;
}
