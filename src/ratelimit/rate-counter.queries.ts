import type { Database } from '../db/database.js';

export interface CounterState {
  count: number;
  windowStart: string;
}

/**
 * Counts one hit against `key` in a single statement, so concurrent callers (other
 * connections, other processes) are serialized by the database row and none is lost:
 * a new key starts at 1; a key whose window began at or before `cutoff` restarts at 1
 * in a window beginning `now`; otherwise the count goes up by one. Both dialects read
 * the old row on every right-hand side of SET, so the two CASEs agree.
 */
export async function incrementRateCounter(db: Database, key: string, now: string, cutoff: string): Promise<CounterState> {
  const row = await db
    .insertInto('rate_counters')
    .values({ key, window_start: now, count: 1 })
    .onConflict((oc) =>
      oc.column('key').doUpdateSet((eb) => {
        const isExpired = eb('rate_counters.window_start', '<=', cutoff);
        return {
          count: eb.case().when(isExpired).then(eb.lit(1)).else(eb('rate_counters.count', '+', eb.lit(1))).end(),
          window_start: eb.case().when(isExpired).then(eb.ref('excluded.window_start')).else(eb.ref('rate_counters.window_start')).end(),
        };
      }),
    )
    .returning(['count', 'window_start'])
    .executeTakeFirstOrThrow();
  return { count: Number(row.count), windowStart: row.window_start };
}

export async function deleteRateCounter(db: Database, key: string): Promise<void> {
  await db.deleteFrom('rate_counters').where('key', '=', key).execute();
}

/** Drops counters whose window began at or before `cutoff`; returns how many. */
export async function deleteRateCountersBefore(db: Database, cutoff: string): Promise<number> {
  const result = await db.deleteFrom('rate_counters').where('window_start', '<=', cutoff).executeTakeFirst();
  return Number(result.numDeletedRows);
}
