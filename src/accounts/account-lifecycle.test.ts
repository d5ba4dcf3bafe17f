import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createTestDb, type TestDb, testDialects } from '../../test/test-db.js';
import { outboxQueue } from '../mail/index.js';
import { fixedClock } from '../shared/clock.js';
import type { DomainEvent } from '../shared/domain-events.js';
import { ConflictError, ForbiddenError, TooManyRequestsError, UnauthorizedError, ValidationError } from '../shared/errors.js';
import { EventBus } from '../shared/events.js';
import { createUser } from './create-user.js';
import {
  acceptInvitation,
  changeRole,
  deactivateUser,
  findInvitation,
  inviteUser,
  LinkExpiredError,
  login,
  type LoginOutcome,
  type LoginResult,
  reactivateUser,
  requestPasswordReset,
  RESET_LIMITS,
  resetPassword,
  findSessionUser,
  startSession,
  AccountDeactivatedError,
  type User,
} from './index.js';

const PASSWORD = 'correct horse battery';
const SECRET = Buffer.alloc(32, 7);
const SITE = new URL('https://news.example.org');

async function failureOf(attempt: Promise<unknown>): Promise<Error> {
  try {
    await attempt;
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected the attempt to fail');
}

function signedIn(outcome: LoginOutcome): LoginResult {
  if (outcome.kind !== 'signed-in') throw new Error('expected a session');
  return outcome;
}

describe.each(testDialects)('accounts: invitations, resets, roles and deactivation on %s', (dialect) => {
  let t: TestDb;
  const clock = fixedClock('2026-11-20T12:00:00.000Z');
  const events: DomainEvent[] = [];
  const bus = new EventBus<DomainEvent>();
  bus.subscribe((e) => void events.push(e));
  let admin: User;
  let ip = 0;
  const freshIp = () => `198.51.100.${++ip}`;
  const deps = () => ({ db: t.db, clock, events: bus, mail: outboxQueue({ db: t.db, clock }), siteUrl: SITE });
  const signIn = (email: string, password = PASSWORD) => login({ db: t.db, clock, deviceSecret: SECRET }, { email, password, ip: freshIp() });

  /** The token in the newest message's link of this kind to this address. */
  async function linkTokenFor(to: string, path: string): Promise<string> {
    const rows = await t.db.selectFrom('mail_outbox').select(['body_text', 'id']).where('to_address', '=', to).orderBy('id', 'desc').execute();
    const match = rows.map((r) => new RegExp(`https://news\\.example\\.org${path}\\?token=([\\w-]+)`).exec(r.body_text)).find(Boolean);
    if (!match) throw new Error(`no ${path} link mailed to ${to}`);
    return match[1]!;
  }

  beforeAll(async () => {
    t = await createTestDb(dialect);
    admin = await createUser({ db: t.db, clock, events: bus }, { email: 'root@example.org', name: 'Root Admin', role: 'administrator', password: PASSWORD });
  });
  afterAll(async () => t?.destroy());
  beforeEach(() => {
    clock.set('2026-11-20T12:00:00.000Z');
    events.length = 0;
  });

  it('invites by email, and the invitee chooses a name and password with the link, then signs in', async () => {
    const { user, isMailQueued } = await inviteUser(deps(), admin, { email: 'New.Writer@Example.org', role: 'author' });
    expect(isMailQueued).toBe(true);
    expect(user).toMatchObject({ email: 'new.writer@example.org', role: 'author' });
    expect(events).toContainEqual({ type: 'account.changed', userId: user.id });
    const mail = await t.db.selectFrom('mail_outbox').selectAll().where('to_address', '=', 'new.writer@example.org').executeTakeFirstOrThrow();
    expect(mail.subject).toBe('Root Admin invited you to the newsroom');
    expect(mail.body_text).toContain('as an author');
    // The account exists, but no password opens it until the invitation is accepted.
    expect(await failureOf(signIn('new.writer@example.org', ''))).toBeInstanceOf(UnauthorizedError);

    const token = await linkTokenFor('new.writer@example.org', '/admin/accept-invite');
    // Only the hash is stored: the token itself appears nowhere in the database.
    const stored = await t.db.selectFrom('account_tokens').select('id').where('user_id', '=', user.id).execute();
    expect(stored).toHaveLength(1);
    expect(stored[0]!.id).not.toContain(token);
    expect(await findInvitation({ db: t.db, clock }, token)).toMatchObject({ email: 'new.writer@example.org', role: 'author' });

    const accepted = await acceptInvitation({ db: t.db, clock, events: bus }, { token, name: 'Nadia Writer', password: 'a brand new password' });
    expect(accepted).toMatchObject({ name: 'Nadia Writer', slug: 'nadia-writer' });
    expect(events).toContainEqual({ type: 'author.changed', userId: user.id, isBylineChanged: true });
    const session = signedIn(await signIn('new.writer@example.org', 'a brand new password'));
    expect(session.user.name).toBe('Nadia Writer');
    // Used once: the same link is refused now.
    expect(await findInvitation({ db: t.db, clock }, token)).toBeNull();
    expect(await failureOf(acceptInvitation({ db: t.db, clock, events: bus }, { token, name: 'Someone Else', password: 'another password!' }))).toBeInstanceOf(LinkExpiredError);
  });

  it('refuses an invitation link after 7 days, and a duplicate address next to the field', async () => {
    await inviteUser(deps(), admin, { email: 'late@example.org', role: 'contributor' });
    const token = await linkTokenFor('late@example.org', '/admin/accept-invite');
    clock.set('2026-11-27T11:59:59.000Z');
    expect(await findInvitation({ db: t.db, clock }, token)).not.toBeNull();
    clock.set('2026-11-27T12:00:00.000Z');
    expect(await findInvitation({ db: t.db, clock }, token)).toBeNull();
    expect(await failureOf(acceptInvitation({ db: t.db, clock, events: bus }, { token, name: 'Late', password: 'long enough password' }))).toBeInstanceOf(LinkExpiredError);
    const duplicate = await failureOf(inviteUser(deps(), admin, { email: 'LATE@example.org', role: 'author' }));
    expect((duplicate as ValidationError).fields).toEqual({ email: 'An account for late@example.org already exists.' });
  });

  it('keeps the account when the outbox cannot take the invitation, and says so', async () => {
    const brokenMail = { queue: async () => false, queueWithin: async () => ({ stored: 0, refused: [] }) };
    const result = await inviteUser({ ...deps(), mail: brokenMail }, admin, { email: 'unsent@example.org', role: 'author' });
    expect(result.isMailQueued).toBe(false);
    expect((await t.db.selectFrom('users').select('status').where('email', '=', 'unsent@example.org').executeTakeFirstOrThrow()).status).toBe('invited');
    // A real outbox that fails (its table gone) answers false too, rather than throwing at the caller.
    const { sql } = await import('kysely');
    const broken = await createTestDb(dialect);
    await sql`drop table mail_outbox`.execute(broken.db);
    const root = await createUser({ db: broken.db, clock, events: bus }, { email: 'root@example.org', name: 'Root', role: 'administrator', password: PASSWORD });
    const again = await inviteUser({ db: broken.db, clock, events: bus, mail: outboxQueue({ db: broken.db, clock }), siteUrl: SITE }, root, { email: 'x@example.org', role: 'editor' });
    expect(again.isMailQueued).toBe(false);
    expect(await broken.db.selectFrom('users').select('email').where('email', '=', 'x@example.org').executeTakeFirst()).toBeDefined();
    await broken.destroy();
  });

  it('lets only those who manage users invite', async () => {
    const editor = await createUser({ db: t.db, clock, events: bus }, { email: 'ed@example.org', name: 'Ed', role: 'editor', password: PASSWORD });
    expect(await failureOf(inviteUser(deps(), editor, { email: 'x@example.org', role: 'administrator' }))).toBeInstanceOf(ForbiddenError);
    expect(await failureOf(changeRole({ db: t.db, clock, events: bus }, editor, admin.id, 'author'))).toBeInstanceOf(ForbiddenError);
  });

  it('mails a one-hour reset link; the new password ends every session; the link works once', async () => {
    const rita = await createUser({ db: t.db, clock, events: bus }, { email: 'rita@example.org', name: 'Rita', role: 'editor', password: PASSWORD });
    const phone = await startSession(t.db, clock, rita.id);
    const laptop = await startSession(t.db, clock, rita.id);
    await requestPasswordReset(deps(), { email: ' Rita@example.org', ip: freshIp() });
    const token = await linkTokenFor('rita@example.org', '/admin/reset');
    await resetPassword({ db: t.db, clock, events: bus }, { token, password: 'a fresh password here' });
    expect(await findSessionUser(t.db, clock, phone.token)).toBeNull();
    expect(await findSessionUser(t.db, clock, laptop.token)).toBeNull();
    expect(await failureOf(signIn('rita@example.org'))).toBeInstanceOf(UnauthorizedError);
    signedIn(await signIn('rita@example.org', 'a fresh password here'));
    expect(await failureOf(resetPassword({ db: t.db, clock, events: bus }, { token, password: 'yet another one!' }))).toBeInstanceOf(LinkExpiredError);

    await requestPasswordReset(deps(), { email: 'rita@example.org', ip: freshIp() });
    const second = await linkTokenFor('rita@example.org', '/admin/reset');
    clock.set('2026-11-20T13:00:00.000Z');
    expect(await failureOf(resetPassword({ db: t.db, clock, events: bus }, { token: second, password: 'too late password' }))).toBeInstanceOf(LinkExpiredError);
  });

  it('answers an unknown address as a known one, and limits requests per address and per client until the window ends', async () => {
    const before = await t.db.selectFrom('mail_outbox').select('id').execute();
    await expect(requestPasswordReset(deps(), { email: 'nobody@example.org', ip: freshIp() })).resolves.toBeUndefined();
    expect(await t.db.selectFrom('mail_outbox').select('id').execute()).toHaveLength(before.length);

    const limited = { ...deps(), limits: { email: { limit: 2, windowSeconds: 3600 }, ip: { limit: 100, windowSeconds: 3600 } } };
    for (const email of ['ghost@example.org', 'root@example.org']) {
      await requestPasswordReset(limited, { email, ip: freshIp() });
      await requestPasswordReset(limited, { email, ip: freshIp() });
      const refused = await failureOf(requestPasswordReset(limited, { email, ip: freshIp() }));
      expect(refused).toBeInstanceOf(TooManyRequestsError);
      expect((refused as TooManyRequestsError).retryAfterSeconds).toBe(3600);
    }
    const client = freshIp();
    for (let i = 0; i < RESET_LIMITS.ip.limit; i++) await requestPasswordReset(deps(), { email: `someone${i}@example.org`, ip: client });
    expect(await failureOf(requestPasswordReset(deps(), { email: 'one-more@example.org', ip: client }))).toBeInstanceOf(TooManyRequestsError);
    clock.set('2026-11-20T13:00:00.000Z');
    await expect(requestPasswordReset(limited, { email: 'ghost@example.org', ip: client })).resolves.toBeUndefined();
  });

  it('deactivates: no sign-in (with a clear message), sessions stop at once; reactivation restores sign-in', async () => {
    const dan = await createUser({ db: t.db, clock, events: bus }, { email: 'dan@example.org', name: 'Dan', role: 'author', password: PASSWORD });
    const session = signedIn(await signIn('dan@example.org'));
    expect((await findSessionUser(t.db, clock, session.token))?.user.id).toBe(dan.id);
    await deactivateUser({ db: t.db, clock, events: bus }, admin, dan.id);
    expect(events).toContainEqual({ type: 'account.changed', userId: dan.id });
    expect(await findSessionUser(t.db, clock, session.token)).toBeNull();
    const refused = await failureOf(signIn('dan@example.org'));
    expect(refused).toBeInstanceOf(AccountDeactivatedError);
    expect(refused.message).toMatch(/deactivated/);
    // A wrong password says nothing about the account's state.
    expect(await failureOf(signIn('dan@example.org', 'wrong password!'))).not.toBeInstanceOf(AccountDeactivatedError);
    // A session the table still holds (say, one written by a process that missed the delete) is refused too.
    const leftover = await startSession(t.db, clock, dan.id);
    expect(await findSessionUser(t.db, clock, leftover.token)).toBeNull();

    await reactivateUser({ db: t.db, clock, events: bus }, admin, dan.id);
    signedIn(await signIn('dan@example.org'));
  });

  it('refuses changing one’s own role or deactivating oneself', async () => {
    expect(await failureOf(changeRole({ db: t.db, clock, events: bus }, admin, admin.id, 'editor'))).toBeInstanceOf(ForbiddenError);
    expect(await failureOf(deactivateUser({ db: t.db, clock, events: bus }, admin, admin.id))).toBeInstanceOf(ForbiddenError);
  });

  it('a role change holds from the next request', async () => {
    const erin = await createUser({ db: t.db, clock, events: bus }, { email: 'erin@example.org', name: 'Erin', role: 'editor', password: PASSWORD });
    const { token } = await startSession(t.db, clock, erin.id);
    await changeRole({ db: t.db, clock, events: bus }, admin, erin.id, 'contributor');
    expect((await findSessionUser(t.db, clock, token))?.user.role).toBe('contributor');
  });

  it('never leaves the site without an active administrator, even when two demote each other at once', async () => {
    const db = await createTestDb(dialect);
    try {
      const d = { db: db.db, clock, events: bus };
      // Several rounds: a race that slips through shows up in most of them.
      for (let round = 0; round < 5; round++) {
        const a = await createUser(d, { email: `a${round}@example.org`, name: 'A', role: 'administrator', password: PASSWORD });
        const b = await createUser(d, { email: `b${round}@example.org`, name: 'B', role: 'administrator', password: PASSWORD });
        // The test's own set-up: these two are the only active administrators.
        await db.db.updateTable('users').set({ role: 'editor' }).where('id', 'not in', [a.id, b.id]).execute();
        const results = await Promise.allSettled([changeRole(d, a, b.id, 'editor'), deactivateUser(d, b, a.id)]);
        expect(results.filter((r) => r.status === 'fulfilled'), `round ${round}`).toHaveLength(1);
        const refusal = results.find((r) => r.status === 'rejected') as PromiseRejectedResult;
        expect(refusal.reason).toBeInstanceOf(ConflictError);
        const active = await db.db.selectFrom('users').select('id').where('role', '=', 'administrator').where('status', '=', 'active').execute();
        expect(active).toHaveLength(1);
        // And the last one can be neither demoted nor deactivated by anyone.
        const last = active[0]!.id;
        const someoneElse = { id: 'someone-else', role: 'administrator' as const };
        expect(await failureOf(changeRole(d, someoneElse, last, 'editor'))).toBeInstanceOf(ConflictError);
        expect(await failureOf(deactivateUser(d, someoneElse, last))).toBeInstanceOf(ConflictError);
      }
    } finally {
      await db.destroy();
    }
  });
});
