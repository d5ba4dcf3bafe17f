import { consumeRate, resetRate } from '../ratelimit/index.js';
import { ConflictError, NotFoundError, ValidationError } from '../shared/errors.js';
import type { WriteDeps } from '../shared/write-deps.js';
import { secondFactorThrottleKey } from './complete-sign-in.js';
import { LOGIN_LIMITS, LoginThrottledError } from './login.js';
import { verifyPassword } from './password.js';
import type { Actor } from './role.js';
import { hashRecoveryCode, matchTotp, newRecoveryCodes, newTotpSecret, totpUri } from './totp.js';
import { consumeRecoveryCode, countUnusedRecoveryCodes, replaceRecoveryCodes } from './two-factor.queries.js';
import { acceptTotpStep, findCredentialsById, findTotpState, setTotpPendingSecret, setTotpSecret } from './user.queries.js';

/*
 * Two-factor is the owner's own business: every use case here acts on the actor's own
 * account (no administrator switches it on or off for someone else).
 */

export interface TwoFactorStatus {
  isEnabled: boolean;
  /** recovery codes not yet used */
  recoveryCodesLeft: number;
  /** while being set up: what the authenticator app needs */
  pending: { secret: string; uri: string } | null;
}

export async function twoFactorStatus(deps: Pick<WriteDeps, 'db'>, actor: Actor, issuer: string): Promise<TwoFactorStatus> {
  const state = await findTotpState(deps.db, actor.id);
  const account = await findCredentialsById(deps.db, actor.id);
  if (!state || !account) throw new NotFoundError('user', actor.id);
  return {
    isEnabled: state.secret !== null,
    recoveryCodesLeft: state.secret ? await countUnusedRecoveryCodes(deps.db, actor.id) : 0,
    pending: state.pendingSecret && !state.secret ? { secret: state.pendingSecret, uri: totpUri(state.pendingSecret, issuer, account.email) } : null,
  };
}

/** Starts setting two-factor up: a new secret, kept aside until a code from it is confirmed. */
export async function beginTwoFactorSetup(deps: WriteDeps, actor: Actor): Promise<void> {
  const state = await findTotpState(deps.db, actor.id);
  if (!state) throw new NotFoundError('user', actor.id);
  if (state.secret) throw new ConflictError('Two-factor sign-in is already on.');
  await setTotpPendingSecret(deps.db, actor.id, newTotpSecret());
}

/**
 * Switches two-factor on once a code from the new secret is right (so the app was set up),
 * and returns ten recovery codes, shown once: only their hashes are kept.
 */
export async function confirmTwoFactor(deps: WriteDeps, actor: Actor, input: { code: string }): Promise<{ recoveryCodes: string[] }> {
  const state = await findTotpState(deps.db, actor.id);
  if (!state) throw new NotFoundError('user', actor.id);
  if (state.secret) throw new ConflictError('Two-factor sign-in is already on.');
  if (!state.pendingSecret) throw new ConflictError('Start the set-up again: no new secret is waiting.');
  await throttle(deps, actor.id);
  const now = deps.clock.now();
  const step = matchTotp(state.pendingSecret, input.code, now);
  if (step === null) throw new ValidationError('That code is not right', { code: 'That code does not match. Check the time on your phone and enter the current 6-digit code.' });
  await setTotpSecret(deps.db, actor.id, state.pendingSecret, step);
  await resetRate(deps.db, secondFactorThrottleKey(actor.id));
  const recoveryCodes = await storeNewRecoveryCodes(deps, actor.id);
  await deps.events.emit({ type: 'account.changed', userId: actor.id });
  return { recoveryCodes };
}

/** Switches two-factor off: the password and a current code (or a recovery code) both. */
export async function disableTwoFactor(deps: WriteDeps, actor: Actor, input: { password: string; code: string }): Promise<void> {
  const account = await findCredentialsById(deps.db, actor.id);
  if (!account) throw new NotFoundError('user', actor.id);
  if (!account.totpSecret) throw new ConflictError('Two-factor sign-in is already off.');
  await throttle(deps, actor.id);
  const fields: Record<string, string> = {};
  if (!(await verifyPassword(input.password, account.passwordHash || '-'))) fields.password = 'That is not your current password.';
  const now = deps.clock.now();
  const step = matchTotp(account.totpSecret, input.code, now);
  const isCodeRight =
    step !== null ? await acceptTotpStep(deps.db, actor.id, step) : await consumeIfRecoveryCode(deps, actor.id, input.code, now.toISOString());
  if (!isCodeRight) fields.code = 'That code is not right.';
  if (Object.keys(fields).length > 0) throw new ValidationError('Two-factor sign-in is still on', fields);
  await setTotpSecret(deps.db, actor.id, null, null);
  await replaceRecoveryCodes(deps.db, actor.id, [], now.toISOString());
  await resetRate(deps.db, secondFactorThrottleKey(actor.id));
  await deps.events.emit({ type: 'account.changed', userId: actor.id });
}

/** Ten fresh recovery codes in place of the old ones (which stop working), after the password. */
export async function regenerateRecoveryCodes(deps: WriteDeps, actor: Actor, input: { password: string }): Promise<{ recoveryCodes: string[] }> {
  const account = await findCredentialsById(deps.db, actor.id);
  if (!account) throw new NotFoundError('user', actor.id);
  if (!account.totpSecret) throw new ConflictError('Two-factor sign-in is off: there are no recovery codes to replace.');
  await throttle(deps, actor.id);
  if (!(await verifyPassword(input.password, account.passwordHash || '-'))) {
    throw new ValidationError('The codes were not replaced', { password: 'That is not your current password.' });
  }
  return { recoveryCodes: await storeNewRecoveryCodes(deps, actor.id) };
}

async function storeNewRecoveryCodes(deps: WriteDeps, userId: string): Promise<string[]> {
  const codes = newRecoveryCodes();
  await replaceRecoveryCodes(deps.db, userId, codes.map((c) => hashRecoveryCode(c)!), deps.clock.now().toISOString());
  return codes;
}

async function consumeIfRecoveryCode(deps: WriteDeps, userId: string, code: string, now: string): Promise<boolean> {
  const hash = hashRecoveryCode(code);
  return hash !== null && consumeRecoveryCode(deps.db, userId, hash, now);
}

/** Codes tried here count with those at sign-in: a stolen session cannot guess its way through either. */
async function throttle(deps: WriteDeps, userId: string): Promise<void> {
  const decision = await consumeRate(deps.db, deps.clock, { key: secondFactorThrottleKey(userId), ...LOGIN_LIMITS.secondFactor });
  if (!decision.allowed) throw new LoginThrottledError(decision.retryAfterSeconds, { reason: 'throttled', userId, isKnownDevice: false, limits: ['secondFactor'] });
}
