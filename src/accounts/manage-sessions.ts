import type { Database } from '../db/database.js';
import type { Clock } from '../shared/clock.js';
import type { User } from './role.js';
import { expiryFrom, isDueForRenewal, newSessionToken, type Session, sessionIdOf } from './session.js';
import { deleteSession, deleteSessionsExpiredBy, findLiveSessionWithUser, insertSession, updateSessionExpiry } from './session.queries.js';

/** A new session: the token goes to the browser once and is never stored. */
export interface StartedSession {
  token: string;
  session: Session;
}

export async function startSession(db: Database, clock: Clock, userId: string): Promise<StartedSession> {
  const now = clock.now();
  const token = newSessionToken();
  const session: Session = { id: sessionIdOf(token), userId, createdAt: now, expiresAt: expiryFrom(now) };
  await insertSession(db, session);
  return { token, session };
}

export interface SessionUser {
  user: User;
  session: Session;
  /** true when this call pushed the expiry forward, so the cookie should be re-sent */
  isRenewed: boolean;
}

/**
 * The user signed in with this cookie token, or null for an unknown or expired token.
 * A session used in the second half of its life is renewed (sliding expiry), which
 * writes at most about once a week per session rather than on every request.
 */
export async function findSessionUser(db: Database, clock: Clock, token: string): Promise<SessionUser | null> {
  if (!token) return null;
  const now = clock.now();
  const found = await findLiveSessionWithUser(db, sessionIdOf(token), now.toISOString());
  if (!found) return null;
  if (!isDueForRenewal(found.session.expiresAt, now)) return { ...found, isRenewed: false };
  const expiresAt = expiryFrom(now);
  await updateSessionExpiry(db, found.session.id, expiresAt.toISOString());
  return { user: found.user, session: { ...found.session, expiresAt }, isRenewed: true };
}

/** Signs out the browser holding this token; an unknown token is not an error. */
export async function endSession(db: Database, token: string): Promise<void> {
  if (token) await deleteSession(db, sessionIdOf(token));
}

/** Housekeeping: removes sessions that have expired (all users, or one). */
export async function deleteExpiredSessions(db: Database, clock: Clock, userId?: string): Promise<number> {
  return deleteSessionsExpiredBy(db, clock.now().toISOString(), userId);
}
