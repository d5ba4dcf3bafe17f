import { SYSTEM_ACTOR } from '../accounts/index.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createNewsroom, type Newsroom, articleInput } from '../../test/factories.js';
import { createTestDb, type TestDb, testDialects } from '../../test/test-db.js';
import { fixedClock } from '../shared/clock.js';
import { ValidationError } from '../shared/errors.js';
import { EventBus } from '../shared/events.js';
import { createTopic } from '../taxonomy/index.js';
import type { DomainEvent } from '../shared/domain-events.js';
import { loadArticlePage } from '../site/pages/load-article-page.js';
import { resolvePublicPath } from '../site/pages/resolve-public-path.js';
import { MovedError, NotFoundError } from '../shared/errors.js';
import { loadTopicPage } from '../site/pages/load-list-pages.js';
import { saveArticle } from './save-article.js';
import { publishDueArticles } from './write-article.js';

describe.each(testDialects)('saving articles on %s', (dialect) => {
  let t: TestDb;
  let n: Newsroom;
  const clock = fixedClock('2026-11-20T12:00:00.000Z');
  const events = new EventBus<DomainEvent>();
  const seen: DomainEvent[] = [];
  events.subscribe((e) => {
    seen.push(e);
  });
  const deps = () => ({ db: t.db, clock, events });
  /** The article a reader finds at /<topicPath>/<slug>/, as the site resolves it. */
  const articleAt = async (topicPath: string, slug: string) => {
    const found = await resolvePublicPath(t.db, [...topicPath.split('/'), slug]);
    if (found.kind === 'moved') throw new MovedError(found.location);
    if (found.kind !== 'article') throw new NotFoundError('article', slug);
    return loadArticlePage(t.db, found.articleId, found.primaryTopicPath);
  };

  beforeAll(async () => {
    t = await createTestDb(dialect);
    n = await createNewsroom(t.db, clock);
  });
  afterAll(() => t.destroy());

  it('stores no script, whoever writes it, and keeps the words', async () => {
    const saved = await saveArticle(deps(), articleInput(n, { slug: 'hostile', body: '<p>Fine <script>alert(1)</script><img src="x" onerror="alert(2)"> words</p><iframe src="https://x.example"></iframe>' }));
    const page = await articleAt('world/levant/northern-front', saved.slug);
    expect(page.article.body).not.toMatch(/script|onerror|iframe/);
    expect(page.article.body).toContain('Fine');
    expect(page.article.body).toContain('words');
  });

  it('names what is wrong and what is missing', async () => {
    await expect(saveArticle(deps(), articleInput(n, { title: '   ' }))).rejects.toThrow(ValidationError);
    await expect(saveArticle(deps(), articleInput(n, { authorIds: ['nobody'] }))).rejects.toThrow(/unknown author/);
    await expect(saveArticle(deps(), articleInput(n, { slug: 'hostile' }))).rejects.toThrow(/already uses the slug "hostile"/);
    await expect(saveArticle(deps(), articleInput(n, { status: 'scheduled', publishedAt: null }))).rejects.toThrow(/scheduled article needs a publish time/);
  });

  it('schedules a publish time in the future and publishes it when the time comes, announcing it', async () => {
    const saved = await saveArticle(deps(), articleInput(n, { slug: 'embargoed', status: 'published', publishedAt: new Date('2026-11-21T06:00:00Z') }));
    expect(saved.status).toBe('scheduled');
    await expect(articleAt('world/levant/northern-front', 'embargoed')).rejects.toThrow(/not found/);
    seen.length = 0;
    clock.set('2026-11-21T06:00:30.000Z');
    expect(await publishDueArticles(deps())).toEqual([saved.id]);
    const page = await articleAt('world/levant/northern-front', 'embargoed');
    expect(page.article.title).toBe('Talks resume over the northern crossings');
    const event = seen.find((e) => e.type === 'article.changed');
    expect(event).toMatchObject({ type: 'article.changed', articleId: saved.id, wasPublic: false, isPublic: true });
    // Filed under the topic and its ancestors, so their list pages drop from the cache.
    expect(event?.type === 'article.changed' && event.topicIds).toEqual(expect.arrayContaining([n.front.id, n.levant.id, n.world.id]));
  });

  it('lists an article under its topic and every ancestor, and moves it when the topic changes', async () => {
    const saved = await saveArticle(deps(), articleInput(n, { slug: 'moving-story', title: 'A story that moves' }));
    const titles = async (path: string) => (await loadTopicPage(t.db, path, 1)).articles.items.map((a) => a.title);
    expect(await titles('world')).toContain('A story that moves');
    expect(await titles('world/levant')).toContain('A story that moves');
    await saveArticle(deps(), articleInput(n, { slug: 'moving-story', title: 'A story that moves', primaryTopicId: n.economy.id, topicIds: [n.economy.id] }), { articleId: saved.id });
    expect(await titles('world')).not.toContain('A story that moves');
    expect(await titles('economy')).toContain('A story that moves');
    // The old URL now answers with the new one.
    await expect(articleAt('world/levant/northern-front', 'moving-story')).rejects.toMatchObject({ location: '/economy/moving-story/' });
  });

  it('refuses a top-level topic on a reserved segment', async () => {
    await expect(createTopic(deps(), SYSTEM_ACTOR, { slug: 'admin', name: 'Admin', kind: 'theme' })).rejects.toThrow(/reserved/);
    await expect(createTopic(deps(), SYSTEM_ACTOR, { slug: 'feed', name: 'Feed', kind: 'theme' })).rejects.toThrow(/reserved/);
    // Below the top level "admin" is an ordinary slug; "feed" never is: every list's feed lives there.
    await expect(createTopic(deps(), SYSTEM_ACTOR, { slug: 'admin', name: 'Admin', kind: 'theme', parentId: n.economy.id })).resolves.toMatchObject({ path: 'economy/admin' });
    await expect(createTopic(deps(), SYSTEM_ACTOR, { slug: 'feed', name: 'Feed', kind: 'theme', parentId: n.economy.id })).rejects.toThrow(/reserved/);
    await expect(saveArticle(deps(), articleInput(n, { slug: 'feed' }))).rejects.toThrow(/reserved/);
  });
});
