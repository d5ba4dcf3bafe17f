import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from '../http/app-env.js';
import { parseRequestTarget, rawTargetOf } from '../http/request-target.js';
import { MovedError, NotFoundError } from '../shared/errors.js';

/**
 * One spelling per public URL (DESIGN.md §2): decoded, lowercase, ending with "/" (files
 * such as robots.txt keep their names), no doubled slashes, `?page=N` only for N ≥ 2.
 * Another spelling of a page answers 301 to it; a path no page can have (`//host/`,
 * `/\host/`, dot segments, encoded slashes, characters no slug has) answers 404; malformed
 * percent-encoding anywhere answers 400 with one short log line. The rules themselves are
 * in http/request-target.ts, shared with the page cache, so no other spelling is cached.
 */
export function canonicalPath(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const raw = rawTargetOf(c);
    const target = parseRequestTarget(raw);
    switch (target.kind) {
      case 'page':
      case 'pass':
        return next();
      case 'bad-request':
        c.get('logger')?.info('bad request target', { status: 400, reason: target.reason, target: raw.slice(0, 200) });
        c.header('cache-control', 'no-store');
        return c.text(`Bad request: ${target.reason}.`, 400);
      case 'not-found':
        throw new NotFoundError('path', raw.slice(0, 200));
      case 'redirect':
        if (c.req.method !== 'GET' && c.req.method !== 'HEAD') return next();
        throw new MovedError(target.location);
    }
  };
}
