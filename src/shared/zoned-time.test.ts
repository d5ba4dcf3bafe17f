import { describe, expect, it } from 'vitest';
import { monthOf, monthRange } from './zoned-time.js';

describe('zoned months', () => {
  it('puts an instant in the month of the site’s time zone', () => {
    expect(monthOf(new Date('2026-03-31T23:30:00Z'), 'Europe/London')).toEqual({ year: 2026, month: 4 }); // BST
    expect(monthOf(new Date('2026-01-31T23:30:00Z'), 'Europe/London')).toEqual({ year: 2026, month: 1 });
    expect(monthOf(new Date('2026-01-01T02:00:00Z'), 'America/New_York')).toEqual({ year: 2025, month: 12 });
  });
  it('gives a month’s bounds as UTC instants', () => {
    expect(monthRange({ year: 2026, month: 4 }, 'Europe/London')).toEqual({ from: '2026-03-31T23:00:00.000Z', to: '2026-04-30T23:00:00.000Z' });
    expect(monthRange({ year: 2026, month: 12 }, 'UTC')).toEqual({ from: '2026-12-01T00:00:00.000Z', to: '2027-01-01T00:00:00.000Z' });
  });
});
