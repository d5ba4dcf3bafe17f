import type { Database } from '../db/database.js';
import { consumeRate, resetRate, type RateDecision } from '../ratelimit/index.js';
import type { Clock } from '../shared/clock.js';
import { TooManyRequestsError, UnauthorizedError } from '../shared/errors.js';
import { deviceNonceFor, issueDeviceToken, rememberDeviceToken } from './device-cookie.js';
import { deleteExpiredSessions, startSession, type StartedSession } from './manage-sessions.js';
import { UNMATCHABLE_HASH, verifyPassword } from './password.js';
import type { User } from './role.js';
import { findUserByEmailWithHash } from './user.queries.js';

export interface LoginLimit {
  limit: number;
  windowSeconds: number;
}

/**
 * Attempts allowed per window. Per account, shared by every client without a device
 * token for it, to stop guessing one password from many addresses; per device, for a
 * browser that has signed in to the account before, so those strangers cannot lock the
 * owner out; per address, for everyone, to stop one address trying many accounts.
 * Successful sign-ins count too, but a success clears the counter it was counted under.
 */
export interface LoginLimits {
  account: LoginLimit;
  device: LoginLimit;
  ip: LoginLimit;
}
export const LOGIN_LIMITS: LoginLimits = {
  account: { limit: 5, windowSeconds: 15 * 60 },
  device: { limit: 5, windowSeconds: 15 * 60 },
  ip: { limit: 20, windowSeconds: 15 * 60 },
};

/** The one answer for an unknown email and a wrong password, so neither reveals which it was. */
export const LOGIN_FAILED_MESSAGE = 'Email or password is incorrect.';

/** What the operator's log may say about a failed attempt; the requester sees only the message. */
export interface LoginFailure {
  reason: 'unknown-account' | 'wrong-password' | 'throttled';
  /** the account's id when it exists */
  userId: string | null;
  /** whether the attempt carried a valid device token for the account */
  isKnownDevice: boolean;
  /** for "throttled": which counters refused it */
  limits?: Array<keyof LoginLimits>;
}

/** An unknown account or a wrong password: the same message either way. */
export class LoginFailedError extends UnauthorizedError {
  override name = 'LoginFailedError';
  constructor(readonly failure: LoginFailure) {
    super(LOGIN_FAILED_MESSAGE);
  }
}

export class LoginThrottledError extends TooManyRequestsError {
  override name = 'LoginThrottledError';
  constructor(
    retryAfterSeconds: number,
    readonly failure: LoginFailure,
  ) {
    const minutes = Math.ceil(retryAfterSeconds / 60);
    super(`Too many sign-in attempts. Please wait ${minutes === 1 ? 'a minute' : `${minutes} minutes`} and try again.`, retryAfterSeconds);
  }
}

export interface LoginDeps {
  db: Database;
  clock: Clock;
  /** signs and checks device tokens */
  deviceSecret: Buffer;
  limits?: LoginLimits;
}

export interface LoginInput {
  email: string;
  password: string;
  /** the client address, as resolved by the web layer (or "unknown") */
  ip: string;
  /** the device tokens this browser holds, unchecked */
  deviceTokens?: readonly string[];
}

export interface LoginResult extends StartedSession {
  user: User;
  /** the browser's device tokens to keep, with a fresh one for this account first */
  deviceTokens: string[];
}

export function accountThrottleKey(email: string): string {
  return `login:account:${normalizeEmail(email)}`;
}

export function deviceThrottleKey(nonce: string): string {
  return `login:device:${nonce}`;
}

export function ipThrottleKey(ip: string): string {
  return `login:ip:${ip}`;
}

/**
 * Signs a user in. The attempt is counted before the password is checked — under the
 * browser's device token if it holds a valid one for this account, else under the
 * account's shared counter, and always under the address — and counting first (one
 * atomic statement each) is what keeps a burst of parallel attempts from all slipping
 * in under the limit. An unknown email is verified against a hash that matches nothing,
 * so it costs the same scrypt time as a wrong password, and both end in the same message.
 */
export async function login(deps: LoginDeps, input: LoginInput): Promise<LoginResult> {
  const { db, clock } = deps;
  const limits = deps.limits ?? LOGIN_LIMITS;
  const now = clock.now();
  const email = normalizeEmail(input.email);
  const found = await findUserByEmailWithHash(db, email);
  const deviceNonce = found ? deviceNonceFor(deps.deviceSecret, found.id, input.deviceTokens ?? [], now) : null;
  const failure = { userId: found?.id ?? null, isKnownDevice: deviceNonce !== null };

  const clientRule = deviceNonce
    ? { key: deviceThrottleKey(deviceNonce), ...limits.device }
    : { key: accountThrottleKey(email), ...limits.account };
  const [byClient, byIp] = await Promise.all([
    consumeRate(db, clock, clientRule),
    consumeRate(db, clock, { key: ipThrottleKey(input.ip), ...limits.ip }),
  ]);
  if (!byClient.allowed || !byIp.allowed) {
    const refusedBy: Array<keyof LoginLimits> = [];
    if (!byClient.allowed) refusedBy.push(deviceNonce ? 'device' : 'account');
    if (!byIp.allowed) refusedBy.push('ip');
    throw new LoginThrottledError(longestWait(byClient, byIp), { reason: 'throttled', ...failure, limits: refusedBy });
  }

  const isMatch = await verifyPassword(input.password, found?.passwordHash ?? UNMATCHABLE_HASH);
  if (!found) throw new LoginFailedError({ reason: 'unknown-account', ...failure });
  if (!isMatch) throw new LoginFailedError({ reason: 'wrong-password', ...failure });

  const { passwordHash: _hash, ...user } = found;
  // Only the counter this attempt was counted under: a success from the owner's browser
  // leaves the strangers' shared lockout in place rather than handing them five more tries.
  await resetRate(db, clientRule.key);
  await deleteExpiredSessions(db, clock, user.id);
  const newToken = issueDeviceToken(deps.deviceSecret, user.id, now);
  return {
    user,
    deviceTokens: rememberDeviceToken(deps.deviceSecret, user.id, input.deviceTokens ?? [], newToken, now),
    ...(await startSession(db, clock, user.id)),
  };
}

function longestWait(...decisions: RateDecision[]): number {
  return Math.max(...decisions.map((d) => d.retryAfterSeconds));
}

function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}
