import type { IncomingMessage, OutgoingHttpHeaders, RequestListener, ServerResponse } from 'node:http';
import { skipsPageCache } from './skips-page-cache.js';
import { cacheKeyOf } from './cache-key.js';
import type { CachedPage, PageCache } from './page-cache.js';
import { PUBLIC_CACHE_CONTROL } from './page-cache-middleware.js';
import { type AcceptedEncodings, acceptedEncodings, bodyOf, cachedResponse, type Encoding, encodingFor, isNotModified } from './serve-cached.js';

export interface PageCacheFrontDeps {
  cache: PageCache;
  securityHeaders: Readonly<Record<string, string>>;
  /** verifies the staff mark that sends signed-in staff past the cache */
  sessionSecret: Buffer;
  now: () => number;
}

/**
 * The page cache in front of the web framework: a hit is answered straight from Node's
 * `http` with the stored bytes and headers prepared once per page and encoding, without
 * building Request and Response objects, which cost more than the page itself. Misses,
 * writes, other spellings of a URL and signed-in staff go on to the app, whose page-cache
 * middleware renders and stores (and serves hits to in-process tests).
 */
export function pageCacheFront(deps: PageCacheFrontDeps, app: RequestListener): RequestListener {
  const { cache, securityHeaders, sessionSecret, now } = deps;
  const prepared = new WeakMap<CachedPage, Partial<Record<Encoding, string[]>>>();
  const accepted = new Map<string, AcceptedEncodings>();

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
    if (method === 'GET' || method === 'HEAD') {
      const key = cacheKeyOf(req.url ?? '/');
      const headers = req.headers;
      const page = key !== null && !skipsPageCache(sessionSecret, headers.cookie, now()) ? cache.get(key) : undefined;
      if (page) {
        const { 'if-none-match': ifNoneMatch, 'if-modified-since': ifModifiedSince } = headers;
        if ((ifNoneMatch || ifModifiedSince) && isNotModified(page, ifNoneMatch, ifModifiedSince)) {
          const parts = cachedResponse(page, { ifNoneMatch, ifModifiedSince, isHead: true }, PUBLIC_CACHE_CONTROL);
          res.writeHead(304, { ...securityHeaders, ...parts.headers } as OutgoingHttpHeaders);
          res.end();
          return;
        }
        const accept = headers['accept-encoding'] ?? '';
        let encodings = accepted.get(accept);
        if (!encodings) {
          encodings = acceptedEncodings(accept);
          // Bounded: the header is the client's to choose.
          if (accepted.size < 100) accepted.set(accept, encodings);
        }
        const encoding = encodingFor(page, encodings);
        res.writeHead(200, rawHeaders(page, encoding));
        res.end(method === 'HEAD' ? undefined : bodyOf(page, encoding));
        return;
      }
    }
    app(req, res);
  };
}

/**
 * Node's adapter for Hono answers a backslash in the path with an empty 400 before the app
 * sees it (browsers read "/\host" as "//host"). Percent-encoded, it reaches the app, which
 * answers it like any path no page has: 404.
 */
export function escapeBackslashes(app: RequestListener): RequestListener {
  return (req, res) => {
    const url = req.url;
    if (url !== undefined && url.includes('\\')) {
      const q = url.indexOf('?');
      req.url = q === -1 ? url.replace(/\\/g, '%5C') : url.slice(0, q).replace(/\\/g, '%5C') + url.slice(q);
    }
    app(req, res);
  };
}
