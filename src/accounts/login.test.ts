import { performance } from 'node:perf_hooks';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb, type TestDb, testDialects } from '../../test/test-db.js';
import { createDb } from '../db/create-db.js';
import { fixedClock } from '../shared/clock.js';
import { TooManyRequestsError, UnauthorizedError } from '../shared/errors.js';
import { createUser } from './create-user.js';
import { login, LOGIN_FAILED_MESSAGE, LOGIN_LIMITS } from './login.js';
import { findSessionUser } from './manage-sessions.js';

const PASSWORD = 'correct horse battery';
const SECRET = Buffer.alloc(32, 7);

async function failureOf(attempt: Promise<unknown>): Promise<Error> {
  try {
    await attempt;
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected the attempt to fail');
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

describe.each(testDialects)('login on %s', (dialect) => {
  let t: TestDb;
  const clock = fixedClock('2026-11-20T12:00:00.000Z');
  let ipCount = 0;
  const freshIp = () => `192.0.2.${++ipCount}`;
  beforeAll(async () => {
    t = await createTestDb(dialect);
    for (const email of ['ann@example.org', 'ben@example.org', 'cat@example.org', 'dan@example.org', 'eve@example.org']) {
      await createUser(t.db, clock, { email, name: email.split('@')[0]!, role: 'editor', password: PASSWORD });
    }
  });
  afterAll(async () => t?.destroy());

  it('signs in with the right password, whatever the email case, and starts a session', async () => {
    const result = await login({ db: t.db, deviceSecret: SECRET, clock }, { email: '  Ann@Example.org ', password: PASSWORD, ip: freshIp() });
    expect(result.user.email).toBe('ann@example.org');
    expect((await findSessionUser(t.db, clock, result.token))?.user.id).toBe(result.user.id);
  });

  it('gives an unknown email and a wrong password the same error', async () => {
    const unknown = await failureOf(login({ db: t.db, deviceSecret: SECRET, clock }, { email: 'nobody@example.org', password: PASSWORD, ip: freshIp() }));
    const wrong = await failureOf(login({ db: t.db, deviceSecret: SECRET, clock }, { email: 'ben@example.org', password: 'wrong password!', ip: freshIp() }));
    expect(unknown).toBeInstanceOf(UnauthorizedError);
    expect(wrong).toBeInstanceOf(UnauthorizedError);
    expect(unknown.message).toBe(LOGIN_FAILED_MESSAGE);
    expect(wrong.message).toBe(unknown.message);
  });

  it('takes about as long for an unknown email as for a wrong password', async () => {
    const time = async (email: string) => {
      const start = performance.now();
      await failureOf(login({ db: t.db, deviceSecret: SECRET, clock }, { email, password: 'wrong password!', ip: freshIp() }));
      return performance.now() - start;
    };
    await time('warm-up@example.org');
    const unknown: number[] = [];
    const wrong: number[] = [];
    // Alternated, so drift in machine load touches both; four tries stay under the account limit.
    for (let i = 0; i < 4; i++) {
      unknown.push(await time(`nobody${i}@example.org`));
      wrong.push(await time('cat@example.org'));
    }
    const ratio = Math.max(median(unknown), median(wrong)) / Math.min(median(unknown), median(wrong));
    expect(ratio).toBeLessThan(1.5);
  });

  it('refuses a sixth attempt on one account, even with the right password, from any address', async () => {
    for (let i = 0; i < LOGIN_LIMITS.account.limit; i++) {
      await failureOf(login({ db: t.db, deviceSecret: SECRET, clock }, { email: 'dan@example.org', password: 'wrong password!', ip: freshIp() }));
    }
    const error = await failureOf(login({ db: t.db, deviceSecret: SECRET, clock }, { email: 'dan@example.org', password: PASSWORD, ip: freshIp() }));
    expect(error).toBeInstanceOf(TooManyRequestsError);
    expect((error as TooManyRequestsError).retryAfterSeconds).toBe(15 * 60);
    expect(error.message).toMatch(/15 minutes/);
    // Throttled the same way for an account that does not exist.
    for (let i = 0; i < LOGIN_LIMITS.account.limit; i++) {
      await failureOf(login({ db: t.db, deviceSecret: SECRET, clock }, { email: 'ghost@example.org', password: 'x', ip: freshIp() }));
    }
    expect(await failureOf(login({ db: t.db, deviceSecret: SECRET, clock }, { email: 'ghost@example.org', password: 'x', ip: freshIp() }))).toBeInstanceOf(
      TooManyRequestsError,
    );
  });

  it('lets the account in again once the window is over, and a success clears its count', async () => {
    const c = fixedClock('2026-11-20T12:00:00.000Z');
    const limits = { account: { limit: 2, windowSeconds: 60 }, device: { limit: 100, windowSeconds: 60 }, ip: { limit: 100, windowSeconds: 60 } };
    await failureOf(login({ db: t.db, deviceSecret: SECRET, clock: c, limits }, { email: 'eve@example.org', password: 'nope nope', ip: freshIp() }));
    await login({ db: t.db, deviceSecret: SECRET, clock: c, limits }, { email: 'eve@example.org', password: PASSWORD, ip: freshIp() });
    // Cleared: two more attempts are allowed in the same window.
    await failureOf(login({ db: t.db, deviceSecret: SECRET, clock: c, limits }, { email: 'eve@example.org', password: 'nope nope', ip: freshIp() }));
    expect(await failureOf(login({ db: t.db, deviceSecret: SECRET, clock: c, limits }, { email: 'eve@example.org', password: 'nope nope', ip: freshIp() }))).toBeInstanceOf(
      UnauthorizedError,
    );
    expect(await failureOf(login({ db: t.db, deviceSecret: SECRET, clock: c, limits }, { email: 'eve@example.org', password: PASSWORD, ip: freshIp() }))).toBeInstanceOf(
      TooManyRequestsError,
    );
    c.set('2026-11-20T12:01:00.000Z');
    await expect(login({ db: t.db, deviceSecret: SECRET, clock: c, limits }, { email: 'eve@example.org', password: PASSWORD, ip: freshIp() })).resolves.toBeTruthy();
  });

  it('refuses an address after its limit across many accounts, and a success does not clear it', async () => {
    const limits = { account: { limit: 100, windowSeconds: 900 }, device: { limit: 100, windowSeconds: 900 }, ip: { limit: 3, windowSeconds: 900 } };
    const ip = '198.51.100.77';
    await failureOf(login({ db: t.db, deviceSecret: SECRET, clock, limits }, { email: 'x1@example.org', password: 'nope nope', ip }));
    await login({ db: t.db, deviceSecret: SECRET, clock, limits }, { email: 'ann@example.org', password: PASSWORD, ip });
    await failureOf(login({ db: t.db, deviceSecret: SECRET, clock, limits }, { email: 'x2@example.org', password: 'nope nope', ip }));
    const error = await failureOf(login({ db: t.db, deviceSecret: SECRET, clock, limits }, { email: 'ann@example.org', password: PASSWORD, ip }));
    expect(error).toBeInstanceOf(TooManyRequestsError);
    await expect(login({ db: t.db, deviceSecret: SECRET, clock, limits }, { email: 'ann@example.org', password: PASSWORD, ip: freshIp() })).resolves.toBeTruthy();
  });

  it('holds the count across a restart: a new connection sees the old attempts', async () => {
    const limits = { account: { limit: 2, windowSeconds: 900 }, device: { limit: 100, windowSeconds: 900 }, ip: { limit: 100, windowSeconds: 900 } };
    await failureOf(login({ db: t.db, deviceSecret: SECRET, clock, limits }, { email: 'restart@example.org', password: 'nope nope', ip: freshIp() }));
    await failureOf(login({ db: t.db, deviceSecret: SECRET, clock, limits }, { email: 'restart@example.org', password: 'nope nope', ip: freshIp() }));
    const again = dialect === 'sqlite' ? createDb({ dialect: 'sqlite', file: t.url }) : createDb({ dialect: 'postgres', url: t.url });
    try {
      const error = await failureOf(login({ db: again.db, deviceSecret: SECRET, clock, limits }, { email: 'restart@example.org', password: 'nope nope', ip: freshIp() }));
      expect(error).toBeInstanceOf(TooManyRequestsError);
    } finally {
      await again.close();
    }
  });

  it('lets exactly five of a parallel burst of 40 reach the password check', async () => {
    const results = await Promise.allSettled(
      Array.from({ length: 40 }, () => login({ db: t.db, deviceSecret: SECRET, clock }, { email: 'burst@example.org', password: 'nope nope', ip: freshIp() })),
    );
    const reasons = results.map((r) => (r.status === 'rejected' ? r.reason : null));
    expect(reasons.filter((r) => r instanceof UnauthorizedError)).toHaveLength(LOGIN_LIMITS.account.limit);
    expect(reasons.filter((r) => r instanceof TooManyRequestsError)).toHaveLength(40 - LOGIN_LIMITS.account.limit);
  });
});
