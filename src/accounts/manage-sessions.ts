import type { Database } from '../db/database.js';
import type { Clock } from '../shared/clock.js';
import { NotFoundError } from '../shared/errors.js';
import { deleteTokensExpiredBy } from './account-token.queries.js';
import type { Actor, User } from './role.js';
import {
  addressPrefix,
  expiryFrom,
  isDueForLastSeen,
  isDueForRenewal,
  newSessionToken,
  type Session,
  sessionHandleOf,
  sessionIdOf,
  type SessionOrigin,
} from './session.js';
import {
  deleteSession,
  deleteSessionsExpiredBy,
  deleteSessionsOfUser,
  findLiveSessionWithUser,
  insertSession,
  listLiveSessionsOfUser,
  touchSession,
} from './session.queries.js';
import { deleteChallengesExpiredBy } from './two-factor.queries.js';

/** A new session: the token goes to the browser once and is never stored. */
export interface StartedSession {
  token: string;
  session: Session;
}

export async function startSession(db: Database, clock: Clock, userId: string, origin: SessionOrigin = {}): Promise<StartedSession> {
  const now = clock.now();
  const token = newSessionToken();
  const session: Session = { id: sessionIdOf(token), userId, createdAt: now, expiresAt: expiryFrom(now), lastSeenAt: now };
  await insertSession(db, session, { userAgent: (origin.userAgent ?? '').slice(0, 400), ipPrefix: addressPrefix(origin.ip) });
  return { token, session };
}

export interface SessionUser {
  user: User;
  session: Session;
  /** true when this call pushed the expiry forward, so the cookie should be re-sent */
  isRenewed: boolean;
}

/**
 * The user signed in with this cookie token, or null for an unknown or expired token or
 * an account that is no longer active. The user (and so the role) is read on every
 * request, so a role change holds from the next one. A session used in the second half
 * of its life is renewed (sliding expiry); last-active is written at most once a minute.
 */
export async function findSessionUser(db: Database, clock: Clock, token: string): Promise<SessionUser | null> {
  if (!token) return null;
  const now = clock.now();
  const found = await findLiveSessionWithUser(db, sessionIdOf(token), now.toISOString());
  if (!found) return null;
  const isRenewed = isDueForRenewal(found.session.expiresAt, now);
  if (!isRenewed && !isDueForLastSeen(found.session.lastSeenAt, now)) return { ...found, isRenewed: false };
  const expiresAt = isRenewed ? expiryFrom(now) : found.session.expiresAt;
  await touchSession(db, found.session.id, { lastSeenAt: now.toISOString(), ...(isRenewed ? { expiresAt: expiresAt.toISOString() } : {}) });
  return { user: found.user, session: { ...found.session, expiresAt, lastSeenAt: now }, isRenewed };
}

/** Signs out the browser holding this token; an unknown token is not an error. */
export async function endSession(db: Database, token: string): Promise<void> {
  if (token) await deleteSession(db, sessionIdOf(token));
}

/** Housekeeping: removes sessions that have expired (all users, or one), and with them old links and challenges. */
export async function deleteExpiredSessions(db: Database, clock: Clock, userId?: string): Promise<number> {
  const now = clock.now().toISOString();
  if (!userId) await Promise.all([deleteTokensExpiredBy(db, now), deleteChallengesExpiredBy(db, now)]);
  return deleteSessionsExpiredBy(db, now, userId);
}

/** One of a person's signed-in browsers, as their profile lists it. */
export interface SessionSummary {
  handle: string;
  createdAt: Date;
  lastSeenAt: Date;
  userAgent: string;
  ipPrefix: string;
  isCurrent: boolean;
}

/** The actor's own live sessions; `currentSessionId` marks the one making the request. */
export async function listOwnSessions(db: Database, clock: Clock, actor: Actor, currentSessionId: string | null): Promise<SessionSummary[]> {
  const sessions = await listLiveSessionsOfUser(db, actor.id, clock.now().toISOString());
  return sessions.map((s) => ({
    handle: sessionHandleOf(s.id),
    createdAt: s.createdAt,
    lastSeenAt: s.lastSeenAt,
    userAgent: s.userAgent,
    ipPrefix: s.ipPrefix,
    isCurrent: s.id === currentSessionId,
  }));
}

/** Signs out one of the actor's own sessions, named by its handle; another person's is not found. */
export async function endOwnSession(db: Database, clock: Clock, actor: Actor, handle: string): Promise<void> {
  const sessions = await listLiveSessionsOfUser(db, actor.id, clock.now().toISOString());
  const target = sessions.find((s) => sessionHandleOf(s.id) === handle);
  if (!target) throw new NotFoundError('session', handle);
  await deleteSession(db, target.id);
}

/** "Sign out everywhere else": every session of the actor but the current one. */
export async function endOtherSessions(db: Database, actor: Actor, currentSessionId: string | null): Promise<number> {
  return deleteSessionsOfUser(db, actor.id, currentSessionId);
}
