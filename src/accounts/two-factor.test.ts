import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createTestDb, type TestDb, testDialects } from '../../test/test-db.js';
import { fixedClock } from '../shared/clock.js';
import type { DomainEvent } from '../shared/domain-events.js';
import { ConflictError, TooManyRequestsError, ValidationError } from '../shared/errors.js';
import { EventBus } from '../shared/events.js';
import {
  beginTwoFactorSetup,
  completeSignIn,
  confirmTwoFactor,
  createUser,
  disableTwoFactor,
  findSessionUser,
  login,
  LOGIN_LIMITS,
  RECOVERY_CODE_COUNT,
  SecondFactorFailedError,
  type SecondFactorNeeded,
  SignInExpiredError,
  totpCodeAt,
  twoFactorStatus,
  type User,
} from './index.js';

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

describe.each(testDialects)('two-factor sign-in on %s', (dialect) => {
  let t: TestDb;
  const clock = fixedClock('2026-11-20T12:00:00.000Z');
  const bus = new EventBus<DomainEvent>();
  let ip = 0;
  const freshIp = () => `203.0.113.${++ip}`;
  const deps = () => ({ db: t.db, clock, events: bus });
  const loginDeps = () => ({ db: t.db, clock, deviceSecret: SECRET });

  /** An account with two-factor on: its secret (read back as the app would have scanned it) and recovery codes. */
  async function enrolled(email: string): Promise<{ user: User; secret: string; codes: string[] }> {
    const user = await createUser(deps(), { email, name: email.split('@')[0]!, role: 'editor', password: PASSWORD });
    await beginTwoFactorSetup(deps(), user);
    const status = await twoFactorStatus(deps(), user, 'The Review');
    const secret = status.pending!.secret;
    expect(status.pending!.uri).toMatch(new RegExp(`^otpauth://totp/The%20Review:${encodeURIComponent(email)}\\?issuer=The%20Review&secret=${secret}`));
    const { recoveryCodes } = await confirmTwoFactor(deps(), user, { code: totpCodeAt(secret, clock.now()) });
    return { user, secret, codes: recoveryCodes };
  }

  async function passwordStep(email: string): Promise<SecondFactorNeeded> {
    const outcome = await login(loginDeps(), { email, password: PASSWORD, ip: freshIp() });
    if (outcome.kind !== 'second-factor') throw new Error('expected the second step');
    return outcome;
  }

  beforeAll(async () => {
    t = await createTestDb(dialect);
  });
  afterAll(async () => t?.destroy());
  beforeEach(() => clock.set('2026-11-20T12:00:00.000Z'));

  it('is switched on only by a right code from the new secret, with ten recovery codes stored hashed', async () => {
    const user = await createUser(deps(), { email: 'ann@example.org', name: 'Ann', role: 'author', password: PASSWORD });
    await beginTwoFactorSetup(deps(), user);
    const { secret } = (await twoFactorStatus(deps(), user, 'Site')).pending!;
    const wrong = await failureOf(confirmTwoFactor(deps(), user, { code: '000000' === totpCodeAt(secret, clock.now()) ? '111111' : '000000' }));
    expect((wrong as ValidationError).fields.code).toMatch(/does not match/);
    expect((await twoFactorStatus(deps(), user, 'Site')).isEnabled).toBe(false);
    const { recoveryCodes } = await confirmTwoFactor(deps(), user, { code: totpCodeAt(secret, clock.now()) });
    expect(recoveryCodes).toHaveLength(RECOVERY_CODE_COUNT);
    expect(new Set(recoveryCodes).size).toBe(RECOVERY_CODE_COUNT);
    for (const code of recoveryCodes) expect(code).toMatch(/^[0-9a-z]{4}(-[0-9a-z]{4}){3}$/);
    const stored = await t.db.selectFrom('recovery_codes').select('code_hash').where('user_id', '=', user.id).execute();
    expect(stored).toHaveLength(RECOVERY_CODE_COUNT);
    for (const row of stored) for (const code of recoveryCodes) expect(row.code_hash).not.toContain(code.replace(/-/g, ''));
    expect(await twoFactorStatus(deps(), user, 'Site')).toEqual({ isEnabled: true, recoveryCodesLeft: RECOVERY_CODE_COUNT, pending: null });
    expect(await failureOf(beginTwoFactorSetup(deps(), user))).toBeInstanceOf(ConflictError);
  });

  it('asks for the code after a right password, and starts no session until the code is right', async () => {
    const { secret } = await enrolled('ben@example.org');
    const sessionsBefore = (await t.db.selectFrom('sessions').select('id').execute()).length;
    const step = await passwordStep('ben@example.org');
    expect((await t.db.selectFrom('sessions').select('id').execute()).length).toBe(sessionsBefore);
    expect(await failureOf(completeSignIn(loginDeps(), { challengeToken: step.challengeToken, code: '12345', ip: freshIp() }))).toBeInstanceOf(SecondFactorFailedError);
    clock.set('2026-11-20T12:01:00.000Z');
    const result = await completeSignIn(loginDeps(), { challengeToken: step.challengeToken, code: totpCodeAt(secret, clock.now()), ip: freshIp() });
    expect((await findSessionUser(t.db, clock, result.token))?.user.email).toBe('ben@example.org');
    // The challenge is used up.
    expect(await failureOf(completeSignIn(loginDeps(), { challengeToken: step.challengeToken, code: totpCodeAt(secret, clock.now()), ip: freshIp() }))).toBeInstanceOf(
      SignInExpiredError,
    );
  });

  it('starts one session when two tabs finish the same challenge at once', async () => {
    const { secret, codes } = await enrolled('hal@example.org');
    const step = await passwordStep('hal@example.org');
    clock.set('2026-11-20T12:01:00.000Z'); // the enrolment used the code of 12:00
    const results = await Promise.allSettled([
      completeSignIn(loginDeps(), { challengeToken: step.challengeToken, code: totpCodeAt(secret, clock.now()), ip: freshIp() }),
      completeSignIn(loginDeps(), { challengeToken: step.challengeToken, code: codes[0]!, ip: freshIp() }),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    expect((results.find((r) => r.status === 'rejected') as PromiseRejectedResult).reason).toBeInstanceOf(SignInExpiredError);
  });

  it('refuses a code used once already, a code from too long ago, and a challenge past its ten minutes', async () => {
    const { secret } = await enrolled('cat@example.org');
    clock.set('2026-11-20T12:05:00.000Z');
    const code = totpCodeAt(secret, clock.now());
    await completeSignIn(loginDeps(), { challengeToken: (await passwordStep('cat@example.org')).challengeToken, code, ip: freshIp() });
    const replay = await failureOf(completeSignIn(loginDeps(), { challengeToken: (await passwordStep('cat@example.org')).challengeToken, code, ip: freshIp() }));
    expect(replay).toBeInstanceOf(SecondFactorFailedError);
    clock.set('2026-11-20T12:06:00.000Z');
    const stale = totpCodeAt(secret, new Date('2026-11-20T12:04:00.000Z'));
    expect(await failureOf(completeSignIn(loginDeps(), { challengeToken: (await passwordStep('cat@example.org')).challengeToken, code: stale, ip: freshIp() }))).toBeInstanceOf(
      SecondFactorFailedError,
    );
    const slow = await passwordStep('cat@example.org');
    clock.set('2026-11-20T12:16:00.000Z');
    expect(await failureOf(completeSignIn(loginDeps(), { challengeToken: slow.challengeToken, code: totpCodeAt(secret, clock.now()), ip: freshIp() }))).toBeInstanceOf(
      SignInExpiredError,
    );
  });

  it('takes a recovery code once, in any case and spacing', async () => {
    const { codes } = await enrolled('dan@example.org');
    const typed = codes[3]!.toUpperCase().replace(/-/g, ' ');
    await completeSignIn(loginDeps(), { challengeToken: (await passwordStep('dan@example.org')).challengeToken, code: typed, ip: freshIp() });
    const again = await failureOf(completeSignIn(loginDeps(), { challengeToken: (await passwordStep('dan@example.org')).challengeToken, code: codes[3]!, ip: freshIp() }));
    expect(again).toBeInstanceOf(SecondFactorFailedError);
    // Another account's code does not open this one.
    const other = await enrolled('eve@example.org');
    expect(
      await failureOf(completeSignIn(loginDeps(), { challengeToken: (await passwordStep('dan@example.org')).challengeToken, code: other.codes[0]!, ip: freshIp() })),
    ).toBeInstanceOf(SecondFactorFailedError);
  });

  it('throttles wrong codes per account across challenges, then lets the right code in after the window', async () => {
    const { secret } = await enrolled('fay@example.org');
    for (let i = 0; i < LOGIN_LIMITS.secondFactor.limit; i++) {
      const step = await passwordStep('fay@example.org');
      expect(await failureOf(completeSignIn(loginDeps(), { challengeToken: step.challengeToken, code: '000000', ip: freshIp() }))).toBeInstanceOf(SecondFactorFailedError);
    }
    const step = await passwordStep('fay@example.org');
    const refused = await failureOf(completeSignIn(loginDeps(), { challengeToken: step.challengeToken, code: totpCodeAt(secret, clock.now()), ip: freshIp() }));
    expect(refused).toBeInstanceOf(TooManyRequestsError);
    clock.set('2026-11-20T12:15:00.000Z');
    const later = await passwordStep('fay@example.org');
    await expect(completeSignIn(loginDeps(), { challengeToken: later.challengeToken, code: totpCodeAt(secret, clock.now()), ip: freshIp() })).resolves.toMatchObject({
      kind: 'signed-in',
    });
  });

  it('is switched off only with the password and a code; sign-in then needs the password alone', async () => {
    const { user, secret } = await enrolled('gil@example.org');
    clock.set('2026-11-20T12:02:00.000Z');
    const wrong = await failureOf(disableTwoFactor(deps(), user, { password: 'not my password', code: totpCodeAt(secret, clock.now()) }));
    expect((wrong as ValidationError).fields).toEqual({ password: 'That is not your current password.' });
    clock.set('2026-11-20T12:03:00.000Z');
    await disableTwoFactor(deps(), user, { password: PASSWORD, code: totpCodeAt(secret, clock.now()) });
    expect(await t.db.selectFrom('recovery_codes').select('code_hash').where('user_id', '=', user.id).execute()).toEqual([]);
    expect((await login(loginDeps(), { email: 'gil@example.org', password: PASSWORD, ip: freshIp() })).kind).toBe('signed-in');
  });
});
