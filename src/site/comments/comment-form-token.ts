import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/*
 * The comment form's token. Article pages are cached and shared, so a token baked into
 * their HTML would prove nothing; one is minted per response instead — by the small
 * uncached `GET /comments/token` the page's script calls, or into the uncached page that
 * answers a post without one (the no-script path). It names the article and the second it
 * was issued, signed with the site's secret: a post made sooner than a person could have
 * typed, or long after, is refused, and each token is spent once (the caller keeps that
 * count in the database, so several processes share it).
 */

export interface CommentTokenPolicy {
  /** a post this soon after its token was issued is a script's (configurable: tests lower it) */
  minSeconds: number;
  /** after this long the form asks to be sent again with a fresh token, every field kept */
  maxSeconds: number;
}

export const DEFAULT_COMMENT_TOKEN_POLICY: CommentTokenPolicy = { minSeconds: 3, maxSeconds: 2 * 60 * 60 };

export type CommentTokenCheck =
  | { ok: true; nonce: string }
  | { ok: false; reason: 'missing' | 'invalid' | 'expired' }
  | { ok: false; reason: 'too-fast'; waitSeconds: number };

function mac(secret: Buffer, articleId: string, issued: string, nonce: string): string {
  return createHmac('sha256', secret).update(['comment-form', articleId, issued, nonce].join('\0')).digest('base64url');
}

export function mintCommentToken(secret: Buffer, articleId: string, now: Date): string {
  const issued = String(Math.floor(now.getTime() / 1000));
  const nonce = randomBytes(12).toString('base64url');
  return `${issued}.${nonce}.${mac(secret, articleId, issued, nonce)}`;
}

export function checkCommentToken(secret: Buffer, articleId: string, token: unknown, now: Date, policy: CommentTokenPolicy): CommentTokenCheck {
  if (typeof token !== 'string' || token === '') return { ok: false, reason: 'missing' };
  const [issued, nonce, signature, ...rest] = token.split('.');
  if (!issued || !nonce || !signature || rest.length > 0 || !/^\d{1,12}$/.test(issued) || !/^[\w-]{16}$/.test(nonce)) return { ok: false, reason: 'invalid' };
  const expected = Buffer.from(mac(secret, articleId, issued, nonce));
  const given = Buffer.from(signature);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return { ok: false, reason: 'invalid' };
  const age = now.getTime() / 1000 - Number(issued);
  if (age > policy.maxSeconds || age < -60) return { ok: false, reason: 'expired' };
  if (age < policy.minSeconds) return { ok: false, reason: 'too-fast', waitSeconds: Math.max(1, Math.ceil(policy.minSeconds - age)) };
  return { ok: true, nonce };
}
