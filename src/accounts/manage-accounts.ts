import type { Database } from '../db/database.js';
import { ConflictError, ForbiddenError, NotFoundError } from '../shared/errors.js';
import type { WriteDeps } from '../shared/write-deps.js';
import type { StaffAccount } from './account.js';
import { deleteUnusedTokens } from './account-token.queries.js';
import { type Actor, assertCan, ROLES, type Role } from './role.js';
import { deleteSessionsOfUser } from './session.queries.js';
import { findAccountById, findCredentialsById, listAccountRows, updateRoleOrStatusKeepingAnAdmin } from './user.queries.js';

export const LAST_ADMIN_MESSAGE = 'The site needs at least one active administrator: make someone else an administrator first.';

export async function listAccounts(db: Database, actor: Actor): Promise<StaffAccount[]> {
  assertCan(actor, 'manage_users', 'see the list of users');
  return listAccountRows(db);
}

export async function findAccount(db: Database, actor: Actor, userId: string): Promise<StaffAccount> {
  assertCan(actor, 'manage_users', 'manage users');
  const account = await findAccountById(db, userId);
  if (!account) throw new NotFoundError('user', userId);
  return account;
}

/** A new role, in force from that person's next request (the session reads the role each time). */
export async function changeRole(deps: WriteDeps, actor: Actor, userId: string, role: Role): Promise<StaffAccount> {
  assertCan(actor, 'manage_users', 'change roles');
  if (!ROLES.includes(role)) throw new NotFoundError('role', role);
  const account = await findAccount(deps.db, actor, userId);
  if (account.id === actor.id) throw new ForbiddenError('You cannot change your own role; another administrator can.');
  if (account.role === role) return account;
  if (!(await updateRoleOrStatusKeepingAnAdmin(deps.db, userId, { role }, deps.clock.now().toISOString()))) throw new ConflictError(LAST_ADMIN_MESSAGE);
  await deps.events.emit({ type: 'account.changed', userId });
  return { ...account, role };
}

/**
 * Deactivates an account: no more sign-ins, and every session ends now (the session
 * lookup also refuses a deactivated account, so a request already past the delete is
 * refused too). Their articles, bylines and author page stay as they are.
 */
export async function deactivateUser(deps: WriteDeps, actor: Actor, userId: string): Promise<StaffAccount> {
  assertCan(actor, 'manage_users', 'deactivate accounts');
  const account = await findAccount(deps.db, actor, userId);
  if (account.id === actor.id) throw new ForbiddenError('You cannot deactivate your own account; another administrator can.');
  if (account.status === 'deactivated') return account;
  if (!(await updateRoleOrStatusKeepingAnAdmin(deps.db, userId, { status: 'deactivated' }, deps.clock.now().toISOString()))) {
    throw new ConflictError(LAST_ADMIN_MESSAGE);
  }
  await deleteSessionsOfUser(deps.db, userId);
  await deleteUnusedTokens(deps.db, userId, 'invite');
  await deleteUnusedTokens(deps.db, userId, 'reset');
  await deps.events.emit({ type: 'account.changed', userId });
  return { ...account, status: 'deactivated' };
}

/** Lets a deactivated person sign in again; one who never accepted their invitation goes back to invited. */
export async function reactivateUser(deps: WriteDeps, actor: Actor, userId: string): Promise<StaffAccount> {
  assertCan(actor, 'manage_users', 'reactivate accounts');
  const account = await findAccount(deps.db, actor, userId);
  if (account.status !== 'deactivated') return account;
  const status = account.lastSignInAt === null && !(await hasPassword(deps.db, userId)) ? 'invited' : 'active';
  await updateRoleOrStatusKeepingAnAdmin(deps.db, userId, { status }, deps.clock.now().toISOString());
  await deps.events.emit({ type: 'account.changed', userId });
  return { ...account, status };
}

async function hasPassword(db: Database, userId: string): Promise<boolean> {
  return ((await findCredentialsById(db, userId))?.passwordHash ?? '') !== '';
}
