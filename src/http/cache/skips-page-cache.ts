import { commentReceiptOf } from '../comment-receipt.js';
import { hasStaffMark } from '../session-cookie.js';

/**
 * Signed-in staff, and a reader who has just commented (whose article page shows their held
 * comment to them alone), get pages rendered for them: both marks are signed, so a made-up
 * cookie is answered from the cache like any reader.
 */
export function skipsPageCache(secret: Buffer, cookieHeader: string | undefined | null, nowMs: number): boolean {
  return hasStaffMark(secret, cookieHeader, nowMs) || commentReceiptOf(secret, cookieHeader, nowMs) !== null;
}
