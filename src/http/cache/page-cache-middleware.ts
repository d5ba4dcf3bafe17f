import type { Context, MiddlewareHandler } from 'hono';
import type { AppEnv, CacheDirective } from '../app-env.js';
import type { Clock } from '../../shared/clock.js';
import { rawTargetOf } from '../request-target.js';
import { hasStaffMark } from '../session-cookie.js';
import { cacheKeyOf } from './cache-key.js';
import type { PageCache } from './page-cache.js';
import { cachedResponse } from './serve-cached.js';

export const PUBLIC_CACHE_CONTROL = 'public, max-age=0, must-revalidate';

export interface PageCacheDeps {
  cache: PageCache;
  /** verifies the staff mark (session-cookie.ts) */
  sessionSecret: Buffer;
  clock: Clock;
}

/**
 * Serves public pages from the page cache and fills it: a handler marks its response
 * cacheable with `cacheable(c, …)`; the first response is stored as rendered (compressed
 * copies follow on its second request, see PageCache), and every
 * later one is bytes from memory. Only the canonical spelling of a URL is stored. Signed-in
 * staff (a valid staff mark, not merely a cookie's name) neither read nor fill it.
 */
export function pageCacheMiddleware(deps: PageCacheDeps): MiddlewareHandler<AppEnv> {
  const { cache, sessionSecret, clock } = deps;
  return async (c, next) => {
    const method = c.req.method;
    if (hasStaffMark(sessionSecret, c.req.header('cookie'), clock.now().getTime())) {
      await next();
      c.header('cache-control', 'private, no-store');
      return;
    }
    const key = method === 'GET' || method === 'HEAD' ? cacheKeyOf(rawTargetOf(c)) : null;
    if (key === null) return next();
    const hit = cache.get(key);
    if (hit) return respond(c, hit);
    const startedAt = cache.begin();
    await next();
    const directive = c.get('cacheDirective');
    if (c.res.status !== 200 || !directive) return;
    const body = Buffer.from(await c.res.arrayBuffer());
    const page = cache.set(
      key,
      { contentType: c.res.headers.get('content-type') ?? 'text/html; charset=utf-8', body, lastModified: directive.lastModified, tags: directive.tags },
      startedAt,
    );
    const response = respond(c, page);
    response.headers.set('x-request-id', c.get('requestId'));
    c.res = undefined; // replace, not merge, the handler's response
    c.res = response;
  };
}

function respond(c: Context<AppEnv>, page: Parameters<typeof cachedResponse>[0]): Response {
  const parts = cachedResponse(
    page,
    {
      acceptEncoding: c.req.header('accept-encoding'),
      ifNoneMatch: c.req.header('if-none-match'),
      ifModifiedSince: c.req.header('if-modified-since'),
      isHead: c.req.method === 'HEAD',
    },
    PUBLIC_CACHE_CONTROL,
  );
  return new Response(parts.body as Uint8Array<ArrayBuffer> | null, { status: parts.status, headers: parts.headers });
}

/** Marks the current response as cacheable under the tags of what it shows. */
export function cacheable(c: Context<AppEnv>, directive: CacheDirective): void {
  c.set('cacheDirective', directive);
}
