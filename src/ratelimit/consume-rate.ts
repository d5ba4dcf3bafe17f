import type { Database } from '../db/database.js';
import type { Clock } from '../shared/clock.js';
import { toStoredTime } from '../shared/clock.js';
import { deleteRateCounter, deleteRateCountersBefore, incrementRateCounter } from './rate-counter.queries.js';

export interface RateRule {
  /** What is counted, e.g. "login:account:ann@example.org"; one row per key. */
  key: string;
  /** Hits allowed per window. */
  limit: number;
  windowSeconds: number;
}

export interface RateDecision {
  allowed: boolean;
  /** Hits left in this window after this one. */
  remaining: number;
  /** 0 when allowed; otherwise seconds until the window ends. */
  retryAfterSeconds: number;
}

/**
 * Counts one hit and says whether it is within the limit (a fixed window). The hit is
 * counted first and judged after, in one atomic statement, so a burst of parallel hits
 * cannot all see "4 of 5" and pass: the database hands out 1, 2, 3… and only the first
 * `limit` are allowed.
 */
export async function consumeRate(db: Database, clock: Clock, rule: RateRule): Promise<RateDecision> {
  const now = clock.now();
  const cutoff = new Date(now.getTime() - rule.windowSeconds * 1000);
  const state = await incrementRateCounter(db, rule.key, toStoredTime(now), toStoredTime(cutoff));
  const allowed = state.count <= rule.limit;
  const endsAt = Date.parse(state.windowStart) + rule.windowSeconds * 1000;
  return {
    allowed,
    remaining: Math.max(0, rule.limit - state.count),
    retryAfterSeconds: allowed ? 0 : Math.max(1, Math.ceil((endsAt - now.getTime()) / 1000)),
  };
}

/** Forgets the hits counted under `key`, e.g. an account's failed logins after a success. */
export async function resetRate(db: Database, key: string): Promise<void> {
  await deleteRateCounter(db, key);
}

/**
 * Removes counters whose window is over. `longestWindowSeconds` must be at least the
 * longest window any caller uses, or a live counter would be dropped early.
 */
export async function deleteExpiredRateCounters(db: Database, clock: Clock, longestWindowSeconds: number): Promise<number> {
  const cutoff = new Date(clock.now().getTime() - longestWindowSeconds * 1000);
  return deleteRateCountersBefore(db, toStoredTime(cutoff));
}
