import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * The receipt a commenter's browser keeps after posting: `<comment id>.<article id>.<expiry
 * seconds>.<HMAC>`. While it is live, that browser's requests skip the page cache, so the
 * article page it lands on can say "awaiting moderation" and show the held comment to its
 * author alone, rendered for that request and never stored. Checked without a database query
 * on every public request, so it must be unforgeable: a made-up receipt is served from the cache.
 */
export const COMMENT_RECEIPT_COOKIE = 'dossier_comment';
/** Long enough to come back to the article the next day and still see one's held comment. */
export const COMMENT_RECEIPT_SECONDS = 2 * 24 * 60 * 60;

export interface CommentReceipt {
  commentId: string;
  articleId: string;
}

const ID = /^[0-9a-z]{10,40}$/;

export function commentReceiptFor(secret: Buffer, receipt: CommentReceipt, expiresAt: Date): string {
  const expires = Math.floor(expiresAt.getTime() / 1000);
  return `${receipt.commentId}.${receipt.articleId}.${expires}.${macOf(secret, receipt, expires).toString('base64url')}`;
}

/** The live receipt the request carries, or null (none, expired, or not made by this server). */
export function commentReceiptOf(secret: Buffer, cookieHeader: string | undefined | null, nowMs: number): CommentReceipt | null {
  // The common case, a reader who has not commented, costs one substring search.
  if (!cookieHeader || !cookieHeader.includes(`${COMMENT_RECEIPT_COOKIE}=`)) return null;
  const value = cookieValue(cookieHeader, COMMENT_RECEIPT_COOKIE);
  if (!value) return null;
  const [commentId, articleId, expiry, mac, ...rest] = value.split('.');
  if (!commentId || !articleId || !expiry || !mac || rest.length > 0 || !ID.test(commentId) || !ID.test(articleId) || !/^\d{1,12}$/.test(expiry)) return null;
  const expires = Number(expiry);
  if (expires * 1000 <= nowMs) return null;
  const given = Buffer.from(mac, 'base64url');
  const receipt = { commentId, articleId };
  const expected = macOf(secret, receipt, expires);
  return given.length === expected.length && timingSafeEqual(given, expected) ? receipt : null;
}

function macOf(secret: Buffer, receipt: CommentReceipt, expires: number): Buffer {
  return createHmac('sha256', secret).update(`dossier comment receipt\n${expires}\n${receipt.commentId}\n${receipt.articleId}`).digest();
}

function cookieValue(header: string, name: string): string | null {
  for (const pair of header.split(';')) {
    const eq = pair.indexOf('=');
    if (eq !== -1 && pair.slice(0, eq).trim() === name) return pair.slice(eq + 1).trim();
  }
  return null;
}
