import type { CachedPage } from './page-cache.js';

export type Encoding = 'br' | 'gzip' | 'identity';

/** The compressed encodings an Accept-Encoding header allows. */
export interface AcceptedEncodings {
  br: boolean;
  gzip: boolean;
}

export function acceptedEncodings(acceptEncoding: string | undefined | null): AcceptedEncodings {
  if (!acceptEncoding) return { br: false, gzip: false };
  const accepted = new Map<string, number>();
  for (const part of acceptEncoding.toLowerCase().split(',')) {
    const [name, ...params] = part.trim().split(';');
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    accepted.set(name!.trim(), q ? Number(q.slice(2)) || 0 : 1);
  }
  const ok = (name: string) => (accepted.get(name) ?? accepted.get('*') ?? 0) > 0;
  return { br: ok('br'), gzip: ok('gzip') };
}

/** Picks the representation for Accept-Encoding: brotli, then gzip, then none. */
export function negotiateEncoding(acceptEncoding: string | undefined | null): Encoding {
  const accepted = acceptedEncodings(acceptEncoding);
  return accepted.br ? 'br' : accepted.gzip ? 'gzip' : 'identity';
}

/** The best copy a page has that the client accepts (a page not yet refined has only its identity). */
export function encodingFor(page: CachedPage, accepted: AcceptedEncodings): Encoding {
  if (accepted.br && page.br) return 'br';
  return accepted.gzip && page.gzip ? 'gzip' : 'identity';
}

export function bodyOf(page: CachedPage, encoding: Encoding): Buffer {
  return encoding === 'br' ? page.br! : encoding === 'gzip' ? page.gzip! : page.identity;
}

/** Whether the client's copy is current (If-None-Match wins over If-Modified-Since, RFC 9110). */
export function isNotModified(page: CachedPage, ifNoneMatch: string | null | undefined, ifModifiedSince: string | null | undefined): boolean {
  if (ifNoneMatch) {
    const weak = (tag: string) => tag.trim().replace(/^W\//, '');
    const target = weak(page.etag);
    return ifNoneMatch === '*' || ifNoneMatch.split(',').some((t) => weak(t) === target);
  }
  if (ifModifiedSince) {
    const since = Date.parse(ifModifiedSince);
    return !Number.isNaN(since) && Date.parse(page.lastModified) <= since;
  }
  return false;
}

export interface CachedResponseParts {
  status: 200 | 304;
  headers: Record<string, string>;
  body: Buffer | null;
}

/** Status, headers and bytes for one hit; shared by the Hono middleware and tests. */
export function cachedResponse(
  page: CachedPage,
  request: { acceptEncoding?: string | null; ifNoneMatch?: string | null; ifModifiedSince?: string | null; isHead: boolean },
  cacheControl: string,
): CachedResponseParts {
  const headers: Record<string, string> = {
    'content-type': page.contentType,
    etag: page.etag,
    'last-modified': page.lastModified,
    vary: 'Accept-Encoding',
    'cache-control': cacheControl,
  };
  if (isNotModified(page, request.ifNoneMatch, request.ifModifiedSince)) return { status: 304, headers, body: null };
  const encoding = encodingFor(page, acceptedEncodings(request.acceptEncoding));
  const body = bodyOf(page, encoding);
  if (encoding !== 'identity') headers['content-encoding'] = encoding;
  headers['content-length'] = String(body.length);
  return { status: 200, headers, body: request.isHead ? null : body };
}
