import { describe, expect, it } from 'vitest';
import { checkCommentToken, mintCommentToken } from './comment-form-token.js';

const secret = Buffer.alloc(32, 7);
const policy = { minSeconds: 3, maxSeconds: 3600 };
const at = (iso: string) => new Date(iso);
const issuedAt = at('2026-12-03T10:00:00Z');

describe('the comment form token', () => {
  it('passes a few seconds after it was issued, for its own article, and names its nonce', () => {
    const token = mintCommentToken(secret, 'article-1', issuedAt);
    const check = checkCommentToken(secret, 'article-1', token, at('2026-12-03T10:00:05Z'), policy);
    expect(check).toMatchObject({ ok: true });
    expect(check.ok && check.nonce).toBe(token.split('.')[1]);
  });

  it('is a new one every time, even within the same second', () => {
    expect(mintCommentToken(secret, 'article-1', issuedAt)).not.toBe(mintCommentToken(secret, 'article-1', issuedAt));
  });

  it('refuses a post sooner than a person types, saying how long to wait', () => {
    const token = mintCommentToken(secret, 'article-1', issuedAt);
    expect(checkCommentToken(secret, 'article-1', token, at('2026-12-03T10:00:01Z'), policy)).toEqual({ ok: false, reason: 'too-fast', waitSeconds: 2 });
    expect(checkCommentToken(secret, 'article-1', token, at('2026-12-03T10:00:03Z'), policy).ok).toBe(true);
  });

  it('expires', () => {
    const token = mintCommentToken(secret, 'article-1', issuedAt);
    expect(checkCommentToken(secret, 'article-1', token, at('2026-12-03T11:00:00Z'), policy).ok).toBe(true);
    expect(checkCommentToken(secret, 'article-1', token, at('2026-12-03T11:00:01Z'), policy)).toEqual({ ok: false, reason: 'expired' });
  });

  it('refuses another article’s token, another secret’s, a changed time and garbage', () => {
    const token = mintCommentToken(secret, 'article-1', issuedAt);
    const later = at('2026-12-03T10:00:10Z');
    expect(checkCommentToken(secret, 'article-2', token, later, policy)).toEqual({ ok: false, reason: 'invalid' });
    expect(checkCommentToken(Buffer.alloc(32, 8), 'article-1', token, later, policy)).toEqual({ ok: false, reason: 'invalid' });
    const [issued, ...rest] = token.split('.');
    // Backdating the issue time to dodge the too-fast rule breaks the signature.
    expect(checkCommentToken(secret, 'article-1', [String(Number(issued) - 10), ...rest].join('.'), at('2026-12-03T10:00:01Z'), policy)).toEqual({ ok: false, reason: 'invalid' });
    for (const bad of ['', 'x', 'a.b.c', `${token}.x`, 42, undefined, null]) {
      expect(checkCommentToken(secret, 'article-1', bad, later, policy).ok, String(bad)).toBe(false);
    }
    expect(checkCommentToken(secret, 'article-1', '', later, policy)).toEqual({ ok: false, reason: 'missing' });
  });
});
