import { createHash, randomBytes } from 'node:crypto';

/** How long a session lasts without use; each use in its second half renews it. */
export const SESSION_TTL_SECONDS = 14 * 24 * 60 * 60;

/** A signed-in browser, as stored: only the token's hash, never the token. */
export interface Session {
  id: string;
  userId: string;
  createdAt: Date;
  expiresAt: Date;
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

export function expiryFrom(now: Date): Date {
  return new Date(now.getTime() + SESSION_TTL_SECONDS * 1000);
}
