import { reindexArticlesNaming } from '../search/index.js';
import { ConflictError, NotFoundError, ValidationError } from '../shared/errors.js';
import { inTransaction } from '../shared/in-transaction.js';
import { newId } from '../shared/ids.js';
import { slugify } from '../shared/slugify.js';
import { parseInput } from '../shared/validate.js';
import type { WriteDeps } from '../shared/write-deps.js';
import { type AccountMailDeps, INVITE_TTL_SECONDS } from './account.js';
import { invitationMail } from './account-mail.js';
import { AcceptInvitation, Invitation } from './account.schema.js';
import { consumeAccountToken, deleteUnusedTokens, findLiveTokenUser, insertAccountToken } from './account-token.queries.js';
import { hashOneTimeToken, isWellFormedToken, newOneTimeToken } from './one-time-token.js';
import { hashPassword } from './password.js';
import { type Actor, assertCan, type User } from './role.js';
import { activateInvitedRow, findAccountById, findUserById, insertUser, isEmailTaken, isUserSlugTaken } from './user.queries.js';

export interface InviteResult {
  user: User;
  /** false when the outbox could not take the message: the account exists, the invitation can be sent again */
  isMailQueued: boolean;
}

/**
 * Opens an account for someone by email, without a usable password, and mails them a
 * one-time link (7 days) where they choose their name and password.
 */
export async function inviteUser(deps: AccountMailDeps, actor: Actor, input: Invitation): Promise<InviteResult> {
  assertCan(actor, 'manage_users', 'invite people');
  const data = parseInput(Invitation, input, 'invitation');
  if (await isEmailTaken(deps.db, data.email)) throw new ValidationError('invalid invitation', { email: `An account for ${data.email} already exists.` });
  const name = data.name || data.email.split('@')[0]!;
  const user: User = { id: newId(), email: data.email, name, slug: await freeSlug(deps, name), role: data.role, bio: '', avatarMediaId: null };
  await insertUser(deps.db, user, '', deps.clock.now().toISOString(), 'invited');
  await deps.events.emit({ type: 'account.changed', userId: user.id });
  return { user, isMailQueued: await sendInvitation(deps, actor, user) };
}

/** Sends a pending invitation again, with a new link; the old one stops working. */
export async function resendInvitation(deps: AccountMailDeps, actor: Actor, userId: string): Promise<InviteResult> {
  assertCan(actor, 'manage_users', 'invite people');
  const account = await findAccountById(deps.db, userId);
  if (!account) throw new NotFoundError('user', userId);
  if (account.status !== 'invited') throw new ConflictError(`${account.name} has already accepted the invitation.`);
  return { user: account, isMailQueued: await sendInvitation(deps, actor, account) };
}

async function sendInvitation(deps: AccountMailDeps, actor: Actor, user: User): Promise<boolean> {
  const token = newOneTimeToken();
  const now = deps.clock.now();
  await deleteUnusedTokens(deps.db, user.id, 'invite');
  await insertAccountToken(deps.db, {
    id: hashOneTimeToken(token),
    userId: user.id,
    purpose: 'invite',
    createdAt: now.toISOString(),
    expiresAt: new Date(now.getTime() + INVITE_TTL_SECONDS * 1000).toISOString(),
  });
  const inviter = await findUserById(deps.db, actor.id);
  return deps.mail.queue(invitationMail(deps.siteUrl, { to: user.email, inviterName: inviter?.name ?? 'An administrator', role: user.role, token }));
}

/** The invitation a link carries, if it is still good: for the form's heading and first guess at the name. */
export async function findInvitation(deps: Pick<WriteDeps, 'db' | 'clock'>, token: unknown): Promise<{ email: string; name: string; role: string } | null> {
  if (!isWellFormedToken(token)) return null;
  const userId = await findLiveTokenUser(deps.db, hashOneTimeToken(token), 'invite', deps.clock.now().toISOString());
  const account = userId ? await findAccountById(deps.db, userId) : null;
  return account && account.status === 'invited' ? { email: account.email, name: account.name, role: account.role } : null;
}

export class LinkExpiredError extends ValidationError {
  override name = 'LinkExpiredError';
  constructor(what: string) {
    super(`This ${what} link has expired or was already used.`);
  }
}

/** Accepts an invitation: the link is used up, the account becomes active with the chosen name and password. */
export async function acceptInvitation(deps: WriteDeps, input: { token: unknown; name: string; password: string }): Promise<User> {
  const data = parseInput(AcceptInvitation, input, 'invitation');
  if (!isWellFormedToken(input.token)) throw new LinkExpiredError('invitation');
  const id = hashOneTimeToken(input.token);
  const now = deps.clock.now().toISOString();
  const userId = await findLiveTokenUser(deps.db, id, 'invite', now);
  const before = userId ? await findAccountById(deps.db, userId) : null;
  if (!before || before.status !== 'invited') throw new LinkExpiredError('invitation');
  const slug = data.name === before.name ? before.slug : await freeSlug(deps, data.name);
  const hash = await hashPassword(data.password);
  await inTransaction(deps.db, async (trx) => {
    // The link is used up first and alone decides: of two tabs posting it, one wins.
    if (!(await consumeAccountToken(trx, id, 'invite', now))) throw new LinkExpiredError('invitation');
    if (!(await activateInvitedRow(trx, before.id, data.name, slug, hash, now))) throw new LinkExpiredError('invitation');
    // An invited account may already be on bylines: they are searched under the chosen name from this commit on.
    if (data.name !== before.name) await reindexArticlesNaming(trx, { authorId: before.id });
  });
  await deps.events.emit({ type: 'author.changed', userId: before.id, isBylineChanged: data.name !== before.name || slug !== before.slug });
  return { ...before, name: data.name, slug };
}

async function freeSlug(deps: Pick<WriteDeps, 'db'>, name: string): Promise<string> {
  const base = slugify(name) || 'author';
  let slug = base;
  for (let n = 2; await isUserSlugTaken(deps.db, slug); n++) slug = `${base}-${n}`;
  return slug;
}
