import type { Context, MiddlewareHandler } from 'hono';
import type { AppEnv, CacheDirective } from '../app-env.js';
import type { Clock } from '../../shared/clock.js';
import { rawTargetOf } from '../request-target.js';
import { skipsPageCache } from './skips-page-cache.js';
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
 * cacheable with `cacheable(c, …)`; its second render is stored as rendered (the first
 * is only remembered, and compressed copies follow when it is asked for again, see
 * PageCache), and every later request is bytes from memory. Only the canonical spelling of a URL is stored. Signed-in
 * staff (a valid staff mark, not merely a cookie's name) neither read nor fill it.
 */
export function pageCacheMiddleware(deps: PageCacheDeps): MiddlewareHandler<AppEnv> {
  const { cache, sessionSecret, clock } = deps;
  return async (c, next) => {
    const method = c.req.method;
    if (skipsPageCache(sessionSecret, c.req.header('cookie'), clock.now().getTime())) {
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
    if (!cache.admits(key)) {
      // A first render goes out as the handler made it, and is not stored (see admits).
      c.res.headers.set('cache-control', PUBLIC_CACHE_CONTROL);
      c.res.headers.set('vary', 'Accept-Encoding');
      return;
    }
    const given = bodyGivenTo(c.res);
    const isPlainGet = method === 'GET' && !c.req.header('if-none-match') && !c.req.header('if-modified-since');
    const body =
      given === null ? Buffer.from(await c.res.arrayBuffer()) : typeof given === 'string' ? Buffer.from(given) : Buffer.from(given.buffer, given.byteOffset, given.byteLength);
    const page = cache.set(
      key,
      { contentType: c.res.headers.get('content-type') ?? 'text/html; charset=utf-8', body, lastModified: directive.lastModified, tags: directive.tags, expiresAt: directive.expiresAt },
      startedAt,
    );
    if (given !== null && isPlainGet) {
      // The handler's own response goes out, with the cache's headers: a miss then costs
      // what a render without the cache costs, plus one encoding and one hash.
      const { headers } = cachedResponse(page, { isHead: false }, PUBLIC_CACHE_CONTROL);
      for (const name of ['etag', 'last-modified', 'vary', 'cache-control']) c.res.headers.set(name, headers[name]!);
      return;
    }
    const response = respond(c, page);
    response.headers.set('x-request-id', c.get('requestId'));
    c.res = undefined; // replace, not merge, the handler's response
    c.res = response;
  };
}

/**
 * The body a handler gave its Response, when @hono/node-server's Response (which Node's
 * adapter puts in place of the global one) still holds it as given. Reading it through
 * `arrayBuffer()` would turn that light object into a full web Response with a stream,
 * which costs a miss about a third of a render; anything else (another runtime, a stream
 * body, a later version that keeps it elsewhere) is read the standard way.
 */
function bodyGivenTo(response: Response): string | Uint8Array | null {
  const symbol = Object.getOwnPropertySymbols(response).find((s) => s.description === 'cache');
  const held: unknown = symbol ? (response as unknown as Record<symbol, unknown>)[symbol] : undefined;
  const body = Array.isArray(held) ? held[1] : undefined;
  return typeof body === 'string' || body instanceof Uint8Array ? body : null;
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
