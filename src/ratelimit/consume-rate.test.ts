import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb, type TestDb, testDialects } from '../../test/test-db.js';
import { createDb, type DbHandle } from '../db/create-db.js';
import { fixedClock } from '../shared/clock.js';
import { consumeRate, consumeRates, deleteExpiredRateCounters, resetRate } from './consume-rate.js';

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

  const countOf = async (key: string) => Number((await t.db.selectFrom('rate_counters').select('count').where('key', '=', key).executeTakeFirst())?.count ?? 0);

  it('judges several rules at once: allowed while each is, else the first over, and counts no rule after it', async () => {
    const token = { key: 'k:many:token', limit: 1, windowSeconds: 60 };
    const ip = { key: 'k:many:ip', limit: 2, windowSeconds: 600 };
    const email = { key: 'k:many:email', limit: 5, windowSeconds: 60 };
    expect(await consumeRates(t.db, clock, [token, ip, email])).toEqual({ allowed: true });
    // The token is spent: refused by it, and the address and email are not charged for it.
    expect(await consumeRates(t.db, clock, [token, ip, email])).toEqual({ allowed: false, refusedBy: token, decision: { allowed: false, remaining: 0, retryAfterSeconds: 60 } });
    expect([await countOf(token.key), await countOf(ip.key), await countOf(email.key)]).toEqual([2, 1, 1]);
    const other = { key: 'k:many:token2', limit: 1, windowSeconds: 60 };
    expect((await consumeRates(t.db, clock, [other, ip, email])).allowed).toBe(true);
    const third = { key: 'k:many:token3', limit: 1, windowSeconds: 60 };
    const refused = await consumeRates(t.db, clock, [third, ip, email]);
    expect(refused).toEqual({ allowed: false, refusedBy: ip, decision: { allowed: false, remaining: 0, retryAfterSeconds: 600 } });
    // The refused hit counts against the address that refused it (a flood keeps its window full), not the email.
    expect([await countOf(third.key), await countOf(ip.key), await countOf(email.key)]).toEqual([1, 3, 2]);
  });

  it("counts in the caller's transaction: rolled back with it, committed with it", async () => {
    const rule = { key: 'k:trx', limit: 1, windowSeconds: 60 };
    await expect(
      t.db.transaction().execute(async (trx) => {
        expect((await consumeRates(trx, clock, [rule])).allowed).toBe(true);
        throw new Error('the write that asked for the hit failed');
      }),
    ).rejects.toThrow('the write that asked for the hit failed');
    expect(await countOf(rule.key)).toBe(0);
    await t.db.transaction().execute((trx) => consumeRates(trx, clock, [rule]));
    expect((await consumeRates(t.db, clock, [rule])).allowed).toBe(false);
  });

  it('lets exactly `limit` of 30 parallel multi-rule hits through (PostgreSQL: over several connections)', async () => {
    // A SQLite process has one connection, which takes transactions in turn. Two in one process
    // would deadlock the one thread until the busy timeout (better-sqlite3 waits synchronously for
    // the lock the other holds across an await); several SQLite writers are several processes.
    const handles = dialect === 'postgres' ? [t, otherHandle(), otherHandle()] : [t];
    const shared = { key: 'k:burst-many', limit: 4, windowSeconds: 900 };
    const decisions = await Promise.all(
      Array.from({ length: 30 }, (_, i) => consumeRates(handles[i % handles.length]!.db, clock, [{ key: `k:burst-own:${i}`, limit: 1, windowSeconds: 900 }, shared])),
    );
    expect(decisions.filter((d) => d.allowed)).toHaveLength(4);
    expect(await countOf(shared.key)).toBe(30);
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
