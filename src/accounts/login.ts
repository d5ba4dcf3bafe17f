import type { Database } from '../db/database.js';
import { consumeRate, resetRate, type RateDecision } from '../ratelimit/index.js';
import type { Clock } from '../shared/clock.js';
import { TooManyRequestsError, UnauthorizedError } from '../shared/errors.js';
import { deleteExpiredSessions, startSession, type StartedSession } from './manage-sessions.js';
import { UNMATCHABLE_HASH, verifyPassword } from './password.js';
import type { User } from './role.js';
import { findUserByEmailWithHash } from './user.queries.js';

export interface LoginLimit {
  limit: number;
  windowSeconds: number;
}

/**
 * Attempts allowed per window. Per account, to stop guessing one password from many
 * addresses; per address, to stop one address trying many accounts. Successful sign-ins
 * count too, but a success clears its account's counter.
 */
export interface LoginLimits {
  account: LoginLimit;
  ip: LoginLimit;
}
export const LOGIN_LIMITS: LoginLimits = {
  account: { limit: 5, windowSeconds: 15 * 60 },
  ip: { limit: 20, windowSeconds: 15 * 60 },
};

/** The one answer for an unknown email and a wrong password, so neither reveals which it was. */
export const LOGIN_FAILED_MESSAGE = 'Email or password is incorrect.';

export interface LoginDeps {
  db: Database;
  clock: Clock;
  limits?: LoginLimits;
}

export interface LoginInput {
  email: string;
  password: string;
  /** the client address, as resolved by the web layer (or "unknown") */
  ip: string;
}

export interface LoginResult extends StartedSession {
  user: User;
}

export function accountThrottleKey(email: string): string {
  return `login:account:${normalizeEmail(email)}`;
}

export function ipThrottleKey(ip: string): string {
  return `login:ip:${ip}`;
}

/**
 * Signs a user in. Both throttle counters are counted before the password is checked:
 * counting first (one atomic statement each) is what keeps a burst of parallel attempts
 * from all slipping in under the limit. An unknown email is verified against a hash that
 * matches nothing, so it costs the same scrypt time as a wrong password, and both end in
 * the same UnauthorizedError.
 */
export async function login(deps: LoginDeps, input: LoginInput): Promise<LoginResult> {
  const { db, clock } = deps;
  const limits = deps.limits ?? LOGIN_LIMITS;
  const email = normalizeEmail(input.email);
  const [byAccount, byIp] = await Promise.all([
    consumeRate(db, clock, { key: accountThrottleKey(email), ...limits.account }),
    consumeRate(db, clock, { key: ipThrottleKey(input.ip), ...limits.ip }),
  ]);
  if (!byAccount.allowed || !byIp.allowed) throw throttled(byAccount, byIp);

  const found = await findUserByEmailWithHash(db, email);
  const isMatch = await verifyPassword(input.password, found?.passwordHash ?? UNMATCHABLE_HASH);
  if (!found || !isMatch) throw new UnauthorizedError(LOGIN_FAILED_MESSAGE);

  const { passwordHash: _hash, ...user } = found;
  await resetRate(db, accountThrottleKey(email));
  await deleteExpiredSessions(db, clock, user.id);
  return { user, ...(await startSession(db, clock, user.id)) };
}

function throttled(byAccount: RateDecision, byIp: RateDecision): TooManyRequestsError {
  const retryAfterSeconds = Math.max(byAccount.retryAfterSeconds, byIp.retryAfterSeconds);
  const minutes = Math.ceil(retryAfterSeconds / 60);
  return new TooManyRequestsError(
    `Too many sign-in attempts. Please wait ${minutes === 1 ? 'a minute' : `${minutes} minutes`} and try again.`,
    retryAfterSeconds,
  );
}

function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}
