/**
 * First URL segments that belong to the application, so no topic or page may take them
 * (DESIGN.md §2). Sitemap chunk names and robots.txt are files, reserved by pattern.
 */
export const RESERVED_SEGMENTS: ReadonlySet<string> = new Set([
  'admin',
  'tag',
  'author',
  'archive',
  'search',
  'feed',
  'comments',
  'assets',
  'media',
  'api',
  'preview',
]);

export function isReservedSegment(segment: string): boolean {
  return RESERVED_SEGMENTS.has(segment) || /^sitemap.*\.xml$/.test(segment) || segment === 'robots.txt';
}
