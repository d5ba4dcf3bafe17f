/**
 * The share of this process's time that searches may take, whoever asks. The per-address
 * limits stop one client; a flood from thousands of addresses (an IPv6 /48 holds 65,536
 * /64s) passes them all, and on SQLite every search runs on the one thread that also serves
 * the cached pages. Past the share, a search is refused at once with a "busy" page, so
 * the rest of the site keeps answering.
 *
 * A bucket of search time: it refills at `share` milliseconds per millisecond, holds at
 * most a quarter second's share (the burst an idle site allows), and each search is charged
 * its whole duration when it ends, into debt if need be. A search is let in only while the
 * bucket holds more than the running searches will take, each reckoned at the time it has
 * taken so far or the typical search's (a moving average), whichever is more: a burst of
 * requests arriving together is not let in whole because none has taken any time yet. Debt
 * carries over, so searches of ten seconds are held to the share as searches of ten
 * milliseconds are (a window that forgot them would let one search follow another). At most
 * `maxInFlight` run at once (on PostgreSQL they overlap).
 */
export interface SearchTimeShare {
  /** 0 < share <= 1; 1 turns the budget off (benchmarks measure the engine, not the gate) */
  share: number;
  /**
   * The bucket holds `share × burstMs` at most: the burst an idle process lets in at once.
   * 250 ms by default: with a second's share (500 ms) a flood's first burst backed the event
   * loop up to a reader p99 of about 1 s; with 125 ms, about 100–240 ms (the bench's flood row).
   */
  burstMs?: number;
  maxInFlight?: number;
}

export class SearchTimeBudget {
  private readonly capacityMs: number;
  private readonly maxInFlight: number;
  private availableMs: number;
  private updatedAt: number | null = null;
  /** a moving average of searches' durations, ms */
  private typicalMs = 0;
  private readonly running = new Set<{ startedAt: number }>();

  constructor(
    private readonly limits: SearchTimeShare,
    private readonly now: () => number = () => performance.now(),
  ) {
    this.capacityMs = limits.share * (limits.burstMs ?? 250);
    this.maxInFlight = limits.maxInFlight ?? 8;
    this.availableMs = this.capacityMs;
  }

  /** A function to call when the search is done, or null: the budget is spent, answer "busy". */
  begin(): (() => void) | null {
    if (this.limits.share >= 1) return () => {};
    const startedAt = this.now();
    this.refill(startedAt);
    let runningMs = 0;
    for (const search of this.running) runningMs += Math.max(startedAt - search.startedAt, this.typicalMs);
    if (this.running.size >= this.maxInFlight || this.availableMs - runningMs <= 0) return null;
    const search = { startedAt };
    this.running.add(search);
    return () => {
      if (!this.running.delete(search)) return;
      const endedAt = this.now();
      this.refill(endedAt);
      const tookMs = Math.max(0, endedAt - startedAt);
      this.availableMs -= tookMs;
      this.typicalMs = this.typicalMs === 0 ? tookMs : 0.8 * this.typicalMs + 0.2 * tookMs;
    };
  }

  private refill(t: number): void {
    if (this.updatedAt !== null) this.availableMs = Math.min(this.capacityMs, this.availableMs + Math.max(0, t - this.updatedAt) * this.limits.share);
    this.updatedAt = t;
  }
}
