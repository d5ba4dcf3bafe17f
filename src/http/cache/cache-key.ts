/**
 * The cache key of a public GET: the path and only the query parameters the site reads.
 * `utm_*`, `fbclid` and any other unknown parameter are dropped, so they never multiply entries.
 */
export const KNOWN_QUERY_PARAMETERS = ['page'] as const;

export function cacheKeyOf(url: URL): string {
  const kept: string[] = [];
  for (const name of KNOWN_QUERY_PARAMETERS) {
    const value = url.searchParams.get(name);
    // page=1 is the list's first page, the same document as no page at all.
    if (value !== null && !(name === 'page' && value === '1')) kept.push(`${name}=${encodeURIComponent(value)}`);
  }
  return kept.length ? `${url.pathname}?${kept.join('&')}` : url.pathname;
}
