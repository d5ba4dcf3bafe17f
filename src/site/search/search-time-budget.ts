/**
 * The share of this process's time that searches may take, whoever asks. The per-address
 * limits stop one client; a flood from thousands of addresses (an IPv6 /48 holds 65,536
 * /64s) passes them all, and on SQLite every search runs on the one thread that also serves
 * the cached pages. Past the share, a search is refused at once with a "busy" page, so
 * the rest of the site keeps answering.
 *
 * Time is counted in a sliding window: what the last full window spent, weighted by how much
 * of it still overlaps, plus what the current one has spent. A search's whole duration is
 * counted when it ends. At most `maxInFlight` run at once (on PostgreSQL they overlap).
 */
export interface SearchTimeShare {
  /** 0 < share <= 1; 1 turns the budget off (benchmarks measure the engine, not the gate) */
  share: number;
  windowMs?: number;
  maxInFlight?: number;
}

export class SearchTimeBudget {
  private readonly windowMs: number;
  private readonly maxInFlight: number;
  private windowStart = Number.NEGATIVE_INFINITY;
  private spentNow = 0;
  private spentBefore = 0;
  private inFlight = 0;

  constructor(
    private readonly limits: SearchTimeShare,
    private readonly now: () => number = () => performance.now(),
  ) {
    this.windowMs = limits.windowMs ?? 1_000;
    this.maxInFlight = limits.maxInFlight ?? 8;
  }

  /** A function to call when the search is done, or null: the budget is spent, answer "busy". */
  begin(): (() => void) | null {
    if (this.limits.share >= 1) return () => {};
    const startedAt = this.now();
    this.roll(startedAt);
    if (this.inFlight >= this.maxInFlight || this.spentIn(startedAt) >= this.limits.share * this.windowMs) return null;
    this.inFlight++;
    let isDone = false;
    return () => {
      if (isDone) return;
      isDone = true;
      const endedAt = this.now();
      this.roll(endedAt);
      this.spentNow += Math.max(0, endedAt - startedAt);
      this.inFlight--;
    };
  }

  /** Milliseconds of searching inside the window that ends at `t`. */
  private spentIn(t: number): number {
    const overlap = 1 - (t - this.windowStart) / this.windowMs;
    return this.spentNow + this.spentBefore * Math.max(0, overlap);
  }

  private roll(t: number): void {
    const elapsed = t - this.windowStart;
    if (elapsed < this.windowMs) return;
    const windows = Math.floor(elapsed / this.windowMs);
    this.spentBefore = windows === 1 ? this.spentNow : 0;
    this.spentNow = 0;
    this.windowStart = Number.isFinite(this.windowStart) ? this.windowStart + windows * this.windowMs : t;
  }
}
