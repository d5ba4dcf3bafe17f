import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';
import { cacheKeyOf } from './cache-key.js';
import type { PageCache } from './page-cache.js';
import { PUBLIC_CACHE_CONTROL } from './page-cache-middleware.js';
import { cachedResponse } from './serve-cached.js';
import { hasSessionCookie } from './session-cookie.js';

/**
 * The page cache in front of the web framework: a hit is answered straight from Node's
 * `http` with the stored bytes, without building Request and Response objects, which
 * costs more than the page itself. Misses, writes and signed-in staff go on to the app,
 * whose page-cache middleware renders and stores (and serves hits to in-process tests).
 */
export function pageCacheFront(cache: PageCache, app: RequestListener, securityHeaders: Readonly<Record<string, string>>): RequestListener {
  return (req: IncomingMessage, res: ServerResponse) => {
    const method = req.method;
    if ((method === 'GET' || method === 'HEAD') && !hasSessionCookie(req.headers.cookie)) {
      const page = cache.get(cacheKeyOf(new URL(req.url ?? '/', 'http://cache.invalid')));
      if (page) {
        const parts = cachedResponse(
          page,
          {
            acceptEncoding: req.headers['accept-encoding'],
            ifNoneMatch: req.headers['if-none-match'],
            ifModifiedSince: req.headers['if-modified-since'],
            isHead: method === 'HEAD',
          },
          PUBLIC_CACHE_CONTROL,
        );
        res.writeHead(parts.status, { ...securityHeaders, ...parts.headers });
        res.end(parts.body);
        return;
      }
    }
    app(req, res);
  };
}
