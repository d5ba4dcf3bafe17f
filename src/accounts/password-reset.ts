import { consumeRate } from '../ratelimit/index.js';
import { TooManyRequestsError } from '../shared/errors.js';
import { parseInput } from '../shared/validate.js';
import type { WriteDeps } from '../shared/write-deps.js';
import { type AccountMailDeps, RESET_TTL_SECONDS } from './account.js';
import { passwordResetMail } from './account-mail.js';
import { NewPassword } from './account.schema.js';
import { consumeAccountToken, deleteUnusedTokens, findLiveTokenUser, insertAccountToken } from './account-token.queries.js';
import { LinkExpiredError } from './invite-user.js';
import { hashOneTimeToken, isWellFormedToken, newOneTimeToken } from './one-time-token.js';
import { hashPassword } from './password.js';
import { deleteSessionsOfUser } from './session.queries.js';
import { Email } from './user.schema.js';
import { findAccountById, findUserByEmailWithHash, updatePasswordHash } from './user.queries.js';

/** The one answer to every request, whether or not the address has an account. */
export const RESET_REQUESTED_MESSAGE = 'If an account exists for that address, we have sent a link to reset its password. It works for an hour.';

export interface ResetLimit {
  limit: number;
  windowSeconds: number;
}

/** Requests per window: per address asked about, and per client address asking. */
export const RESET_LIMITS = {
  email: { limit: 3, windowSeconds: 60 * 60 },
  ip: { limit: 10, windowSeconds: 60 * 60 },
} satisfies Record<string, ResetLimit>;
export type ResetLimits = typeof RESET_LIMITS;

export class ResetThrottledError extends TooManyRequestsError {
  override name = 'ResetThrottledError';
  constructor(retryAfterSeconds: number) {
    const minutes = Math.ceil(retryAfterSeconds / 60);
    super(`Too many reset requests. Please wait ${minutes === 1 ? 'a minute' : `${minutes} minutes`} and try again.`, retryAfterSeconds);
  }
}

/**
 * Asked for by a stranger on the forgot-password form: counted per address asked about and
 * per client (whether or not the account exists, so the limit says nothing either), then,
 * for an active account only, a one-hour single-use link is mailed. The caller always
 * shows RESET_REQUESTED_MESSAGE; nothing returned differs between a known and an unknown address.
 */
export async function requestPasswordReset(deps: AccountMailDeps & { limits?: ResetLimits }, input: { email: string; ip: string }): Promise<void> {
  const email = parseInput(Email, input.email, 'email');
  const limits = deps.limits ?? RESET_LIMITS;
  const [byEmail, byIp] = await Promise.all([
    consumeRate(deps.db, deps.clock, { key: `reset:email:${email}`, ...limits.email }),
    consumeRate(deps.db, deps.clock, { key: `reset:ip:${input.ip}`, ...limits.ip }),
  ]);
  if (!byEmail.allowed || !byIp.allowed) throw new ResetThrottledError(Math.max(byEmail.retryAfterSeconds, byIp.retryAfterSeconds));
  const found = await findUserByEmailWithHash(deps.db, email);
  if (!found || found.status !== 'active') return;
  const token = newOneTimeToken();
  const now = deps.clock.now();
  await deleteUnusedTokens(deps.db, found.id, 'reset');
  await insertAccountToken(deps.db, {
    id: hashOneTimeToken(token),
    userId: found.id,
    purpose: 'reset',
    createdAt: now.toISOString(),
    expiresAt: new Date(now.getTime() + RESET_TTL_SECONDS * 1000).toISOString(),
  });
  await deps.mail.queue(passwordResetMail(deps.siteUrl, { to: found.email, token }));
}

/** Whether a reset link is still good (for showing the form at all). */
export async function isResetLinkLive(deps: Pick<WriteDeps, 'db' | 'clock'>, token: unknown): Promise<boolean> {
  if (!isWellFormedToken(token)) return false;
  return (await findLiveTokenUser(deps.db, hashOneTimeToken(token), 'reset', deps.clock.now().toISOString())) !== null;
}

/** Sets the new password from a reset link (used up), and ends every session of the account. */
export async function resetPassword(deps: WriteDeps, input: { token: unknown; password: string }): Promise<void> {
  const { password } = parseInput(NewPassword, { password: input.password }, 'password');
  if (!isWellFormedToken(input.token)) throw new LinkExpiredError('reset');
  const id = hashOneTimeToken(input.token);
  const now = deps.clock.now().toISOString();
  const userId = await findLiveTokenUser(deps.db, id, 'reset', now);
  const account = userId ? await findAccountById(deps.db, userId) : null;
  if (!account || account.status !== 'active') throw new LinkExpiredError('reset');
  const hash = await hashPassword(password);
  if (!(await consumeAccountToken(deps.db, id, 'reset', now))) throw new LinkExpiredError('reset');
  await updatePasswordHash(deps.db, account.id, hash, now);
  await deleteSessionsOfUser(deps.db, account.id);
  await deps.events.emit({ type: 'account.changed', userId: account.id });
}
