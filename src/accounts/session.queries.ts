import type { Database } from '../db/database.js';
import type { User } from './role.js';
import type { Session } from './session.js';
import { toUser } from './user.queries.js';

export interface StoredSession extends Session {
  userAgent: string;
  ipPrefix: string;
}

export async function insertSession(db: Database, session: Session, origin: { userAgent: string; ipPrefix: string }): Promise<void> {
  await db
    .insertInto('sessions')
    .values({
      id: session.id,
      user_id: session.userId,
      created_at: session.createdAt.toISOString(),
      expires_at: session.expiresAt.toISOString(),
      last_seen_at: session.lastSeenAt.toISOString(),
      user_agent: origin.userAgent,
      ip_prefix: origin.ipPrefix,
    })
    .execute();
}

/**
 * The session with this id and its user, if it has not expired by `now` and the user is
 * active: a deactivated account's sessions stop working at the next request, whatever
 * is left in the table.
 */
export async function findLiveSessionWithUser(db: Database, id: string, now: string): Promise<{ session: Session; user: User } | null> {
  const row = await db
    .selectFrom('sessions')
    .innerJoin('users', 'users.id', 'sessions.user_id')
    .select([
      'sessions.id as session_id',
      'sessions.created_at',
      'sessions.expires_at',
      'sessions.last_seen_at',
      'users.id',
      'users.email',
      'users.name',
      'users.slug',
      'users.role',
      'users.bio',
      'users.avatar_media_id',
    ])
    .where('sessions.id', '=', id)
    .where('sessions.expires_at', '>', now)
    .where('users.status', '=', 'active')
    .executeTakeFirst();
  if (!row) return null;
  return {
    session: {
      id: row.session_id,
      userId: row.id,
      createdAt: new Date(row.created_at),
      expiresAt: new Date(row.expires_at),
      lastSeenAt: new Date(row.last_seen_at ?? row.created_at),
    },
    user: toUser(row),
  };
}

export async function touchSession(db: Database, id: string, changes: { expiresAt?: string; lastSeenAt: string }): Promise<void> {
  await db
    .updateTable('sessions')
    .set({ last_seen_at: changes.lastSeenAt, ...(changes.expiresAt ? { expires_at: changes.expiresAt } : {}) })
    .where('id', '=', id)
    .execute();
}

export async function deleteSession(db: Database, id: string): Promise<void> {
  await db.deleteFrom('sessions').where('id', '=', id).execute();
}

/** Ends a user's sessions, all or all but one. Returns how many ended. */
export async function deleteSessionsOfUser(db: Database, userId: string, exceptId?: string | null): Promise<number> {
  let query = db.deleteFrom('sessions').where('user_id', '=', userId);
  if (exceptId) query = query.where('id', '!=', exceptId);
  return Number((await query.executeTakeFirst()).numDeletedRows);
}

/** A user's live sessions, most recently active first. */
export async function listLiveSessionsOfUser(db: Database, userId: string, now: string): Promise<StoredSession[]> {
  const rows = await db
    .selectFrom('sessions')
    .selectAll()
    .where('user_id', '=', userId)
    .where('expires_at', '>', now)
    .orderBy('last_seen_at', 'desc')
    .orderBy('created_at', 'desc')
    .execute();
  return rows.map((row) => ({
    id: row.id,
    userId: row.user_id,
    createdAt: new Date(row.created_at),
    expiresAt: new Date(row.expires_at),
    lastSeenAt: new Date(row.last_seen_at ?? row.created_at),
    userAgent: row.user_agent,
    ipPrefix: row.ip_prefix,
  }));
}

/** Sessions that expired by `now`: all of them, or one user's. Returns how many went. */
export async function deleteSessionsExpiredBy(db: Database, now: string, userId?: string): Promise<number> {
  let query = db.deleteFrom('sessions').where('expires_at', '<=', now);
  if (userId) query = query.where('user_id', '=', userId);
  const result = await query.executeTakeFirst();
  return Number(result.numDeletedRows);
}
