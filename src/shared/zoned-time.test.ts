import { describe, expect, it } from 'vitest';
import { monthOf, monthRange, utcToZonedLocal, zonedLocalToUtc } from './zoned-time.js';

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

describe('wall-clock times in a time zone', () => {
  it('reads a datetime-local value in the zone, summer and winter', () => {
    expect(zonedLocalToUtc('2026-11-21T06:30', 'Europe/Paris')?.toISOString()).toBe('2026-11-21T05:30:00.000Z');
    expect(zonedLocalToUtc('2026-07-01T06:30', 'Europe/Paris')?.toISOString()).toBe('2026-07-01T04:30:00.000Z');
    expect(zonedLocalToUtc('2026-11-21T06:30', 'America/New_York')?.toISOString()).toBe('2026-11-21T11:30:00.000Z');
    expect(zonedLocalToUtc('2026-11-21T06:30', 'UTC')?.toISOString()).toBe('2026-11-21T06:30:00.000Z');
  });

  it('refuses what is not a date and time', () => {
    expect(zonedLocalToUtc('tomorrow', 'UTC')).toBeNull();
    expect(zonedLocalToUtc('2026-02-30T10:00', 'UTC')).toBeNull();
    expect(zonedLocalToUtc('2026-02-10T25:00', 'UTC')).toBeNull();
  });

  it('writes an instant back as the zone shows it', () => {
    const at = new Date('2026-11-21T05:30:00Z');
    expect(utcToZonedLocal(at, 'Europe/Paris')).toBe('2026-11-21T06:30');
    expect(zonedLocalToUtc(utcToZonedLocal(at, 'Asia/Kolkata'), 'Asia/Kolkata')?.toISOString()).toBe(at.toISOString());
  });

  it('keeps the seconds of a time that has them, so a save of the form does not move it', () => {
    const at = new Date('2026-11-21T05:30:15.250Z');
    expect(utcToZonedLocal(at, 'Asia/Kathmandu')).toBe('2026-11-21T11:15:15');
    expect(zonedLocalToUtc(utcToZonedLocal(at, 'Asia/Kathmandu'), 'Asia/Kathmandu')?.toISOString()).toBe('2026-11-21T05:30:15.000Z');
  });
});
