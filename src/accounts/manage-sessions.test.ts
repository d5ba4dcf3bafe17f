import type { DomainEvent } from '../shared/domain-events.js';
import { EventBus } from '../shared/events.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb, type TestDb, testDialects } from '../../test/test-db.js';
import { fixedClock } from '../shared/clock.js';
import { createUser } from './create-user.js';
import { deleteExpiredSessions, endSession, findSessionUser, startSession } from './manage-sessions.js';
import type { User } from './role.js';
import { SESSION_TTL_SECONDS, sessionIdOf } from './session.js';

const DAY = 24 * 60 * 60 * 1000;

describe.each(testDialects)('sessions on %s', (dialect) => {
  let t: TestDb;
  let user: User;
  const clock = fixedClock('2026-11-20T12:00:00.000Z');
  beforeAll(async () => {
    t = await createTestDb(dialect);
    user = await createUser({ db: t.db, clock, events: new EventBus<DomainEvent>() }, { email: 'ann@example.org', name: 'Ann Editor', role: 'editor', password: 'correct horse battery' });
  });
  afterAll(async () => t?.destroy());

  it('stores only the SHA-256 of the 32-byte token', async () => {
    const { token, session } = await startSession(t.db, clock, user.id);
    expect(Buffer.from(token, 'base64url')).toHaveLength(32);
    expect(session.id).toBe(sessionIdOf(token));
    const ids = (await t.db.selectFrom('sessions').select('id').execute()).map((r) => r.id);
    expect(ids).toContain(sessionIdOf(token));
    expect(ids).not.toContain(token);
    expect(session.expiresAt.getTime() - session.createdAt.getTime()).toBe(SESSION_TTL_SECONDS * 1000);
  });

  it('finds the user of a live token and nobody for an unknown one', async () => {
    const { token } = await startSession(t.db, clock, user.id);
    const found = await findSessionUser(t.db, clock, token);
    expect(found?.user).toEqual(user);
    expect(found?.isRenewed).toBe(false);
    expect(await findSessionUser(t.db, clock, 'not-a-token')).toBeNull();
    expect(await findSessionUser(t.db, clock, '')).toBeNull();
  });

  it('renews a session used in the second half of its life, and lets an unused one expire', async () => {
    const c = fixedClock('2026-11-20T12:00:00.000Z');
    const { token } = await startSession(t.db, c, user.id);
    c.set(new Date(Date.parse('2026-11-20T12:00:00.000Z') + 10 * DAY).toISOString());
    const renewed = await findSessionUser(t.db, c, token);
    expect(renewed?.isRenewed).toBe(true);
    expect(renewed?.session.expiresAt.toISOString()).toBe(new Date(c.now().getTime() + 14 * DAY).toISOString());
    c.set(new Date(c.now().getTime() + 13 * DAY).toISOString());
    expect(await findSessionUser(t.db, c, token)).not.toBeNull();
    c.set(new Date(c.now().getTime() + 15 * DAY).toISOString());
    expect(await findSessionUser(t.db, c, token)).toBeNull();
  });

  it('ends a session so its token no longer signs in', async () => {
    const { token } = await startSession(t.db, clock, user.id);
    await endSession(t.db, token);
    expect(await findSessionUser(t.db, clock, token)).toBeNull();
    await expect(endSession(t.db, token)).resolves.toBeUndefined();
  });

  it('deletes expired sessions and keeps live ones', async () => {
    const old = fixedClock('2026-10-01T00:00:00.000Z');
    const stale = await startSession(t.db, old, user.id);
    const live = await startSession(t.db, clock, user.id);
    expect(await deleteExpiredSessions(t.db, clock)).toBeGreaterThanOrEqual(1);
    const ids = (await t.db.selectFrom('sessions').select('id').execute()).map((r) => r.id);
    expect(ids).not.toContain(stale.session.id);
    expect(ids).toContain(live.session.id);
  });

  it('goes when its user is deleted', async () => {
    const other = await createUser({ db: t.db, clock, events: new EventBus<DomainEvent>() }, { email: 'gone@example.org', name: 'Gone', role: 'author', password: 'correct horse battery' });
    const { token } = await startSession(t.db, clock, other.id);
    await t.db.deleteFrom('users').where('id', '=', other.id).execute();
    expect(await findSessionUser(t.db, clock, token)).toBeNull();
  });
});
