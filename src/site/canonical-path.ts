import type { MiddlewareHandler } from 'hono';

/**
 * Canonical form of public URLs (DESIGN.md §2): ends with "/", lowercase, no doubled slashes.
 * Anything else answers 301 to that form, keeping the query string. Files (robots.txt,
 * sitemap*.xml, assets, media) keep their names.
 */
export function canonicalPath(): MiddlewareHandler {
  return async (c, next) => {
    if (c.req.method !== 'GET' && c.req.method !== 'HEAD') return next();
    const url = new URL(c.req.url);
    const path = url.pathname;
    if (path.startsWith('/assets/') || path.startsWith('/media/') || path.startsWith('/admin')) return next();
    let canonical = path.replace(/\/{2,}/g, '/');
    const last = canonical.split('/').pop() ?? '';
    if (!last.includes('.') && !canonical.endsWith('/')) canonical += '/';
    if (/^[A-Za-z0-9/_-]+$/.test(canonical)) canonical = canonical.toLowerCase();
    if (canonical === path) return next();
    return c.redirect(canonical + url.search, 301);
  };
}
