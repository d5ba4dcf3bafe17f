import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { articleInput, createNewsroom, type Newsroom } from '../../test/factories.js';
import { createTestDb, POSTGRES_URL, type TestDb, testDialects } from '../../test/test-db.js';
import { createDb, type DbHandle } from '../db/create-db.js';
import { fixedClock } from '../shared/clock.js';
import type { ArticleChanged, DomainEvent } from '../shared/domain-events.js';
import { EventBus } from '../shared/events.js';
import { saveArticle } from './save-article.js';
import { publishDueArticles } from './write-article.js';

/**
 * Another connection to the same data, as another Dossier process would open it. On SQLite
 * it is the same handle: better-sqlite3 waits for a lock synchronously, so two connections
 * in one process would block each other's event loop (separate processes wait for each
 * other's BEGIN IMMEDIATE); several processes share data on PostgreSQL.
 */
function openAnother(t: TestDb): DbHandle {
  if (t.dialect === 'sqlite') return { db: t.db, dialect: 'sqlite', close: async () => {} };
  const schema = /search_path=(\w+)/.exec(decodeURIComponent(t.url))![1]!;
  return createDb({ dialect: 'postgres', url: POSTGRES_URL }, { schema, poolSize: 4 });
}

describe.each(testDialects)('scheduled articles go live exactly once, on %s', (dialect) => {
  let t: TestDb;
  let n: Newsroom;
  let others: DbHandle[];
  const clock = fixedClock('2026-11-20T12:00:00.000Z');
  const seed = new EventBus<DomainEvent>();

  beforeAll(async () => {
    t = await createTestDb(dialect);
    n = await createNewsroom(t.db, clock);
    others = [openAnother(t), openAnother(t), openAnother(t)];
  });
  afterAll(async () => {
    for (const other of others) await other.close();
    await t.destroy();
  });

  it('publishes each due article once, with one event, when many processes run the scheduler at the same moment', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 8; i++) {
      const saved = await saveArticle(
        { db: t.db, clock, events: seed },
        articleInput(n, { slug: `embargo-${i}`, status: 'published', publishedAt: new Date(`2026-11-20T13:0${i}:00Z`), tagIds: [n.ports.id, n.ceasefire.id], authorIds: [n.ana.id, n.ben.id] }),
      );
      expect(saved.status).toBe('scheduled');
      ids.push(saved.id);
    }
    const notYet = await saveArticle({ db: t.db, clock, events: seed }, articleInput(n, { slug: 'embargo-later', status: 'published', publishedAt: new Date('2026-11-21T09:00:00Z') }));
    clock.set('2026-11-20T13:30:00.000Z');

    // Three processes (their own connections: a pool of four each on PostgreSQL), each running
    // the scheduler four times at once, each hearing only its own events.
    const heard: ArticleChanged[] = [];
    const runs = [t.db, ...others.map((o) => o.db)].flatMap((db) => {
      const events = new EventBus<DomainEvent>();
      events.subscribe((e) => {
        if (e.type === 'article.changed') heard.push(e);
      });
      return [1, 2, 3, 4].map(() => publishDueArticles({ db, clock, events }));
    });
    const results = await Promise.all(runs);

    const published = results.flat();
    expect([...published].sort()).toEqual([...ids].sort());
    expect(heard.map((e) => e.articleId).sort()).toEqual([...ids].sort());
    expect(heard.every((e) => !e.wasPublic && e.isPublic)).toBe(true);
    const rows = await t.db.selectFrom('articles').select(['id', 'status']).where('id', 'in', [...ids, notYet.id]).execute();
    expect(Object.fromEntries(rows.map((r) => [r.id, r.status]))).toEqual({ ...Object.fromEntries(ids.map((id) => [id, 'published'])), [notYet.id]: 'scheduled' });

    // The lists' sizes are what their entries say, though every process filed articles on them at once.
    const counts = await t.db.selectFrom('list_counts').select(['list_kind', 'list_id', 'count']).execute();
    const truth = await t.db
      .selectFrom('article_listings')
      .select(['list_kind', 'list_id', (eb) => eb.fn.countAll<number>().as('n')])
      .groupBy(['list_kind', 'list_id'])
      .execute();
    const byKey = (list: { list_kind: string; list_id: string; n?: number | string; count?: number | string }[]) =>
      Object.fromEntries(list.map((r) => [`${r.list_kind}:${r.list_id}`, Number(r.n ?? r.count)]).filter(([, c]) => c !== 0));
    expect(byKey(counts)).toEqual(byKey(truth));
    expect(byKey(counts)[`tag:${n.ports.id}`]).toBe(8);

    // A later run finds nothing left to do.
    expect(await publishDueArticles({ db: t.db, clock, events: seed })).toEqual([]);
  });

  it('publishes what fell due while no process ran (after a restart)', async () => {
    const saved = await saveArticle({ db: t.db, clock, events: seed }, articleInput(n, { slug: 'while-down', status: 'published', publishedAt: new Date('2026-11-20T14:00:00Z') }));
    clock.set('2026-11-22T08:00:00.000Z'); // the site was down for two days
    const other = openAnother(t);
    try {
      expect(await publishDueArticles({ db: other.db, clock, events: seed })).toContain(saved.id);
    } finally {
      await other.close();
    }
  });
});
