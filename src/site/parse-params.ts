import { z } from 'zod';
import { SLUG_PATTERN } from '../shared/slugify.js';

/**
 * `?page=N` on a list, one rule for every value:
 * - another spelling of a page that exists (`1`, empty, `02`): 301 to its one canonical URL,
 *   before routing and caching (http/request-target.ts), so it never takes a cache entry;
 * - absent: page 1; 2, 3, … written plainly, up to the last page: that page;
 * - anything else (`0`, `-1`, `abc`, `1e5`, past the last page): no such page, a 404 that
 *   links to the list's first and last pages. parsePage returns NO_SUCH_PAGE for these and
 *   the list's loader, which knows the last page, throws PageNotFoundError.
 */
export const NO_SUCH_PAGE = 0;

const PageParam = z
  .string()
  .regex(/^[1-9]\d{0,5}$/)
  .transform(Number);

export function parsePage(raw: string | undefined): number {
  if (raw === undefined) return 1;
  const parsed = PageParam.safeParse(raw);
  return parsed.success ? parsed.data : NO_SUCH_PAGE;
}

export function isValidSlug(value: string): boolean {
  return value.length <= 200 && SLUG_PATTERN.test(value);
}

export function parseYearMonth(year: string, month: string): { year: number; month: number } | null {
  if (!/^\d{4}$/.test(year) || !/^\d{2}$/.test(month)) return null;
  const y = Number(year);
  const m = Number(month);
  return y >= 1990 && y <= 2200 && m >= 1 && m <= 12 ? { year: y, month: m } : null;
}
