import { createHash, randomBytes } from 'node:crypto';

/** The secret in a one-time link or a challenge cookie: 32 random bytes, base64url. */
export function newOneTimeToken(): string {
  return randomBytes(32).toString('base64url');
}

/**
 * What is stored for a token: its SHA-256, so the database never holds a link that works.
 * A fast hash suffices, as for session tokens: 256 random bits leave nothing to guess.
 */
export function hashOneTimeToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** Whether a string could be one of our tokens; anything else is refused before a query. */
export function isWellFormedToken(token: unknown): token is string {
  return typeof token === 'string' && /^[A-Za-z0-9_-]{43}$/.test(token);
}
