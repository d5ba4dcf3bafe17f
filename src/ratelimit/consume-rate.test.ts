import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb, type TestDb, testDialects } from '../../test/test-db.js';
import { createDb, type DbHandle } from '../db/create-db.js';
import { fixedClock } from '../shared/clock.js';
import { consumeRate, deleteExpiredRateCounters, resetRate } from './consume-rate.js';

describe.each(testDialects)('consumeRate on %s', (dialect) => {
  let t: TestDb;
  const extra: DbHandle[] = [];
  const clock = fixedClock('2026-11-20T12:00:00.000Z');
  beforeAll(async () => {
    t = await createTestDb(dialect);
  });
  afterAll(async () => {
    await Promise.all(extra.map((h) => h.close()));
    await t?.destroy();
  });

  /** Another handle on the same data: another connection, as another process would have. */
  function otherHandle(): DbHandle {
    const handle =
      dialect === 'sqlite' ? createDb({ dialect: 'sqlite', file: t.url }) : createDb({ dialect: 'postgres', url: t.url }, { poolSize: 5 });
    extra.push(handle);
    return handle;
  }

  it('allows up to the limit in a window, then refuses with the time left', async () => {
    const rule = { key: 'k:basic', limit: 3, windowSeconds: 60 };
    const decisions = [];
    for (let i = 0; i < 4; i++) decisions.push(await consumeRate(t.db, clock, rule));
    expect(decisions.map((d) => d.allowed)).toEqual([true, true, true, false]);
    expect(decisions.map((d) => d.remaining)).toEqual([2, 1, 0, 0]);
    expect(decisions[3]!.retryAfterSeconds).toBe(60);
  });

  it('counts the retry-after from the start of the window', async () => {
    const c = fixedClock('2026-11-20T12:00:00.000Z');
    const rule = { key: 'k:retry', limit: 1, windowSeconds: 60 };
    await consumeRate(t.db, c, rule);
    c.set('2026-11-20T12:00:45.500Z');
    expect(await consumeRate(t.db, c, rule)).toEqual({ allowed: false, remaining: 0, retryAfterSeconds: 15 });
  });

  it('starts a fresh window once the old one is over', async () => {
    const c = fixedClock('2026-11-20T12:00:00.000Z');
    const rule = { key: 'k:window', limit: 2, windowSeconds: 60 };
    await consumeRate(t.db, c, rule);
    await consumeRate(t.db, c, rule);
    expect((await consumeRate(t.db, c, rule)).allowed).toBe(false);
    c.set('2026-11-20T12:00:59.999Z');
    expect((await consumeRate(t.db, c, rule)).allowed).toBe(false);
    c.set('2026-11-20T12:01:00.000Z');
    expect(await consumeRate(t.db, c, rule)).toEqual({ allowed: true, remaining: 1, retryAfterSeconds: 0 });
    // The new window began at 12:01:00, so it ends at 12:02:00.
    await consumeRate(t.db, c, rule);
    c.set('2026-11-20T12:01:30.000Z');
    expect((await consumeRate(t.db, c, rule)).retryAfterSeconds).toBe(30);
  });

  it('keeps keys apart and forgets a key on reset', async () => {
    const a = { key: 'k:a', limit: 1, windowSeconds: 60 };
    const b = { key: 'k:b', limit: 1, windowSeconds: 60 };
    expect((await consumeRate(t.db, clock, a)).allowed).toBe(true);
    expect((await consumeRate(t.db, clock, b)).allowed).toBe(true);
    expect((await consumeRate(t.db, clock, a)).allowed).toBe(false);
    await resetRate(t.db, 'k:a');
    expect((await consumeRate(t.db, clock, a)).allowed).toBe(true);
    expect((await consumeRate(t.db, clock, b)).allowed).toBe(false);
  });

  it('lets exactly `limit` of 40 parallel hits through, over several connections', async () => {
    const handles = [t, otherHandle(), otherHandle()];
    const rule = { key: 'k:burst', limit: 5, windowSeconds: 900 };
    const decisions = await Promise.all(
      Array.from({ length: 40 }, (_, i) => consumeRate(handles[i % handles.length]!.db, clock, rule)),
    );
    expect(decisions.filter((d) => d.allowed)).toHaveLength(5);
    const row = await t.db.selectFrom('rate_counters').select('count').where('key', '=', 'k:burst').executeTakeFirstOrThrow();
    expect(Number(row.count)).toBe(40);
  });

  it('deletes only counters whose window is over', async () => {
    const c = fixedClock('2026-11-20T13:00:00.000Z');
    await consumeRate(t.db, c, { key: 'k:old', limit: 5, windowSeconds: 60 });
    c.set('2026-11-20T13:10:00.000Z');
    await consumeRate(t.db, c, { key: 'k:new', limit: 5, windowSeconds: 60 });
    c.set('2026-11-20T13:10:30.000Z');
    await deleteExpiredRateCounters(t.db, c, 60);
    const keys = (await t.db.selectFrom('rate_counters').select('key').execute()).map((r) => r.key);
    expect(keys).toContain('k:new');
    expect(keys).not.toContain('k:old');
  });
});
