import type { Database } from '../db/database.js';
import { consumeRate, resetRate, type RateDecision } from '../ratelimit/index.js';
import type { Clock } from '../shared/clock.js';
import { ForbiddenError, TooManyRequestsError, UnauthorizedError } from '../shared/errors.js';
import { deviceNonceFor, issueDeviceToken, rememberDeviceToken } from './device-cookie.js';
import { deleteExpiredSessions, startSession, type StartedSession } from './manage-sessions.js';
import { hashOneTimeToken, newOneTimeToken } from './one-time-token.js';
import { UNMATCHABLE_HASH, verifyPassword } from './password.js';
import type { User } from './role.js';
import { insertChallenge } from './two-factor.queries.js';
import { findUserByEmailWithHash, recordSignIn, type UserCredentials } from './user.queries.js';

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
  /** codes tried per account at the second step (two-factor), whatever the browser */
  secondFactor?: LoginLimit;
}
export const LOGIN_LIMITS: Required<LoginLimits> = {
  account: { limit: 5, windowSeconds: 15 * 60 },
  device: { limit: 5, windowSeconds: 15 * 60 },
  ip: { limit: 20, windowSeconds: 15 * 60 },
  secondFactor: { limit: 5, windowSeconds: 15 * 60 },
};

/** The one answer for an unknown email and a wrong password, so neither reveals which it was. */
export const LOGIN_FAILED_MESSAGE = 'Email or password is incorrect.';

/** What the operator's log may say about a failed attempt; the requester sees only the message. */
export interface LoginFailure {
  reason: 'unknown-account' | 'wrong-password' | 'throttled' | 'wrong-code' | 'challenge-expired';
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

/** A right password on an account that was deactivated: said plainly, since the password proved who is asking. */
export class AccountDeactivatedError extends ForbiddenError {
  override name = 'AccountDeactivatedError';
  constructor(readonly userId: string) {
    super('This account has been deactivated. If you still need access, ask an administrator to reactivate it.');
  }
}

/** How long the second step of a sign-in may take. */
export const CHALLENGE_TTL_SECONDS = 10 * 60;

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
  /** for the sessions list */
  userAgent?: string;
}

export interface LoginResult extends StartedSession {
  kind: 'signed-in';
  user: User;
  /** the browser's device tokens to keep, with a fresh one for this account first */
  deviceTokens: string[];
}

/**
 * The password was right and the account has two-factor on: no session yet. The token
 * goes to the browser (a short-lived cookie) and comes back with the code.
 */
export interface SecondFactorNeeded {
  kind: 'second-factor';
  user: User;
  challengeToken: string;
  expiresAt: Date;
}

export type LoginOutcome = LoginResult | SecondFactorNeeded;

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
export async function login(deps: LoginDeps, input: LoginInput): Promise<LoginOutcome> {
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

  // An invited account has no password yet (an empty hash): it costs the same time and fails the same way.
  const isMatch = await verifyPassword(input.password, found?.passwordHash || UNMATCHABLE_HASH);
  if (!found) throw new LoginFailedError({ reason: 'unknown-account', ...failure });
  if (!isMatch) throw new LoginFailedError({ reason: 'wrong-password', ...failure });
  if (found.status === 'deactivated') throw new AccountDeactivatedError(found.id);

  const user = userOf(found);
  // Only the counter this attempt was counted under: a success from the owner's browser
  // leaves the strangers' shared lockout in place rather than handing them five more tries.
  await resetRate(db, clientRule.key);
  if (found.totpSecret) {
    const challengeToken = newOneTimeToken();
    const expiresAt = new Date(now.getTime() + CHALLENGE_TTL_SECONDS * 1000);
    await insertChallenge(db, { id: hashOneTimeToken(challengeToken), userId: user.id, createdAt: now.toISOString(), expiresAt: expiresAt.toISOString() });
    return { kind: 'second-factor', user, challengeToken, expiresAt };
  }
  return finishSignIn(deps, user, input);
}

/** The last step of every sign-in: a session, a device token for this browser, the sign-in recorded. */
export async function finishSignIn(deps: LoginDeps, user: User, input: Pick<LoginInput, 'deviceTokens' | 'userAgent' | 'ip'>): Promise<LoginResult> {
  const { db, clock } = deps;
  const now = clock.now();
  await deleteExpiredSessions(db, clock, user.id);
  await recordSignIn(db, user.id, now.toISOString());
  const newToken = issueDeviceToken(deps.deviceSecret, user.id, now);
  return {
    kind: 'signed-in',
    user,
    deviceTokens: rememberDeviceToken(deps.deviceSecret, user.id, input.deviceTokens ?? [], newToken, now),
    ...(await startSession(db, clock, user.id, { userAgent: input.userAgent, ip: input.ip })),
  };
}

export function userOf(found: UserCredentials): User {
  return { id: found.id, email: found.email, name: found.name, slug: found.slug, role: found.role, bio: found.bio, avatarMediaId: found.avatarMediaId };
}

function longestWait(...decisions: RateDecision[]): number {
  return Math.max(...decisions.map((d) => d.retryAfterSeconds));
}

function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}
