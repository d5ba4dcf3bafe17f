import { z } from 'zod';
import { ValidationError } from '../shared/errors.js';
import { SLUG_PATTERN } from '../shared/slugify.js';

/** `?page=N`: absent means 1; anything but a whole number from 1 to 100000 is a 400. */
const PageParam = z
  .string()
  .regex(/^\d{1,6}$/, 'the page must be a whole number')
  .transform(Number)
  .pipe(z.number().int().min(1, 'pages start at 1').max(100_000, 'that page is out of range'));

export function parsePage(raw: string | undefined): number {
  if (raw === undefined || raw === '') return 1;
  const parsed = PageParam.safeParse(raw);
  if (!parsed.success) throw new ValidationError(`Page “${raw.slice(0, 40)}” does not exist: ${parsed.error.issues[0]?.message}.`);
  return parsed.data;
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
