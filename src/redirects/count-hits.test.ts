import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../accounts/index.js';
import { createTestApp, type TestApp } from '../../test/test-app.js';
import { testDialects } from '../../test/test-db.js';
import { RedirectHitCounter } from './count-hits.js';
import { findRedirect } from './redirect.queries.js';
import { saveRedirect } from './save-redirect.js';

const editor: Actor = { id: 'e', role: 'editor' };

describe.each(testDialects)('redirect hits on %s', (dialect) => {
  let t: TestApp;
  let counter: RedirectHitCounter;
  const get = (path: string) => t.app.request(`https://news.example.org${path}`);

  beforeAll(async () => {
    // The app records into the counter the test flushes (a real server's flushes on a timer).
    t = await createTestApp(dialect, { PAGE_CACHE: 'off' }, { redirectHits: { record: (path, at) => counter.record(path, at) } });
    counter = new RedirectHitCounter(t.db, { flushAfterMs: 60_000 });
    const deps = { db: t.db, clock: t.clock, events: t.events };
    await saveRedirect(deps, editor, { fromPath: '/old-story/', toPath: '/new-story/', code: 301 });
    await saveRedirect(deps, editor, { fromPath: '/tag/truce/', toPath: '/tag/ceasefire/', code: 301 });
    await saveRedirect(deps, editor, { fromPath: '/removed/', toPath: '', code: 410 });
    await t.app.request('/'); // the site chrome, loaded once per process
  });
  afterAll(async () => {
    await counter.close();
    await t.destroy();
  });

  it('counts each answer in memory: a redirect costs the one statement it cost before', async () => {
    for (const path of ['/old-story/', '/old-story/', '/old-story/', '/tag/truce/', '/removed/']) {
      t.queries.reset();
      const res = await get(path);
      expect(res.status, path).toBe(path === '/removed/' ? 410 : 301);
      expect(t.queries.count, `${path}: ${t.queries.sql.join(', ')}`).toBe(1);
    }
    expect(counter.pendingHits).toBe(5);
    expect((await findRedirect(t.db, '/old-story/'))!.hits).toBe(0);
  });

  it('adds the counts with one update per path, and a second process’s counts add to them', async () => {
    t.clock.set('2026-11-20T12:05:00.000Z');
    await get('/old-story/');
    await counter.flush();
    expect(counter.pendingHits).toBe(0);
    const story = await findRedirect(t.db, '/old-story/');
    expect(story).toMatchObject({ hits: 4, lastHitAt: new Date('2026-11-20T12:05:00.000Z') });
    expect(await findRedirect(t.db, '/tag/truce/')).toMatchObject({ hits: 1, lastHitAt: new Date('2026-11-20T12:00:00.000Z') });
    expect((await findRedirect(t.db, '/removed/'))!.hits).toBe(1);

    const otherProcess = new RedirectHitCounter(t.db);
    otherProcess.record('/old-story/', new Date('2026-11-20T12:01:00.000Z'));
    await otherProcess.close();
    // An earlier hit from elsewhere adds to the count and leaves the later last hit.
    expect(await findRedirect(t.db, '/old-story/')).toMatchObject({ hits: 5, lastHitAt: new Date('2026-11-20T12:05:00.000Z') });
  });

  it('keeps counts that could not be stored for the next flush', async () => {
    counter.record('/old-story/', new Date('2026-11-20T12:06:00.000Z'));
    counter.record('/tag/truce/', new Date('2026-11-20T12:06:00.000Z'));
    await sql`alter table redirects rename to redirects_away`.execute(t.db);
    await expect(counter.flush()).rejects.toThrow();
    await sql`alter table redirects_away rename to redirects`.execute(t.db);
    expect(counter.pendingHits).toBe(2);
    await counter.flush();
    expect((await findRedirect(t.db, '/old-story/'))!.hits).toBe(6);
    expect((await findRedirect(t.db, '/tag/truce/'))!.hits).toBe(2);
  });

  it('flushes by itself after the delay', async () => {
    const quick = new RedirectHitCounter(t.db, { flushAfterMs: 10 });
    quick.record('/removed/', new Date('2026-11-20T12:07:00.000Z'));
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(quick.pendingHits).toBe(0);
    expect(await findRedirect(t.db, '/removed/')).toMatchObject({ hits: 2, lastHitAt: new Date('2026-11-20T12:07:00.000Z') });
  });
});
