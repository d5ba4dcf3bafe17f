import { describe, expect, it } from 'vitest';
import { formatDate, formatDateTime, formatMonth, isoDateTime, isSameDay } from './dates.js';

const london = { language: 'en', timeZone: 'Europe/London' };

describe('dates', () => {
  it('writes day, month and year in the site language, day first for plain English', () => {
    expect(formatDate(new Date('2026-03-12T08:30:00Z'), london)).toBe('12 March 2026');
    expect(formatDate(new Date('2026-03-12T08:30:00Z'), { language: 'en-US', timeZone: 'UTC' })).toBe('March 12, 2026');
    expect(formatDate(new Date('2026-03-12T08:30:00Z'), { language: 'fr', timeZone: 'UTC' })).toBe('12 mars 2026');
  });

  it('uses the site time zone, not the server’s', () => {
    // 23:30 UTC on 31 March is already 1 April in London (summer time).
    const late = new Date('2026-03-31T23:30:00Z');
    expect(formatDate(late, london)).toBe('1 April 2026');
    expect(formatDate(late, { language: 'en', timeZone: 'UTC' })).toBe('31 March 2026');
    expect(formatDateTime(late, london)).toContain('00:30');
    expect(isSameDay(late, new Date('2026-04-01T10:00:00Z'), london)).toBe(true);
  });

  it('names archive months and gives ISO instants for datetime attributes', () => {
    expect(formatMonth(2026, 3, london)).toBe('March 2026');
    expect(isoDateTime(new Date('2026-03-12T08:30:00Z'))).toBe('2026-03-12T08:30:00.000Z');
  });

  it('falls back to readable dates for a language Intl does not know', () => {
    expect(formatDate(new Date('2026-03-12T08:30:00Z'), { language: 'en', timeZone: 'Not/AZone' })).toBe('12 March 2026');
  });
});
