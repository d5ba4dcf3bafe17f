import type { MiddlewareHandler } from 'hono';

/*
 * Security headers on every response. The CSP allows no inline script (JSON-LD blocks are
 * data, which browsers do not execute), no framing, and forms only to this site.
 */
const CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

/** The headers every response carries; also written by the page-cache front for hits. */
export function securityHeaderValues(isHttps: boolean): Readonly<Record<string, string>> {
  return Object.freeze({
    'content-security-policy': CSP,
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'strict-origin-when-cross-origin',
    'x-frame-options': 'DENY',
    'cross-origin-opener-policy': 'same-origin',
    'permissions-policy': 'camera=(), microphone=(), geolocation=()',
    ...(isHttps ? { 'strict-transport-security': 'max-age=31536000; includeSubDomains' } : {}),
  });
}

export function securityHeaders(isHttps: boolean): MiddlewareHandler {
  const values = Object.entries(securityHeaderValues(isHttps));
  return async (c, next) => {
    await next();
    for (const [name, value] of values) c.res.headers.set(name, value);
  };
}
