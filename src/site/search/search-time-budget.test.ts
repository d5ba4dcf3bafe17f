import { describe, expect, it } from 'vitest';
import { SearchTimeBudget } from './search-time-budget.js';

/** A clock the test moves by hand, in milliseconds. */
function manualClock() {
  let now = 10_000;
  return { now: () => now, advance: (ms: number) => (now += ms) };
}

describe('SearchTimeBudget', () => {
  it('refuses once the searches of the last second took its share, and lets them in again as the window slides', () => {
    const clock = manualClock();
    const budget = new SearchTimeBudget({ share: 0.25 }, clock.now);
    // Two searches of 120 ms: 240 ms spent, under 250.
    for (let i = 0; i < 2; i++) {
      const done = budget.begin()!;
      clock.advance(120);
      done();
    }
    const third = budget.begin()!;
    clock.advance(20);
    third();
    // 260 ms spent in this window: the next is refused.
    expect(budget.begin()).toBeNull();
    // 20 ms into the next window the last one still counts for the part that overlaps (260 × 0.98 = 255)…
    clock.advance(1_000 - 260 + 20);
    expect(budget.begin()).toBeNull();
    // …80 ms later less of it does (260 × 0.9 = 234)…
    clock.advance(80);
    const next = budget.begin();
    expect(next).not.toBeNull();
    next!();
    // …and two windows later nothing is left of it.
    clock.advance(2_000);
    expect(budget.begin()).not.toBeNull();
  });

  it('counts the time spent while searches overlap, and at most maxInFlight run at once', () => {
    const clock = manualClock();
    const budget = new SearchTimeBudget({ share: 0.5, maxInFlight: 2 }, clock.now);
    const a = budget.begin()!;
    const b = budget.begin()!;
    expect(budget.begin()).toBeNull();
    clock.advance(300);
    a();
    a(); // a second call changes nothing
    const quick = budget.begin();
    expect(quick).not.toBeNull();
    quick!();
    b();
    // 300 + 300 ms of searching (and one of 0 ms): more than half the window.
    expect(budget.begin()).toBeNull();
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
