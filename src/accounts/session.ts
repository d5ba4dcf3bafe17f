import { createHash, randomBytes } from 'node:crypto';
import { isIP } from 'node:net';

/** How long a session lasts without use; each use in its second half renews it. */
export const SESSION_TTL_SECONDS = 14 * 24 * 60 * 60;
/** Last-active is written at most this often, not on every request. */
export const LAST_SEEN_RESOLUTION_SECONDS = 60;

/** A signed-in browser, as stored: only the token's hash, never the token. */
export interface Session {
  id: string;
  userId: string;
  createdAt: Date;
  expiresAt: Date;
  lastSeenAt: Date;
}

/** Where a session was started from, as the sessions list shows it. */
export interface SessionOrigin {
  userAgent?: string | undefined;
  /** the client address; only its network part is kept */
  ip?: string | undefined;
}

/** The secret a browser holds in its cookie: 32 random bytes, base64url. */
export function newSessionToken(): string {
  return randomBytes(32).toString('base64url');
}

/**
 * The stored id of a session: SHA-256 of its token, so a leaked database (or backup)
 * holds nothing that can be replayed as a cookie. A fast hash is enough here: the token
 * has 256 bits of entropy, so there is nothing to guess.
 */
export function sessionIdOf(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** Whether a session is far enough into its life to be pushed forward (at most twice a TTL). */
export function isDueForRenewal(expiresAt: Date, now: Date): boolean {
  return expiresAt.getTime() - now.getTime() < (SESSION_TTL_SECONDS * 1000) / 2;
}

export function isDueForLastSeen(lastSeenAt: Date, now: Date): boolean {
  return now.getTime() - lastSeenAt.getTime() >= LAST_SEEN_RESOLUTION_SECONDS * 1000;
}

export function expiryFrom(now: Date): Date {
  return new Date(now.getTime() + SESSION_TTL_SECONDS * 1000);
}

/**
 * The part of an address worth showing someone reviewing their sessions, and no more:
 * IPv4 to its /24 ("192.0.2.x"), IPv6 to its /48 ("2001:db8:1::/48"). Enough to tell the
 * office from abroad; not enough to find a house.
 */
export function addressPrefix(ip: string | undefined): string {
  if (!ip) return '';
  const address = ip.startsWith('::ffff:') ? ip.slice(7) : ip;
  if (isIP(address) === 4) return `${address.split('.').slice(0, 3).join('.')}.x`;
  if (isIP(address) === 6) {
    const [head = '', tail = ''] = address.split('::');
    const left = head ? head.split(':') : [];
    const right = tail ? tail.split(':') : [];
    const groups = address.includes('::') ? [...left, ...Array(8 - left.length - right.length).fill('0'), ...right] : left;
    return `${groups.slice(0, 3).map((g) => g.replace(/^0+(?=.)/, '').toLowerCase()).join(':')}::/48`;
  }
  return '';
}

/** The short handle a sessions list names a session by: a prefix of its stored id, never the token. */
export function sessionHandleOf(sessionId: string): string {
  return sessionId.slice(0, 24);
}
