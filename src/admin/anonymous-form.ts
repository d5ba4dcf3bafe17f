import type { Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { isCrossSite, isValidLoginCsrfRequest } from '../http/csrf.js';

/** Forms without a session (sign-in, forgotten password, links) are a few hundred bytes; refuse anything far larger before parsing it. */
export const smallForm = bodyLimit({ maxSize: 16 * 1024 });

/**
 * Whether a form posted without a session is forged: from another site, or without the
 * login form's signed double-submit token (issueLoginCsrfToken put its nonce in a cookie).
 */
export function isForgedAnonymousPost(c: Context, deps: { siteUrl: URL; sessionSecret: Buffer }, now: Date, token: unknown): boolean {
  return (
    isCrossSite({ origin: c.req.header('origin'), secFetchSite: c.req.header('sec-fetch-site') }, [deps.siteUrl.origin, new URL(c.req.url).origin]) ||
    !isValidLoginCsrfRequest(c, deps.sessionSecret, now, token)
  );
}

/** A posted form's string fields (files and repeated fields are ignored), each cut to a sane length. */
export async function formStrings(c: Context, names: readonly string[], maxLength = 2000): Promise<Record<string, string>> {
  const body = await c.req.parseBody();
  const out: Record<string, string> = {};
  for (const name of names) {
    const value = body[name];
    out[name] = typeof value === 'string' ? value.slice(0, maxLength) : '';
  }
  return out;
}
