import type { Database } from '../db/database.js';
import { addRedirectHits } from './redirect.queries.js';

/** What the site's routes see of the counter: recording a hit is memory only. */
export interface RedirectHitRecorder {
  record(fromPath: string, at: Date): void;
}

export interface RedirectHitCounterOptions {
  /** how long hits gather in memory before one update per path adds them (default 5 s) */
  flushAfterMs?: number;
  onError?: (error: unknown) => void;
}

/**
 * Counts redirect hits without costing the redirect a statement: a hit is added to a map
 * in memory, and a timer (started by the first hit after a flush, unref'd so it never holds
 * the process) adds each path's count with one `hits = hits + n` update. Several processes
 * each add their own counts, so none is lost to another. What a crash loses is at most the
 * last few seconds of counts; `close()` flushes them on a clean shutdown.
 */
export class RedirectHitCounter implements RedirectHitRecorder {
  private pending = new Map<string, { hits: number; lastHitAt: string }>();
  private timer: ReturnType<typeof setTimeout> | null = null;
  private flushing: Promise<void> = Promise.resolve();

  constructor(
    private readonly db: Database,
    private readonly options: RedirectHitCounterOptions = {},
  ) {}

  record(fromPath: string, at: Date): void {
    const iso = at.toISOString();
    const entry = this.pending.get(fromPath);
    if (entry) {
      entry.hits++;
      if (iso > entry.lastHitAt) entry.lastHitAt = iso;
    } else {
      this.pending.set(fromPath, { hits: 1, lastHitAt: iso });
    }
    if (this.timer === null) {
      this.timer = setTimeout(() => {
        this.timer = null;
        this.flush().catch((error: unknown) => this.options.onError?.(error));
      }, this.options.flushAfterMs ?? 5000);
      this.timer.unref?.();
    }
  }

  /** Hits recorded and not yet stored (for tests and the shutdown log). */
  get pendingHits(): number {
    let n = 0;
    for (const entry of this.pending.values()) n += entry.hits;
    return n;
  }

  /** Stores what was counted; counts that fail to store are kept for the next flush. */
  flush(): Promise<void> {
    // One flush at a time; a failed one leaves its counts pending and does not block the next.
    this.flushing = this.flushing.catch(() => {}).then(() => this.store());
    return this.flushing;
  }

  async close(): Promise<void> {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
    await this.flush();
  }

  private async store(): Promise<void> {
    const batch = [...this.pending];
    this.pending = new Map();
    for (let i = 0; i < batch.length; i++) {
      const [path, entry] = batch[i]!;
      try {
        await addRedirectHits(this.db, path, entry.hits, entry.lastHitAt);
      } catch (error) {
        for (const [unstoredPath, unstored] of batch.slice(i)) this.keep(unstoredPath, unstored);
        throw error;
      }
    }
  }

  private keep(path: string, entry: { hits: number; lastHitAt: string }): void {
    const later = this.pending.get(path);
    this.pending.set(path, later ? { hits: later.hits + entry.hits, lastHitAt: later.lastHitAt > entry.lastHitAt ? later.lastHitAt : entry.lastHitAt } : entry);
  }
}
