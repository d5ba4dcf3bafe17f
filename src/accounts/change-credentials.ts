import { consumeRate } from '../ratelimit/index.js';
import { NotFoundError, ValidationError } from '../shared/errors.js';
import type { WriteDeps } from '../shared/write-deps.js';
import type { AccountMailDeps } from './account.js';
import { emailChangedMail } from './account-mail.js';
import { LoginThrottledError, userOf } from './login.js';
import { hashPassword, verifyPassword } from './password.js';
import type { Actor, User } from './role.js';
import { deleteSessionsOfUser } from './session.queries.js';
import { Email, Password } from './user.schema.js';
import { findCredentialsById, isEmailTaken, updateEmailRow, updatePasswordHash } from './user.queries.js';

/*
 * Changing how one signs in needs the current password, checked here (a session left open
 * on a shared computer is not enough to take the account over). Wrong guesses are counted.
 */
const CONFIRM_LIMIT = { limit: 5, windowSeconds: 15 * 60 };

async function assertPassword(deps: WriteDeps, userId: string, password: string, field: string): Promise<void> {
  const found = await findCredentialsById(deps.db, userId);
  if (!found) throw new NotFoundError('user', userId);
  const decision = await consumeRate(deps.db, deps.clock, { key: `confirm-password:${userId}`, ...CONFIRM_LIMIT });
  if (!decision.allowed) throw new LoginThrottledError(decision.retryAfterSeconds, { reason: 'throttled', userId, isKnownDevice: false, limits: ['account'] });
  if (!(await verifyPassword(password, found.passwordHash || '-'))) {
    throw new ValidationError('Your current password is needed', { [field]: 'That is not your current password.' });
  }
}

/** A new sign-in email for the actor; the old address is told, in case it was not them. */
export async function changeEmail(deps: AccountMailDeps, actor: Actor, input: { email: string; password: string }): Promise<User> {
  const found = await findCredentialsById(deps.db, actor.id);
  if (!found) throw new NotFoundError('user', actor.id);
  const parsed = Email.safeParse(input.email);
  if (!parsed.success) throw new ValidationError('invalid email', { email: 'Enter an email address such as name@example.org.' });
  const email = parsed.data;
  if (email === found.email) return userOf(found);
  if (await isEmailTaken(deps.db, email)) throw new ValidationError('invalid email', { email: 'Another account uses that address.' });
  await assertPassword(deps, actor.id, input.password, 'currentPassword');
  await updateEmailRow(deps.db, actor.id, email, deps.clock.now().toISOString());
  await deps.events.emit({ type: 'account.changed', userId: actor.id });
  await deps.mail.queue(emailChangedMail(deps.siteUrl, { to: found.email, newEmail: email }));
  return { ...userOf(found), email };
}

/** A new password for the actor; every other session ends (this browser stays signed in). */
export async function changePassword(
  deps: WriteDeps,
  actor: Actor,
  currentSessionId: string | null,
  input: { currentPassword: string; newPassword: string },
): Promise<{ endedSessions: number }> {
  const newPassword = Password.safeParse(input.newPassword);
  if (!newPassword.success) throw new ValidationError('invalid password', { newPassword: newPassword.error.issues[0]?.message ?? 'Choose another password.' });
  await assertPassword(deps, actor.id, input.currentPassword, 'currentPassword');
  await updatePasswordHash(deps.db, actor.id, await hashPassword(newPassword.data), deps.clock.now().toISOString());
  const endedSessions = await deleteSessionsOfUser(deps.db, actor.id, currentSessionId);
  await deps.events.emit({ type: 'account.changed', userId: actor.id });
  return { endedSessions };
}
