import { parseRequestTarget } from '../request-target.js';

/**
 * The cache key of a public GET: the canonical path and `?page=N`, the only query parameter
 * pages read, so `utm_*`, `fbclid` and the like never add entries. Null for every other
 * spelling (encoded letters, capitals, `?page=02`, `//host/` …): those are redirected,
 * refused or routed uncached, and can never take an entry (see request-target.ts).
 */
export function cacheKeyOf(rawTarget: string): string | null {
  const target = parseRequestTarget(rawTarget);
  return target.kind === 'page' ? target.key : null;
}
