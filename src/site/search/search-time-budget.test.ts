import { describe, expect, it } from 'vitest';
import { SearchTimeBudget } from './search-time-budget.js';

/** A clock the test moves by hand, in milliseconds. */
function manualClock() {
  let now = 10_000;
  return { now: () => now, advance: (ms: number) => (now += ms) };
}

/** One client asking again the moment it can (every 10 ms when refused), each search taking `searchMs`: the share of `totalMs` spent searching. */
function busyShare(share: number, searchMs: number, totalMs: number): number {
  const clock = manualClock();
  const budget = new SearchTimeBudget({ share }, clock.now);
  const end = clock.now() + totalMs;
  let busyMs = 0;
  while (clock.now() < end) {
    const done = budget.begin();
    if (!done) {
      clock.advance(10);
      continue;
    }
    clock.advance(searchMs);
    done();
    busyMs += searchMs;
  }
  return busyMs / totalMs;
}

describe('SearchTimeBudget', () => {
  it('holds searches to their share of the time, however long each one takes', () => {
    for (const searchMs of [20, 300, 1_000, 3_000, 10_000]) {
      const busy = busyShare(0.5, searchMs, 600_000);
      expect(busy, `searches of ${searchMs} ms`).toBeLessThanOrEqual(0.52);
      expect(busy, `searches of ${searchMs} ms`).toBeGreaterThan(0.3);
    }
    expect(busyShare(0.25, 50, 600_000)).toBeCloseTo(0.25, 1);
  });

  it('charges the searches still running, and refuses until their time is made up', () => {
    const clock = manualClock();
    const budget = new SearchTimeBudget({ share: 0.5, maxInFlight: 20, burstMs: 1_000 }, clock.now);
    const running = [budget.begin()!, budget.begin()!, budget.begin()!];
    clock.advance(400);
    // 1,200 ms taken so far against the 500 ms a second allows: no fourth, though none has ended.
    expect(budget.begin()).toBeNull();
    for (const done of running) done();
    // 700 ms in debt, made up at 0.5 ms a millisecond: 1,400 ms.
    clock.advance(1_300);
    expect(budget.begin()).toBeNull();
    clock.advance(200);
    const next = budget.begin();
    expect(next).not.toBeNull();
    next!();
  });

  it('reckons a search just begun at the typical search\'s time, so a burst arriving together is not let in whole', () => {
    const clock = manualClock();
    const budget = new SearchTimeBudget({ share: 0.5, maxInFlight: 20, burstMs: 1_000 }, clock.now);
    for (let i = 0; i < 3; i++) {
      const done = budget.begin()!;
      clock.advance(100);
      done();
    }
    clock.advance(5_000); // the bucket is full again: 500 ms
    const burst: (() => void)[] = [];
    for (let done = budget.begin(); done; done = budget.begin()) burst.push(done);
    // Five of 100 ms fill it; the sixth is refused before any has taken a millisecond.
    expect(burst).toHaveLength(5);
    for (const done of burst) done();
  });

  it('lets at most maxInFlight run at once, and counts each search once', () => {
    const clock = manualClock();
    const budget = new SearchTimeBudget({ share: 0.5, maxInFlight: 2, burstMs: 1_000 }, clock.now);
    const a = budget.begin()!;
    const b = budget.begin()!;
    expect(budget.begin()).toBeNull();
    clock.advance(100);
    a();
    a(); // a second call changes nothing
    const c = budget.begin();
    expect(c).not.toBeNull();
    c!();
    b();
    // 200 ms of 500 (plus 50 refilled, capped): still room.
    expect(budget.begin()).not.toBeNull();
  });

  it('lets an idle process take a quarter second\'s share at once by default', () => {
    const clock = manualClock();
    const budget = new SearchTimeBudget({ share: 0.5, maxInFlight: 20 }, clock.now);
    const first = budget.begin()!;
    clock.advance(125);
    first();
    // 125 ms of the 125 the bucket held, 62.5 refilled meanwhile but capped: nothing left.
    expect(budget.begin()).toBeNull();
    clock.advance(10);
    expect(budget.begin()).not.toBeNull();
  });

  it('is off at share 1', () => {
    const clock = manualClock();
    const budget = new SearchTimeBudget({ share: 1, maxInFlight: 1 }, clock.now);
    const long = budget.begin()!;
    clock.advance(5_000);
    expect(budget.begin()).not.toBeNull();
    long();
  });
});
