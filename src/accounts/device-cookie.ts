import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/*
 * Device cookies (OWASP, "Slow Down Online Guessing Attacks with Device Cookies"): a
 * browser that has signed in to an account before carries a token for it, and its
 * attempts on that account count against its own allowance instead of the account's
 * shared lockout, so strangers guessing the password cannot lock the owner out.
 *
 * A token is "expiry.nonce.mac", mac = HMAC(secret, "login-device", user id, nonce, expiry).
 * It names no account: it is checked against the account being signed into, so a token
 * for another account, an altered one or an expired one is simply not a device of this
 * account. The nonce is what the device's attempts are counted under. It grants no access;
 * it only buys its holder a guessing allowance of its own.
 *
 * One browser may sign in to several accounts, so the cookie holds a short list of tokens,
 * newest first, joined by "~".
 */

export const DEVICE_COOKIE = 'dossier_device';
export const DEVICE_TOKEN_TTL_SECONDS = 365 * 24 * 60 * 60;
/** Tokens kept per browser: a shared office computer, not a collection. */
export const MAX_DEVICE_TOKENS = 5;

const TOKEN_PATTERN = /^(\d{1,12})\.([A-Za-z0-9_-]{22})\.([A-Za-z0-9_-]{43})$/;

function mac(secret: Buffer, userId: string, nonce: string, expiry: string): string {
  // NUL separators and a purpose label, as for the CSRF tokens: a MAC made for one use never passes as another.
  return createHmac('sha256', secret).update(['login-device', userId, nonce, expiry].join('\0')).digest('base64url');
}

export function issueDeviceToken(secret: Buffer, userId: string, now: Date): string {
  const nonce = randomBytes(16).toString('base64url');
  const expiry = String(Math.floor(now.getTime() / 1000) + DEVICE_TOKEN_TTL_SECONDS);
  return `${expiry}.${nonce}.${mac(secret, userId, nonce, expiry)}`;
}

/** The nonce of the first token in `tokens` that is this user's, signed by `secret` and unexpired; else null. */
export function deviceNonceFor(secret: Buffer, userId: string, tokens: readonly string[], now: Date): string | null {
  for (const token of tokens) {
    const match = TOKEN_PATTERN.exec(token);
    if (!match) continue;
    const [, expiry, nonce, signature] = match as unknown as [string, string, string, string];
    if (Number(expiry) * 1000 <= now.getTime()) continue;
    const expected = Buffer.from(mac(secret, userId, nonce, expiry));
    const actual = Buffer.from(signature);
    if (actual.length === expected.length && timingSafeEqual(actual, expected)) return nonce;
  }
  return null;
}

/**
 * The list to store after `userId` signed in with `newToken`: it first, then the others
 * this browser held, minus this user's older tokens and any expired, at most MAX_DEVICE_TOKENS.
 */
export function rememberDeviceToken(secret: Buffer, userId: string, tokens: readonly string[], newToken: string, now: Date): string[] {
  const others = tokens.filter((token) => {
    const match = TOKEN_PATTERN.exec(token);
    return !!match && Number(match[1]) * 1000 > now.getTime() && deviceNonceFor(secret, userId, [token], now) === null;
  });
  return [newToken, ...others].slice(0, MAX_DEVICE_TOKENS);
}

/** The tokens in a cookie value; anything malformed is dropped, and only the first few are looked at. */
export function parseDeviceCookie(value: string | undefined): string[] {
  if (!value || value.length > 2000) return [];
  return value
    .split('~')
    .slice(0, MAX_DEVICE_TOKENS)
    .filter((token) => TOKEN_PATTERN.test(token));
}

export function formatDeviceCookie(tokens: readonly string[]): string {
  return tokens.join('~');
}
