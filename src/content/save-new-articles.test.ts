import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { articleInput, createNewsroom, type Newsroom } from '../../test/factories.js';
import { createTestDb, type TestDb, testDialects } from '../../test/test-db.js';
import { type MediaImage, storeDrawnImage } from '../media/index.js';
import { fixedClock } from '../shared/clock.js';
import type { DomainEvent } from '../shared/domain-events.js';
import { ValidationError } from '../shared/errors.js';
import { EventBus } from '../shared/events.js';
import type { ArticleInput } from './article.schema.js';
import { saveArticle } from './save-article.js';
import { saveNewArticles } from './save-new-articles.js';

const SVG = '<svg xmlns="http://www.w3.org/2000/svg" width="1600" height="900"><rect width="1600" height="900" fill="#357"/></svg>';

/** Every table a save writes, in an order that does not depend on ids. */
const TABLES = ['articles', 'article_authors', 'article_topics', 'article_tags', 'article_revisions', 'article_listings', 'list_counts'] as const;

/** A newsroom in a database of its own, with an image in its media library. */
interface Site {
  t: TestDb;
  n: Newsroom;
  image: MediaImage;
  events: DomainEvent[];
  deps: () => { db: TestDb['db']; clock: ReturnType<typeof fixedClock>; events: EventBus<DomainEvent> };
}

/** Articles of every kind a save distinguishes: statuses, schedules, slugs, excerpts, sources, images, hostile markup. */
function inputsFor({ n, image }: Site): ArticleInput[] {
  const base = (overrides: Partial<ArticleInput>) => articleInput(n, overrides);
  return [
    base({ slug: 'talks-resume' }),
    base({ slug: 'two-authors', authorIds: [n.ben.id, n.ana.id], tagIds: [n.ports.id, n.ceasefire.id], topicIds: [n.front.id, n.economy.id] }),
    base({ title: 'A slug from the title, please', dek: '', excerpt: '' }),
    base({ slug: 'editor-excerpt', excerpt: 'The editor wrote this excerpt.', publishedAt: new Date('2026-10-01T08:00:00Z') }),
    base({ slug: 'a-draft', status: 'draft', publishedAt: null }),
    base({ slug: 'pending-review', status: 'pending' }),
    base({ slug: 'withdrawn-one', status: 'withdrawn' }),
    base({ slug: 'embargoed', status: 'published', publishedAt: new Date('2026-12-01T06:00:00Z') }),
    base({ slug: 'scheduled-in-the-past', status: 'scheduled', publishedAt: new Date('2026-11-19T06:00:00Z') }),
    base({ slug: 'scheduled-ahead', status: 'scheduled', publishedAt: new Date('2026-11-25T06:00:00Z') }),
    base({ slug: 'published-now', publishedAt: null }),
    base({
      slug: 'economy-with-source',
      primaryTopicId: n.economy.id,
      topicIds: [],
      tagIds: [],
      isFeatured: true,
      commentsOpen: false,
      seoTitle: 'Ports reopen',
      seoDescription: 'Why the ports reopened.',
      source: { outlet: 'The Wire', author: 'R. Roe', country: 'Lebanon', url: 'https://wire.example/ports', isCanonical: true },
    }),
    base({
      slug: 'with-pictures',
      featuredMediaId: image.id,
      body: `<h2>Maps</h2><figure><img src="${image.url}" alt="The crossing"><figcaption>At dawn</figcaption></figure><h2>Maps</h2><h3>Detail</h3><p>Words.</p>`,
    }),
    base({
      slug: 'hostile-markup',
      body: '<p>Fine <script>alert(1)</script><img src="x" onerror="alert(2)"> words</p><iframe src="https://x.example"></iframe><a href="javascript:alert(3)">link</a>',
    }),
  ];
}

