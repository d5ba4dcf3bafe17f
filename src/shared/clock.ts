/** Time as a dependency, so tests can fix it and scheduled work can be replayed. */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

export function fixedClock(iso: string): Clock & { set(iso: string): void } {
  let current = new Date(iso);
  return {
    now: () => new Date(current),
    set: (next: string) => {
      current = new Date(next);
    },
  };
}

/** Timestamps are stored one way on both dialects: ISO 8601 in UTC with milliseconds. */
export function toStoredTime(date: Date): string {
  return date.toISOString();
}
