import type { DomainEvent } from '../shared/domain-events.js';
import { EventBus } from '../shared/events.js';
import { performance } from 'node:perf_hooks';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb, type TestDb, testDialects } from '../../test/test-db.js';
import { createDb } from '../db/create-db.js';
import { fixedClock } from '../shared/clock.js';
import { TooManyRequestsError, UnauthorizedError } from '../shared/errors.js';
import { createUser } from './create-user.js';
import { issueDeviceToken } from './device-cookie.js';
import { login, LOGIN_FAILED_MESSAGE, LoginFailedError, LOGIN_LIMITS, type LoginOutcome, type LoginResult, LoginThrottledError } from './login.js';
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

/** The outcome of a sign-in without two-factor: a session. */
function signedIn(outcome: LoginOutcome): LoginResult {
  if (outcome.kind !== 'signed-in') throw new Error('expected a session, got a second-factor challenge');
  return outcome;
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
    const emails = ['ann', 'ben', 'cat', 'dan', 'eve', 'fay', 'gus', 'hal', 'ida', 'jim'].map((name) => `${name}@example.org`);
    for (const email of emails) {
      await createUser({ db: t.db, clock, events: new EventBus<DomainEvent>() }, { email, name: email.split('@')[0]!, role: 'editor', password: PASSWORD });
    }
  });
  afterAll(async () => t?.destroy());

  it('signs in with the right password, whatever the email case, and starts a session', async () => {
    const result = signedIn(await login({ db: t.db, deviceSecret: SECRET, clock }, { email: '  Ann@Example.org ', password: PASSWORD, ip: freshIp() }));
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
  /** Signs in with the right password and returns the device tokens the browser is given. */
  async function deviceOf(email: string, deviceTokens: readonly string[] = []): Promise<string[]> {
    return signedIn(await login({ db: t.db, deviceSecret: SECRET, clock }, { email, password: PASSWORD, ip: freshIp(), deviceTokens })).deviceTokens;
  }

  /** Five wrong passwords from five addresses, none with a device token: the account's shared limit. */
  async function lockOutStrangers(email: string): Promise<void> {
    for (let i = 0; i < LOGIN_LIMITS.account.limit; i++) {
      expect(await failureOf(login({ db: t.db, deviceSecret: SECRET, clock }, { email, password: 'wrong password!', ip: freshIp() }))).toBeInstanceOf(
        LoginFailedError,
      );
    }
  }

  it("lets the owner's known browser sign in while strangers have locked the account, and keeps them locked", async () => {
    const device = await deviceOf('fay@example.org');
    expect(device).toHaveLength(1);
    await lockOutStrangers('fay@example.org');
    const stranger = await failureOf(login({ db: t.db, deviceSecret: SECRET, clock }, { email: 'fay@example.org', password: PASSWORD, ip: freshIp() }));
    expect(stranger).toBeInstanceOf(LoginThrottledError);
    expect((stranger as LoginThrottledError).failure.limits).toEqual(['account']);

    const owner = signedIn(await login({ db: t.db, deviceSecret: SECRET, clock }, { email: 'fay@example.org', password: PASSWORD, ip: freshIp(), deviceTokens: device }));
    expect(owner.user.email).toBe('fay@example.org');
    // A fresh token replaces the old one, and it works too.
    expect(owner.deviceTokens).toHaveLength(1);
    expect(owner.deviceTokens[0]).not.toBe(device[0]);
    await expect(deviceOf('fay@example.org', owner.deviceTokens)).resolves.toHaveLength(1);
    // The owner's success did not reset the strangers' count.
    expect(await failureOf(login({ db: t.db, deviceSecret: SECRET, clock }, { email: 'fay@example.org', password: PASSWORD, ip: freshIp() }))).toBeInstanceOf(
      LoginThrottledError,
    );
  });

  it("gives no allowance to another account's token, an altered one, one signed with another secret, or an expired one", async () => {
    const gusDevice = await deviceOf('gus@example.org');
    const halDevice = await deviceOf('hal@example.org');
    const [expiry, nonce, mac] = halDevice[0]!.split('.') as [string, string, string];
    const altered = `${expiry}.${nonce}.${mac.slice(0, -1)}${mac.endsWith('A') ? 'B' : 'A'}`;
    const laterExpiry = `${Number(expiry) + 1}.${nonce}.${mac}`;
    const user = (await t.db.selectFrom('users').select('id').where('email', '=', 'hal@example.org').executeTakeFirstOrThrow()).id;
    const otherSecret = issueDeviceToken(Buffer.alloc(32, 8), user, clock.now());
    const expired = issueDeviceToken(SECRET, user, new Date(clock.now().getTime() - 366 * 24 * 3600 * 1000));
    await lockOutStrangers('hal@example.org');
    for (const deviceTokens of [gusDevice, [altered], [laterExpiry], [otherSecret], [expired], ['not a token']]) {
      const error = await failureOf(login({ db: t.db, deviceSecret: SECRET, clock }, { email: 'hal@example.org', password: PASSWORD, ip: freshIp(), deviceTokens }));
      expect(error).toBeInstanceOf(LoginThrottledError);
      expect((error as LoginThrottledError).failure.isKnownDevice).toBe(false);
    }
    // Among other tokens, hal's own still counts.
    await expect(deviceOf('hal@example.org', [...gusDevice, altered, halDevice[0]!])).resolves.toBeTruthy();
  });

  it('locks a known browser that exhausts its own allowance, and only that browser', async () => {
    const device = await deviceOf('ida@example.org');
    const other = await deviceOf('ida@example.org');
    for (let i = 0; i < LOGIN_LIMITS.device.limit; i++) {
      const error = await failureOf(
        login({ db: t.db, deviceSecret: SECRET, clock }, { email: 'ida@example.org', password: 'wrong password!', ip: freshIp(), deviceTokens: device }),
      );
      expect(error).toBeInstanceOf(LoginFailedError);
      expect((error as LoginFailedError).failure).toMatchObject({ reason: 'wrong-password', isKnownDevice: true });
    }
    const locked = await failureOf(
      login({ db: t.db, deviceSecret: SECRET, clock }, { email: 'ida@example.org', password: PASSWORD, ip: freshIp(), deviceTokens: device }),
    );
    expect(locked).toBeInstanceOf(LoginThrottledError);
    expect((locked as LoginThrottledError).failure).toMatchObject({ reason: 'throttled', limits: ['device'], isKnownDevice: true });
    // The account's shared limit and the owner's other browser were not touched.
    await expect(deviceOf('ida@example.org')).resolves.toBeTruthy();
    await expect(deviceOf('ida@example.org', other)).resolves.toBeTruthy();
  });

  it('lets exactly five of a parallel burst of 40 from one known browser reach the password check', async () => {
    const device = await deviceOf('jim@example.org');
    const results = await Promise.allSettled(
      Array.from({ length: 40 }, () =>
        login({ db: t.db, deviceSecret: SECRET, clock }, { email: 'jim@example.org', password: 'nope nope', ip: freshIp(), deviceTokens: device }),
      ),
    );
    const reasons = results.map((r) => (r.status === 'rejected' ? r.reason : null));
    expect(reasons.filter((r) => r instanceof LoginFailedError)).toHaveLength(LOGIN_LIMITS.device.limit);
    expect(reasons.filter((r) => r instanceof LoginThrottledError)).toHaveLength(40 - LOGIN_LIMITS.device.limit);
  });

  it('tells the operator, not the requester, why an attempt failed', async () => {
    const unknown = (await failureOf(login({ db: t.db, deviceSecret: SECRET, clock }, { email: 'nobody2@example.org', password: PASSWORD, ip: freshIp() }))) as LoginFailedError;
    const wrong = (await failureOf(login({ db: t.db, deviceSecret: SECRET, clock }, { email: 'jim@example.org', password: 'nope nope', ip: freshIp() }))) as LoginFailedError;
    expect(unknown.failure).toEqual({ reason: 'unknown-account', userId: null, isKnownDevice: false });
    expect(wrong.failure).toMatchObject({ reason: 'wrong-password', isKnownDevice: false });
    const jim = await t.db.selectFrom('users').select('id').where('email', '=', 'jim@example.org').executeTakeFirstOrThrow();
    expect(wrong.failure.userId).toBe(jim.id);
    expect(wrong.message).toBe(unknown.message);
  });
});
