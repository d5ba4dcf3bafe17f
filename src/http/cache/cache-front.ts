import type { IncomingMessage, OutgoingHttpHeaders, RequestListener, ServerResponse } from 'node:http';
import { cacheKeyOf } from './cache-key.js';
import type { CachedPage } from './page-cache.js';
import type { PageCache } from './page-cache.js';
import { PUBLIC_CACHE_CONTROL } from './page-cache-middleware.js';
import { cachedResponse, type Encoding, isNotModified, negotiateEncoding } from './serve-cached.js';
import { hasSessionCookie } from '../session-cookie.js';

// A path of slug characters only: its cache key is itself, no URL parsing needed.
const PLAIN_PATH = /^\/[a-z0-9/-]*$/;

/**
 * The page cache in front of the web framework: a hit is answered straight from Node's
 * `http` with the stored bytes and headers prepared once per page and encoding, without
 * building Request and Response objects, which cost more than the page itself. Misses,
 * writes and signed-in staff go on to the app, whose page-cache middleware renders and
 * stores (and serves hits to in-process tests).
 */
export function pageCacheFront(cache: PageCache, app: RequestListener, securityHeaders: Readonly<Record<string, string>>): RequestListener {
  const prepared = new WeakMap<CachedPage, Partial<Record<Encoding, string[]>>>();
  const encodings = new Map<string, Encoding>();

  const rawHeaders = (page: CachedPage, encoding: Encoding): string[] => {
    let byEncoding = prepared.get(page);
    if (!byEncoding) prepared.set(page, (byEncoding = {}));
    let raw = byEncoding[encoding];
    if (!raw) {
      const parts = cachedResponse(page, { acceptEncoding: encoding, isHead: false }, PUBLIC_CACHE_CONTROL);
      raw = byEncoding[encoding] = Object.entries({ ...securityHeaders, ...parts.headers }).flat();
    }
    return raw;
  };

  return (req: IncomingMessage, res: ServerResponse) => {
    const method = req.method;
    if ((method === 'GET' || method === 'HEAD') && !hasSessionCookie(req.headers.cookie)) {
      const url = req.url ?? '/';
      const page = cache.get(PLAIN_PATH.test(url) && !url.includes('//') ? url : cacheKeyOf(new URL(url, 'http://cache.invalid')));
      if (page) {
        const { 'if-none-match': ifNoneMatch, 'if-modified-since': ifModifiedSince } = req.headers;
        if ((ifNoneMatch || ifModifiedSince) && isNotModified(page, ifNoneMatch, ifModifiedSince)) {
          const parts = cachedResponse(page, { ifNoneMatch, ifModifiedSince, isHead: true }, PUBLIC_CACHE_CONTROL);
          res.writeHead(304, { ...securityHeaders, ...parts.headers } as OutgoingHttpHeaders);
          res.end();
          return;
        }
        const accept = req.headers['accept-encoding'] ?? '';
        let encoding = encodings.get(accept);
        if (!encoding) {
          encoding = negotiateEncoding(accept);
          if (encodings.size < 100) encodings.set(accept, encoding);
        }
        res.writeHead(200, rawHeaders(page, encoding));
        res.end(method === 'HEAD' ? undefined : encoding === 'br' ? page.br : encoding === 'gzip' ? page.gzip : page.identity);
        return;
      }
    }
    app(req, res);
  };
}