describe.each(testDialects)('saving new articles in bulk on %s', (dialect) => {
  const clock = fixedClock('2026-11-20T12:00:00.000Z');
  const mediaDir = fs.mkdtempSync(path.join(os.tmpdir(), 'dossier-bulk-media-'));
  const sites: Site[] = [];
  const open = async (): Promise<Site> => {
    const t = await createTestDb(dialect);
    const n = await createNewsroom(t.db, clock);
    const image = await storeDrawnImage(t.db, clock, mediaDir, SVG, { width: 1600, height: 900 }, { alt: 'A crossing' });
    const bus = new EventBus<DomainEvent>();
    const site: Site = { t, n, image, events: [], deps: () => ({ db: t.db, clock, events: bus }) };
    bus.subscribe((e) => {
      site.events.push(e);
    });
    sites.push(site);
    return site;
  };
  afterAll(async () => {
    for (const site of sites) await site.t.destroy();
    fs.rmSync(mediaDir, { recursive: true, force: true });
  });

  /** The site's rows with its ids replaced by names (ids differ between two databases), sorted. */
  const rowsOf = async (site: Site) => {
    const names = new Map<string, string>([
      ...Object.entries(site.n).map(([name, entity]) => [entity.id, `<${name}>`] as const),
      [site.image.id, '<image>'],
    ]);
    for (const a of await site.t.db.selectFrom('articles').select(['id', 'slug']).execute()) names.set(a.id, `<article ${a.slug}>`);
    const normalize = (value: unknown): unknown => {
      if (typeof value !== 'string') return value;
      let text = value;
      for (const [id, name] of names) text = text.replaceAll(id, name);
      return text;
    };
    const result = {} as Record<(typeof TABLES)[number] | 'events', string[]>;
    for (const table of TABLES) {
      const rows = (await site.t.db.selectFrom(table).selectAll().execute()) as Record<string, unknown>[];
      result[table] = rows
        // A revision's own id is new on every save; what it records is compared.
        .map((row) => Object.fromEntries(Object.entries(row).filter(([k]) => !(table === 'article_revisions' && k === 'id')).map(([k, v]) => [k, normalize(v)])))
        .map((row) => JSON.stringify(row))
        .sort();
    }
    const events = site.events.map((e) =>
      JSON.stringify(e, (key, v: unknown) => (Array.isArray(v) ? v.map(normalize).sort() : normalize(v))),
    );
    result.events = events.sort();
    return result;
  };

  it('writes the same rows and announces the same changes as saving each article on its own', async () => {
    const one = await open();
    const bulk = await open();
    for (const input of inputsFor(one)) await saveArticle(one.deps(), input, { updatedAt: input.slug === 'editor-excerpt' ? new Date('2026-10-02T08:00:00Z') : undefined });
    const saved = await saveNewArticles(
      bulk.deps(),
      inputsFor(bulk).map((input) => ({ input, updatedAt: input.slug === 'editor-excerpt' ? new Date('2026-10-02T08:00:00Z') : undefined })),
    );

    expect(saved.map((s) => s.slug)).toEqual(inputsFor(bulk).map((i) => i.slug ?? 'a-slug-from-the-title-please'));
    expect(saved.find((s) => s.slug === 'embargoed')?.status).toBe('scheduled');
    expect(saved.find((s) => s.slug === 'scheduled-in-the-past')?.status).toBe('published');
    const [expected, actual] = [await rowsOf(one), await rowsOf(bulk)];
    for (const table of [...TABLES, 'events'] as const) expect(actual[table], table).toEqual(expected[table]);
    // Not equal by being empty: every table has rows, and the counts are those of the lists.
    for (const table of TABLES) expect(actual[table].length, table).toBeGreaterThan(0);
    expect(actual.article_revisions).toHaveLength(inputsFor(bulk).length);
    expect(actual.list_counts).toContain(JSON.stringify({ list_kind: 'topic', list_id: '<world>', count: 8 }));
  });

  it('stores bodies sanitized, with the same anchors and pictures', async () => {
    const site = sites[1]!;
    const row = await site.t.db.selectFrom('articles').select(['body', 'excerpt']).where('slug', '=', 'hostile-markup').executeTakeFirstOrThrow();
    expect(row.body).not.toMatch(/script|onerror|iframe|javascript:/);
    expect(row.body).toContain('Fine');
    expect(row.body).toContain('words');
    const pictured = await site.t.db.selectFrom('articles').select(['body', 'toc']).where('slug', '=', 'with-pictures').executeTakeFirstOrThrow();
    expect(pictured.body).toContain('<picture><source type="image/webp"');
    expect(JSON.parse(pictured.toc)).toEqual([
      { id: 'maps', text: 'Maps', level: 2 },
      { id: 'maps-2', text: 'Maps', level: 2 },
      { id: 'detail', text: 'Detail', level: 3 },
    ]);
  });

  it('announces each article after commit, once', async () => {
    const site = await open();
    const seen: { articleId: string; isStored: boolean; listings: number }[] = [];
    // The subscriber reads through the pool, not the transaction: it sees only committed rows.
    const bus = new EventBus<DomainEvent>();
    bus.subscribe(async (e) => {
      if (e.type !== 'article.changed') return;
      const stored = await site.t.db.selectFrom('articles').select('id').where('id', '=', e.articleId).executeTakeFirst();
      const listed = await site.t.db.selectFrom('article_listings').select('list_id').where('article_id', '=', e.articleId).execute();
      seen.push({ articleId: e.articleId, isStored: stored !== undefined, listings: listed.length });
    });
    const saved = await saveNewArticles({ db: site.t.db, clock, events: bus }, [
      { input: articleInput(site.n, { slug: 'first' }) },
      { input: articleInput(site.n, { slug: 'second', status: 'draft' }) },
    ]);
    expect(seen).toEqual([
      { articleId: saved[0]!.id, isStored: true, listings: 5 }, // front, levant, world, ceasefire, ana
      { articleId: saved[1]!.id, isStored: true, listings: 0 },
    ]);
    site.events.length = 0;
    await saveNewArticles(site.deps(), [{ input: articleInput(site.n, { slug: 'quiet' }) }], { announce: 'none' });
    expect(site.events).toEqual([]);
    expect(await site.t.db.selectFrom('articles').select('id').where('slug', '=', 'quiet').executeTakeFirst()).toBeDefined();
  });

  it('saves nothing when any item is invalid, and names the items by index and slug', async () => {
    const site = sites[2]!;
    const { n } = site;
    const count = async (table: (typeof TABLES)[number]) =>
      Number((await site.t.db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
    const before = await Promise.all(TABLES.map(count));
    site.events.length = 0;
    const attempt = saveNewArticles(site.deps(), [
      { input: articleInput(n, { slug: 'fine-one' }) },
      { input: articleInput(n, { slug: 'lost-topic', topicIds: ['no-such-topic'] }) },
      { input: articleInput(n, { slug: 'fine-two' }) },
      { input: articleInput(n, { slug: 'untitled', title: '  ' }) },
      { input: articleInput(n, { slug: 'first' }) }, // stored by the previous test
      { input: articleInput(n, { slug: 'fine-two' }) },
    ]);
    await expect(attempt).rejects.toThrow(ValidationError);
    await expect(attempt).rejects.toThrow(
      /4 of 6 articles are invalid, so none was saved: article 1 \("lost-topic"\): the article refers to unknown topic; article 3 \("untitled"\): invalid article: title: .*; article 4 \("first"\): another article already uses the slug "first"; and 1 more/,
    );
    await expect(attempt).rejects.toMatchObject({
      fields: { '1.topicIds': 'unknown topic', '3.title': expect.any(String), '4.slug': 'taken', '5.slug': 'taken' },
    });
    expect(await Promise.all(TABLES.map(count))).toEqual(before);
    expect(site.events).toEqual([]);
  });

  it('writes batches larger than one statement holds', async () => {
    const site = await open();
    const { n } = site;
    const inputs = Array.from({ length: 1100 }, (_, i) => ({
      input: articleInput(n, {
        slug: `brief-${i}`,
        body: `<p>Brief number ${i}.</p>`,
        authorIds: [n.ana.id, n.ben.id],
        tagIds: [n.ports.id, n.ceasefire.id],
        topicIds: [n.front.id, n.economy.id],
        publishedAt: new Date(Date.UTC(2026, 0, 1 + (i % 300))),
      }),
    }));
    await saveNewArticles(site.deps(), inputs, { announce: 'none' });
    const counts = await site.t.db.selectFrom('list_counts').selectAll().execute();
    const truth = await site.t.db
      .selectFrom('article_listings')
      .select(['list_kind', 'list_id', (eb) => eb.fn.countAll<number>().as('count')])
      .groupBy(['list_kind', 'list_id'])
      .execute();
    const byKey = (rows: { list_kind: string; list_id: string; count: number | string }[]) =>
      Object.fromEntries(rows.map((r) => [`${r.list_kind}:${r.list_id}`, Number(r.count)]));
    expect(byKey(counts)).toEqual(byKey(truth));
    expect(byKey(counts)[`topic:${n.world.id}`]).toBe(1100);
    const revisions = Number((await site.t.db.selectFrom('article_revisions').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
    expect(revisions).toBe(1100);
  });
});
