import type { MiddlewareHandler } from 'hono';

/*
 * Security headers on every response. The CSP allows no inline script (JSON-LD blocks are
 * data, which browsers do not execute), inline style only by hash (the site's own
 * stylesheet), no framing, and forms only to this site.
 */
const cspFor = (styleHashes: readonly string[]) => [
  "default-src 'self'",
  "script-src 'self'",
  ["style-src 'self'", ...styleHashes].join(' '),
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

/** The headers every response carries; also written by the page-cache front for hits. */
export function securityHeaderValues(isHttps: boolean, inlineStyleHashes: readonly string[] = []): Readonly<Record<string, string>> {
  return Object.freeze({
    'content-security-policy': cspFor(inlineStyleHashes),
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'strict-origin-when-cross-origin',
    'x-frame-options': 'DENY',
    'cross-origin-opener-policy': 'same-origin',
    'permissions-policy': 'camera=(), microphone=(), geolocation=()',
    ...(isHttps ? { 'strict-transport-security': 'max-age=31536000; includeSubDomains' } : {}),
  });
}

export function securityHeaders(values_: Readonly<Record<string, string>>): MiddlewareHandler {
  const values = Object.entries(values_);
  return async (c, next) => {
    await next();
    for (const [name, value] of values) c.res.headers.set(name, value);
  };
}
