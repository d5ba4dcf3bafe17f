import type { Database } from '../db/database.js';
import type { User } from './role.js';
import type { Session } from './session.js';
import { toUser } from './user.queries.js';

export async function insertSession(db: Database, session: Session): Promise<void> {
  await db
    .insertInto('sessions')
    .values({
      id: session.id,
      user_id: session.userId,
      created_at: session.createdAt.toISOString(),
      expires_at: session.expiresAt.toISOString(),
    })
    .execute();
}

/** The session with this id and its user, if it has not expired by `now`. */
export async function findLiveSessionWithUser(db: Database, id: string, now: string): Promise<{ session: Session; user: User } | null> {
  const row = await db
    .selectFrom('sessions')
    .innerJoin('users', 'users.id', 'sessions.user_id')
    .select([
      'sessions.id as session_id',
      'sessions.created_at',
      'sessions.expires_at',
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
    .executeTakeFirst();
  if (!row) return null;
  return {
    session: { id: row.session_id, userId: row.id, createdAt: new Date(row.created_at), expiresAt: new Date(row.expires_at) },
    user: toUser(row),
  };
}

export async function updateSessionExpiry(db: Database, id: string, expiresAt: string): Promise<void> {
  await db.updateTable('sessions').set({ expires_at: expiresAt }).where('id', '=', id).execute();
}

export async function deleteSession(db: Database, id: string): Promise<void> {
  await db.deleteFrom('sessions').where('id', '=', id).execute();
}

/** Sessions that expired by `now`: all of them, or one user's. Returns how many went. */
export async function deleteSessionsExpiredBy(db: Database, now: string, userId?: string): Promise<number> {
  let query = db.deleteFrom('sessions').where('expires_at', '<=', now);
  if (userId) query = query.where('user_id', '=', userId);
  const result = await query.executeTakeFirst();
  return Number(result.numDeletedRows);
}
