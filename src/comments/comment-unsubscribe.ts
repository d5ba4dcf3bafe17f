import { createHmac, timingSafeEqual } from 'node:crypto';
import type { Database } from '../db/database.js';
import { findReplyWatcher, stopReplyNotices } from './comment.queries.js';

/*
 * The one-click way out of reply mails. A token names one comment and signs its writer's
 * email (HMAC with the site's secret, its own label): it works for that email only, cannot be
 * made for another, and carries no address in the URL. Using it stops reply mails to that
 * email for every comment it wrote.
 */

function signatureOf(hashKey: string, commentId: string, emailKey: string): string {
  return createHmac('sha256', hashKey).update(`unsubscribe-replies\u0000${commentId}\u0000${emailKey}`).digest('base64url').slice(0, 32);
}

export function replyUnsubscribeToken(hashKey: string, commentId: string, emailKey: string): string {
  return `${commentId}.${signatureOf(hashKey, commentId, emailKey)}`;
}

/** The email a token was made for, when it is genuine and its comment still names that email. */
async function emailKeyOfToken(db: Database, hashKey: string, token: string): Promise<string | null> {
  const match = /^([0-9a-z]{26})\.([A-Za-z0-9_-]{32})$/.exec(token);
  if (!match) return null;
  const watcher = await findReplyWatcher(db, match[1]!);
  if (!watcher || !watcher.emailKey) return null;
  const expected = Buffer.from(signatureOf(hashKey, watcher.id, watcher.emailKey));
  const given = Buffer.from(match[2]!);
  return expected.length === given.length && timingSafeEqual(expected, given) ? watcher.emailKey : null;
}

/** Whether the token is one this site made (the confirmation page asks before acting). */
export async function isReplyUnsubscribeTokenValid(db: Database, hashKey: string, token: string): Promise<boolean> {
  return (await emailKeyOfToken(db, hashKey, token)) !== null;
}

/** Stops reply mails to the token's email; false when the token is not genuine. Doing it twice is harmless. */
export async function unsubscribeFromReplies(db: Database, hashKey: string, token: string): Promise<boolean> {
  const emailKey = await emailKeyOfToken(db, hashKey, token);
  if (emailKey === null) return false;
  await stopReplyNotices(db, emailKey);
  return true;
}
