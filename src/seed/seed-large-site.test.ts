import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createTestDb, type TestDb, testDialects } from '../../test/test-db.js';
import { generateDemoSite } from '../demo/index.js';
import { LONG_TAIL_TOPICS } from '../demo/large-site-topics.js';
import { fixedClock } from '../shared/clock.js';
import type { DomainEvent } from '../shared/domain-events.js';
import { EventBus } from '../shared/events.js';
import { seedDemoSite } from './seed-demo-site.js';
import { seedLargeSite } from './seed-large-site.js';

describe.each(testDialects)('the large-site seed on %s', (dialect) => {
  let t: TestDb;
  const mediaDir = fs.mkdtempSync(path.join(os.tmpdir(), 'dossier-large-'));
  afterAll(async () => {
    await t?.destroy();
    fs.rmSync(mediaDir, { recursive: true, force: true });
  });

  it('saves generated articles as an editor would: sanitized, with revisions, lists, comment counts and related lists', async () => {
    t = await createTestDb(dialect);
    const clock = fixedClock('2026-11-20T12:00:00.000Z');
    const deps = { db: t.db, clock, events: new EventBus<DomainEvent>() };
    const site = generateDemoSite(clock.now());
    const seeded = await seedDemoSite({ ...deps, mediaDir }, site);
    await seedLargeSite(deps, site, seeded, { count: 60, workers: 2, batchSize: 25 });

    const { db } = t;
    const total = site.articles.length + 60;
    const count = async (table: 'articles' | 'article_revisions' | 'comments') =>
      Number((await db.selectFrom(table).select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
    expect(await count('articles')).toBe(total);
    expect(await count('article_revisions')).toBe(total);
    // Comment counts shown on cards equal the approved comments stored.
    const counts = await db.selectFrom('articles').select(['id', 'comment_count']).execute();
    const approved = await db
      .selectFrom('comments')
      .select(['article_id', (eb) => eb.fn.countAll().as('n')])
      .where('status', '=', 'approved')
      .groupBy('article_id')
      .execute();
    const approvedOf = new Map(approved.map((r) => [r.article_id, Number(r.n)]));
    expect(counts.filter((a) => a.comment_count > 0).length).toBeGreaterThan(20);
    for (const a of counts) expect(a.comment_count, a.id).toBe(approvedOf.get(a.id) ?? 0);
    // Stored list sizes equal their entries.
    const stored = await db.selectFrom('list_counts').selectAll().execute();
    const truth = await db
      .selectFrom('article_listings')
      .select(['list_kind', 'list_id', (eb) => eb.fn.countAll().as('n')])
      .groupBy(['list_kind', 'list_id'])
      .execute();
    const byKey = (rows: { list_kind: string; list_id: string; n?: unknown; count?: unknown }[]) =>
      Object.fromEntries(rows.map((r) => [`${r.list_kind}:${r.list_id}`, Number(r.n ?? r.count)]));
    expect(byKey(stored)).toEqual(byKey(truth));
    // Bodies went through the sanitizer and its image expansion, and every article has related ones.
    const pictured = await db.selectFrom('articles').select('id').where('body', 'like', '%<picture><source type="image/webp"%').execute();
    expect(pictured.length).toBeGreaterThan(10);
    const withRelated = await db.selectFrom('article_related').select('article_id').distinct().execute();
    expect(withRelated).toHaveLength(total);
    // The long tail of small topics is there, under its parents, with its aliases.
    const tail = await db.selectFrom('topics').select(['slug', 'aliases', 'parent_id']).where('slug', 'in', LONG_TAIL_TOPICS.map((topic) => topic.slug)).execute();
    expect(tail.map((topic) => topic.slug).sort()).toEqual(LONG_TAIL_TOPICS.map((topic) => topic.slug).sort());
    for (const topic of tail) expect(topic.parent_id).not.toBeNull();
    expect(JSON.parse(tail.find((topic) => topic.slug === 'calvane-fisheries-authority')!.aliases)).toEqual(['CFA', 'C.F.A.', 'Fisheries Authority']);
  }, 120_000);
});
