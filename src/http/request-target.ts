import type { Context } from 'hono';

/**
 * What a raw request target (the path and query exactly as the client sent them) names,
 * decided once, before routing and before the page cache:
 * - `page`: the one canonical spelling of a public URL, and its page-cache key;
 * - `redirect`: another spelling of a public URL (letters percent-encoded, capitals, a
 *   missing final slash, doubled slashes, `?page=02`): 301 to the canonical one;
 * - `pass`: route it as sent and never cache it (admin, assets, media, and a `?page=` value
 *   the route itself refuses);
 * - `not-found`: no page can have this spelling (`//host/`, `/\host/`, dot segments, an
 *   encoded slash or control character, characters no slug has);
 * - `bad-request`: malformed percent-encoding anywhere, or not a path at all.
 * Only `page` may ever be stored, so no other spelling can add a cache entry.
 */
export type RequestTarget =
  | { kind: 'page'; key: string }
  | { kind: 'redirect'; location: string }
  | { kind: 'pass' }
  | { kind: 'not-found' }
  | { kind: 'bad-request'; reason: string };

/**
 * Paths the application routes as they are: never canonicalized, never cached. The reply
 * unsubscribe link is one: its token is in the query, which a canonical spelling would drop.
 * Search is another: its page is one per query (which a canonical spelling would drop too),
 * and a search after a publish must find the article at once, so it is never a cache entry.
 */
const APPLICATION_PATH = /^\/(?:assets\/|media\/|admin(?:\/|$)|comments\/unsubscribe$|search(?:\/suggest)?\/?$)/;
/**
 * A search's target may be longer than a page's: whatever a reader pastes gets a results
 * page that says what was read (Node's 16 KB header limit bounds it).
 */
const SEARCH_TARGET = /^\/search(?:\/suggest)?\/?(?:\?|$)/;
/** A canonical page path with no query: the common case, decided without decoding. */
const PLAIN_PAGE = /^\/(?:[a-z0-9-]+\/)*$/;
/** What a decoded path segment may hold: slugs, and file names such as robots.txt. */
const SEGMENT = /^[A-Za-z0-9._-]*$/;
const MAX_TARGET_LENGTH = 2048;
const MAX_PAGE = 100_000;

const PASS: RequestTarget = { kind: 'pass' };
const NOT_FOUND: RequestTarget = { kind: 'not-found' };

export function parseRequestTarget(raw: string): RequestTarget {
  if (raw.length > MAX_TARGET_LENGTH && !SEARCH_TARGET.test(raw)) return NOT_FOUND;
  if (PLAIN_PAGE.test(raw)) return { kind: 'page', key: raw };
  if (raw[0] !== '/') return { kind: 'bad-request', reason: 'the request target is not a path' };
  try {
    decodeURIComponent(raw);
  } catch {
    return { kind: 'bad-request', reason: 'malformed percent-encoding' };
  }
  const q = raw.indexOf('?');
  const rawPath = q === -1 ? raw : raw.slice(0, q);
  // Browsers read "//host" and "/\host" as another site: such a path is never a page here.
  if (rawPath.startsWith('//') || rawPath.includes('\\')) return NOT_FOUND;
  if (APPLICATION_PATH.test(rawPath)) return PASS;

  const segments: string[] = [];
  for (const part of rawPath.slice(1).split('/')) {
    const segment = part.includes('%') ? decodeURIComponent(part) : part;
    if (segment === '.' || segment === '..' || !SEGMENT.test(segment)) return NOT_FOUND;
    if (segment !== '') segments.push(segment);
  }
  let path = segments.length === 0 ? '/' : `/${segments.join('/')}`;
  if (!path.includes('.')) path = `${path.toLowerCase()}${segments.length === 0 ? '' : '/'}`;
  // A file name (robots.txt) keeps its case; only a final segment without a dot is a directory.
  else if (!segments.at(-1)!.includes('.')) path += '/';

  const page = pageOf(q === -1 ? '' : raw.slice(q + 1));
  if (page.kind === 'pass') return path === rawPath ? PASS : { kind: 'redirect', location: `${path}?page=${encodeURIComponent(page.value)}` };
  const query = page.number === null ? '' : `?page=${page.number}`;
  if (path !== rawPath || !page.isCanonical) return { kind: 'redirect', location: path + query };
  return { kind: 'page', key: path + query };
}

type PageParam = { kind: 'number'; number: number | null; isCanonical: boolean } | { kind: 'pass'; value: string };

/**
 * `?page=N`, the one query parameter pages read. Page 1 is the page without it; other
 * parameters (utm_*, fbclid …) are not part of the page and are left alone.
 */
function pageOf(query: string): PageParam {
  let value: string | null = null;
  let spelling = '';
  let count = 0;
  for (const part of query.split('&')) {
    const eq = part.indexOf('=');
    if (decodeQueryComponent(eq === -1 ? part : part.slice(0, eq)) !== 'page') continue;
    if (++count === 1) {
      value = decodeQueryComponent(eq === -1 ? '' : part.slice(eq + 1));
      spelling = part;
    }
  }
  if (value === null) return { kind: 'number', number: null, isCanonical: true };
  if (value === '') return { kind: 'number', number: null, isCanonical: false };
  // Anything else is the route's to refuse (400), e.g. page=abc or page=0.
  if (!/^\d{1,6}$/.test(value) || Number(value) < 1 || Number(value) > MAX_PAGE) return { kind: 'pass', value };
  const n = Number(value);
  return n === 1 ? { kind: 'number', number: null, isCanonical: false } : { kind: 'number', number: n, isCanonical: count === 1 && spelling === `page=${n}` };
}

function decodeQueryComponent(text: string): string {
  return decodeURIComponent(text.includes('+') ? text.replace(/\+/g, ' ') : text);
}

/**
 * The target as the client sent it: from Node's request when there is one (the web
 * Request URL has dot segments resolved and backslashes turned into slashes), else the
 * path and query of the Request URL (tests calling `app.request`).
 */
export function rawTargetOf(c: Context): string {
  const incoming = (c.env as { incoming?: { url?: string } } | undefined)?.incoming;
  if (typeof incoming?.url === 'string') return incoming.url;
  const url = c.req.url;
  return url.slice(url.indexOf('/', url.indexOf('//') + 2));
}
