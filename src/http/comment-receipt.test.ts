import { describe, expect, it } from 'vitest';
import { COMMENT_RECEIPT_COOKIE, commentReceiptFor, commentReceiptOf } from './comment-receipt.js';

const secret = Buffer.alloc(32, 3);
const receipt = { commentId: '01kbx0000000000000000000aa', articleId: '01kbx0000000000000000000bb' };
const now = Date.parse('2026-12-03T10:00:00Z');
const header = (value: string) => `theme=dark; ${COMMENT_RECEIPT_COOKIE}=${value}; other=1`;

describe('the comment receipt', () => {
  it('is read back from the cookie header while it lives', () => {
    const value = commentReceiptFor(secret, receipt, new Date(now + 60_000));
    expect(commentReceiptOf(secret, header(value), now)).toEqual(receipt);
    expect(commentReceiptOf(secret, header(value), now + 60_000)).toBeNull();
  });

  it('is refused when forged, altered, signed with another secret, or malformed', () => {
    const value = commentReceiptFor(secret, receipt, new Date(now + 60_000));
    const [commentId, articleId, expiry, mac] = value.split('.');
    expect(commentReceiptOf(Buffer.alloc(32, 4), header(value), now)).toBeNull();
    expect(commentReceiptOf(secret, header([commentId, '01kbx0000000000000000000cc', expiry, mac].join('.')), now)).toBeNull();
    expect(commentReceiptOf(secret, header([commentId, articleId, String(Number(expiry) + 3600), mac].join('.')), now)).toBeNull();
    for (const bad of ['', 'x', 'a.b.c.d', `${value}.x`, `${commentId}.${articleId}.${expiry}.`]) expect(commentReceiptOf(secret, header(bad), now), bad).toBeNull();
    expect(commentReceiptOf(secret, undefined, now)).toBeNull();
    expect(commentReceiptOf(secret, 'dossier_commenter=abc', now)).toBeNull();
  });
});
