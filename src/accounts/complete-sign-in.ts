import { consumeRate, resetRate } from '../ratelimit/index.js';
import { UnauthorizedError } from '../shared/errors.js';
import { finishSignIn, ipThrottleKey, LOGIN_LIMITS, type LoginDeps, LoginFailedError, type LoginInput, type LoginResult, LoginThrottledError, userOf } from './login.js';
import { hashOneTimeToken, isWellFormedToken } from './one-time-token.js';
import { hashRecoveryCode, matchTotp } from './totp.js';
import { consumeRecoveryCode, deleteChallenge, findLiveChallengeUser } from './two-factor.queries.js';
import { acceptTotpStep, findCredentialsById } from './user.queries.js';

/** The second step was too slow, or its challenge is gone: start again with the password. */
export class SignInExpiredError extends UnauthorizedError {
  override name = 'SignInExpiredError';
  constructor() {
    super('Your sign-in took too long or was already used. Please enter your email and password again.');
  }
}

export const WRONG_CODE_MESSAGE = 'That code is not right. Enter the 6-digit code from your authenticator app, or one of your recovery codes.';

/** A wrong code at the second step. */
export class SecondFactorFailedError extends LoginFailedError {
  override name = 'SecondFactorFailedError';
  override readonly message = WRONG_CODE_MESSAGE;
}

export function secondFactorThrottleKey(userId: string): string {
  return `login:second-factor:${userId}`;
}

export interface SecondFactorInput extends Pick<LoginInput, 'ip' | 'deviceTokens' | 'userAgent'> {
  /** from the browser's challenge cookie */
  challengeToken: string;
  /** a 6-digit TOTP code or a recovery code */
  code: string;
}

/**
 * The second step of a two-factor sign-in: the code from the authenticator app (once per
 * time step) or a recovery code (once ever). Attempts are counted per account, before the
 * code is checked, so a stolen password buys only a few guesses per window; the address
 * counts as for passwords. Only a right code starts a session, and the challenge is used up.
 */
export async function completeSignIn(deps: LoginDeps, input: SecondFactorInput): Promise<LoginResult> {
  const { db, clock } = deps;
  const now = clock.now();
  if (!isWellFormedToken(input.challengeToken)) throw new SignInExpiredError();
  const challengeId = hashOneTimeToken(input.challengeToken);
  const userId = await findLiveChallengeUser(db, challengeId, now.toISOString());
  if (!userId) throw new SignInExpiredError();

  const limits = { ...LOGIN_LIMITS, ...deps.limits };
  const rule = { key: secondFactorThrottleKey(userId), ...limits.secondFactor };
  const [byAccount, byIp] = await Promise.all([consumeRate(db, clock, rule), consumeRate(db, clock, { key: ipThrottleKey(input.ip), ...limits.ip })]);
  const failure = { userId, isKnownDevice: false };
  if (!byAccount.allowed || !byIp.allowed) {
    const refusedBy: Array<'secondFactor' | 'ip'> = [];
    if (!byAccount.allowed) refusedBy.push('secondFactor');
    if (!byIp.allowed) refusedBy.push('ip');
    throw new LoginThrottledError(Math.max(byAccount.retryAfterSeconds, byIp.retryAfterSeconds), { reason: 'throttled', ...failure, limits: refusedBy });
  }

  const found = await findCredentialsById(db, userId);
  if (!found || found.status !== 'active' || !found.totpSecret) throw new SignInExpiredError();
  if (!(await isRightCode(deps, found.id, found.totpSecret, input.code, now))) {
    throw new SecondFactorFailedError({ reason: 'wrong-code', ...failure });
  }
  // Two tabs finishing the same sign-in: only the one that removes the challenge goes on.
  if (!(await deleteChallenge(db, challengeId))) throw new SignInExpiredError();
  await resetRate(db, rule.key);
  return finishSignIn(deps, userOf(found), input);
}

async function isRightCode(deps: LoginDeps, userId: string, secret: string, code: string, now: Date): Promise<boolean> {
  const step = matchTotp(secret, code, now);
  if (step !== null) return acceptTotpStep(deps.db, userId, step);
  const hash = hashRecoveryCode(code);
  return hash !== null && consumeRecoveryCode(deps.db, userId, hash, now.toISOString());
}
