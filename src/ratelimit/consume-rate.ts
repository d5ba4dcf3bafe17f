import type { Database } from '../db/database.js';
import type { Clock } from '../shared/clock.js';
import { toStoredTime } from '../shared/clock.js';
import { type CounterState, deleteRateCounter, deleteRateCountersBefore, incrementRateCounter } from './rate-counter.queries.js';

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

/** Several rules judged together: allowed when every one is, otherwise the first that is over. */
export type RatesDecision = { allowed: true } | { allowed: false; refusedBy: RateRule; decision: RateDecision };

/**
 * Counts one hit and says whether it is within the limit (a fixed window). The hit is
 * counted first and judged after, in one atomic statement, so a burst of parallel hits
 * cannot all see "4 of 5" and pass: the database hands out 1, 2, 3… and only the first
 * `limit` are allowed.
 */
export async function consumeRate(db: Database, clock: Clock, rule: RateRule): Promise<RateDecision> {
  const now = clock.now();
  return judge(rule, await countHit(db, now, rule), now);
}

/**
 * One hit against several rules (a form's single-use token, then the sender's address, then
 * their email), in one transaction: `db`'s own when it is one (the write the hit asks for, so
 * the counts and that write commit together: one commit, one fsync on SQLite), else a new one.
 * The rules are counted in order, each as consumeRate counts it, and counting stops at the
 * first that is over: that one counts the refused hit (a flood keeps its own window full, as
 * every limit here does), the rules after it are not counted, so a post refused for a token
 * already spent does not use up its sender's allowance per address or per email.
 */
export async function consumeRates(db: Database, clock: Clock, rules: readonly RateRule[]): Promise<RatesDecision> {
  if (!db.isTransaction) return db.transaction().execute((trx) => consumeRates(trx, clock, rules));
  const now = clock.now();
  for (const rule of rules) {
    const decision = judge(rule, await countHit(db, now, rule), now);
    if (!decision.allowed) return { allowed: false, refusedBy: rule, decision };
  }
  return { allowed: true };
}

function countHit(db: Database, now: Date, rule: RateRule): Promise<CounterState> {
  const cutoff = new Date(now.getTime() - rule.windowSeconds * 1000);
  return incrementRateCounter(db, rule.key, toStoredTime(now), toStoredTime(cutoff));
}

function judge(rule: RateRule, state: CounterState, now: Date): RateDecision {
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
