import { describe, expect, it } from 'vitest';
import { utcToZonedLocal, zonedLocalToUtc } from './zoned-date-time.js';

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
