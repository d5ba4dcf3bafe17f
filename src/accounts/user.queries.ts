import type { Database } from '../db/database.js';
import type { AccountStatus, StaffAccount } from './account.js';
import type { Role, User } from './role.js';
import type { UserRow } from './accounts.table.js';

const columns = ['id', 'email', 'name', 'slug', 'role', 'bio', 'avatar_media_id'] as const;

export function toUser(row: Pick<UserRow, (typeof columns)[number]>): User {
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    slug: row.slug,
    role: row.role as Role,
    bio: row.bio,
    avatarMediaId: row.avatar_media_id,
  };
}

/** A user with what signing in checks: the password hash, the status, the TOTP secret. */
export interface UserCredentials extends User {
  passwordHash: string;
  status: AccountStatus;
  totpSecret: string | null;
  totpLastStep: number | null;
}

const credentialColumns = [...columns, 'password_hash', 'status', 'totp_secret', 'totp_last_step'] as const;

function toCredentials(row: Pick<UserRow, (typeof credentialColumns)[number]>): UserCredentials {
  return {
    ...toUser(row),
    passwordHash: row.password_hash,
    status: row.status as AccountStatus,
    totpSecret: row.totp_secret,
    totpLastStep: row.totp_last_step === null ? null : Number(row.totp_last_step),
  };
}

export async function findUserByEmailWithHash(db: Database, email: string): Promise<UserCredentials | null> {
  const row = await db.selectFrom('users').select(credentialColumns).where('email', '=', email).executeTakeFirst();
  return row ? toCredentials(row) : null;
}

export async function findCredentialsById(db: Database, id: string): Promise<UserCredentials | null> {
  const row = await db.selectFrom('users').select(credentialColumns).where('id', '=', id).executeTakeFirst();
  return row ? toCredentials(row) : null;
}

export async function findUserById(db: Database, id: string): Promise<User | null> {
  const row = await db.selectFrom('users').select(columns).where('id', '=', id).executeTakeFirst();
  return row ? toUser(row) : null;
}

export async function findUserBySlug(db: Database, slug: string): Promise<User | null> {
  const row = await db.selectFrom('users').select(columns).where('slug', '=', slug).executeTakeFirst();
  return row ? toUser(row) : null;
}

export async function findUsersByIds(db: Database, ids: readonly string[]): Promise<User[]> {
  if (ids.length === 0) return [];
  const rows = await db.selectFrom('users').select(columns).where('id', 'in', [...new Set(ids)]).execute();
  return rows.map(toUser);
}

export async function isUserSlugTaken(db: Database, slug: string): Promise<boolean> {
  return (await db.selectFrom('users').select('id').where('slug', '=', slug).executeTakeFirst()) !== undefined;
}

export async function isEmailTaken(db: Database, email: string): Promise<boolean> {
  return (await db.selectFrom('users').select('id').where('email', '=', email).executeTakeFirst()) !== undefined;
}

export async function insertUser(db: Database, user: User, passwordHash: string, now: string, status: AccountStatus = 'active'): Promise<void> {
  await db
    .insertInto('users')
    .values({
      id: user.id,
      email: user.email,
      name: user.name,
      slug: user.slug,
      password_hash: passwordHash,
      role: user.role,
      bio: user.bio,
      avatar_media_id: user.avatarMediaId,
      created_at: now,
      updated_at: now,
      status,
    })
    .execute();
}

export async function countUsers(db: Database): Promise<number> {
  const row = await db.selectFrom('users').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function updateProfileRow(db: Database, user: Pick<User, 'id' | 'name' | 'slug' | 'bio' | 'avatarMediaId'>, now: string): Promise<void> {
  await db
    .updateTable('users')
    .set({ name: user.name, slug: user.slug, bio: user.bio, avatar_media_id: user.avatarMediaId, updated_at: now })
    .where('id', '=', user.id)
    .execute();
}

/** Whether an image of the library has this id (for avatars: read only, the media feature owns the table). */
export async function isStoredImage(db: Database, mediaId: string): Promise<boolean> {
  return (await db.selectFrom('media').select('id').where('id', '=', mediaId).executeTakeFirst()) !== undefined;
}

const accountColumns = [...columns, 'status', 'last_sign_in_at', 'created_at', 'totp_secret'] as const;

function toAccount(row: Pick<UserRow, (typeof accountColumns)[number]>): StaffAccount {
  return {
    ...toUser(row),
    status: row.status as AccountStatus,
    lastSignInAt: row.last_sign_in_at,
    createdAt: row.created_at,
    hasTwoFactor: row.totp_secret !== null,
  };
}

/** Everyone with an account, by name. A newsroom has tens of staff, not thousands. */
export async function listAccountRows(db: Database): Promise<StaffAccount[]> {
  const rows = await db.selectFrom('users').select(accountColumns).orderBy('name').orderBy('id').execute();
  return rows.map(toAccount);
}

export async function findAccountById(db: Database, id: string): Promise<StaffAccount | null> {
  const row = await db.selectFrom('users').select(accountColumns).where('id', '=', id).executeTakeFirst();
  return row ? toAccount(row) : null;
}

export async function updatePasswordHash(db: Database, id: string, passwordHash: string, now: string): Promise<void> {
  await db.updateTable('users').set({ password_hash: passwordHash, updated_at: now }).where('id', '=', id).execute();
}

export async function updateEmailRow(db: Database, id: string, email: string, now: string): Promise<void> {
  await db.updateTable('users').set({ email, updated_at: now }).where('id', '=', id).execute();
}

export async function recordSignIn(db: Database, id: string, now: string): Promise<void> {
  await db.updateTable('users').set({ last_sign_in_at: now }).where('id', '=', id).execute();
}

/** An invited account becomes active with the name and password its owner chose. */
export async function activateInvitedRow(db: Database, id: string, name: string, slug: string, passwordHash: string, now: string): Promise<boolean> {
  const result = await db
    .updateTable('users')
    .set({ name, slug, password_hash: passwordHash, status: 'active', updated_at: now })
    .where('id', '=', id)
    .where('status', '=', 'invited')
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/**
 * Changes a role or a status unless that would leave no active administrator. The active
 * administrators' rows are locked first (an UPDATE that changes nothing still takes row
 * locks on PostgreSQL; SQLite's BEGIN IMMEDIATE serializes writers anyway), so two
 * administrators demoting each other at the same moment cannot both succeed: the second
 * waits, then counts afresh. Returns false when the guard refused.
 */
export async function updateRoleOrStatusKeepingAnAdmin(
  db: Database,
  id: string,
  changes: { role?: Role; status?: AccountStatus },
  now: string,
): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    await trx.updateTable('users').set((eb) => ({ role: eb.ref('role') })).where('role', '=', 'administrator').where('status', '=', 'active').execute();
    const target = await trx.selectFrom('users').select(['role', 'status']).where('id', '=', id).executeTakeFirst();
    if (!target) return true;
    const after = { role: changes.role ?? target.role, status: changes.status ?? target.status };
    const removesAnAdmin = target.role === 'administrator' && target.status === 'active' && !(after.role === 'administrator' && after.status === 'active');
    if (removesAnAdmin) {
      const others = await trx
        .selectFrom('users')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('role', '=', 'administrator')
        .where('status', '=', 'active')
        .where('id', '!=', id)
        .executeTakeFirstOrThrow();
      if (Number(others.n) === 0) return false;
    }
    await trx.updateTable('users').set({ ...changes, updated_at: now }).where('id', '=', id).execute();
    return true;
  });
}

export async function setTotpPendingSecret(db: Database, id: string, secret: string | null): Promise<void> {
  await db.updateTable('users').set({ totp_pending_secret: secret }).where('id', '=', id).execute();
}

export async function findTotpState(db: Database, id: string): Promise<{ secret: string | null; pendingSecret: string | null; lastStep: number | null } | null> {
  const row = await db.selectFrom('users').select(['totp_secret', 'totp_pending_secret', 'totp_last_step']).where('id', '=', id).executeTakeFirst();
  if (!row) return null;
  return { secret: row.totp_secret, pendingSecret: row.totp_pending_secret, lastStep: row.totp_last_step === null ? null : Number(row.totp_last_step) };
}

/** Two-factor goes on (the confirmed pending secret) or off (null). */
export async function setTotpSecret(db: Database, id: string, secret: string | null, acceptedStep: number | null): Promise<void> {
  await db.updateTable('users').set({ totp_secret: secret, totp_pending_secret: null, totp_last_step: acceptedStep }).where('id', '=', id).execute();
}

/**
 * Records `step` as the last accepted TOTP step, only if it is later than the one stored:
 * of two requests carrying the same code, exactly one wins.
 */
export async function acceptTotpStep(db: Database, id: string, step: number): Promise<boolean> {
  const result = await db
    .updateTable('users')
    .set({ totp_last_step: step })
    .where('id', '=', id)
    .where('totp_secret', 'is not', null)
    .where((eb) => eb.or([eb('totp_last_step', 'is', null), eb('totp_last_step', '<', step)]))
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/**
 * Active accounts that hold a capability or are named (an article's authors), for notices:
 * invited and deactivated accounts are not written to.
 */
export async function listActiveStaffFor(db: Database, roles: readonly Role[], userIds: readonly string[]): Promise<User[]> {
  if (roles.length === 0 && userIds.length === 0) return [];
  const rows = await db
    .selectFrom('users')
    .select(columns)
    .where('status', '=', 'active')
    .where((eb) => eb.or([...(roles.length ? [eb('role', 'in', [...roles])] : []), ...(userIds.length ? [eb('id', 'in', [...new Set(userIds)])] : [])]))
    .orderBy('id')
    .execute();
  return rows.map(toUser);
}
