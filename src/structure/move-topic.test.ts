import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Actor, SYSTEM_ACTOR } from '../accounts/index.js';
import { createPage, listSizes } from '../content/index.js';
import { listRedirects } from '../redirects/index.js';
import { ForbiddenError, ValidationError } from '../shared/errors.js';
import { createTopic, findTopicById } from '../taxonomy/index.js';
import { createNewsroom, type Newsroom, publishArticle } from '../../test/factories.js';
import { createTestApp, type TestApp } from '../../test/test-app.js';
import { testDialects } from '../../test/test-db.js';
import type { DomainEvent } from '../shared/domain-events.js';
import { deleteTopic } from './delete-topic.js';
import { editTopic, moveTopic } from './move-topic.js';

const editor: Actor = { id: 'editor-1', role: 'editor' };
const ORIGIN = 'https://news.example.org';

describe.each(testDialects)('moving a topic on %s', (dialect) => {
  let t: TestApp;
  let n: Newsroom;
  const deps = () => ({ db: t.db, clock: t.clock, events: t.events });
  const get = (path: string) => t.app.request(`${ORIGIN}${path}`);
  const locationOf = async (path: string) => {
    const res = await get(path);
    return `${res.status} ${res.headers.get('location')?.replace(ORIGIN, '') ?? ''}`.trim();
  };
  const topicPageText = async (path: string) => {
    const res = await get(path);
    expect(res.status, path).toBe(200);
    return res.text();
  };

  beforeAll(async () => {
    t = await createTestApp(dialect, { PAGE_CACHE: 'off' });
    n = await createNewsroom(t.db, t.clock, t.events);
    await publishArticle(deps(), n, { slug: 'talks-resume', title: 'Talks resume over the crossings' });
    await publishArticle(deps(), n, { slug: 'convoy-schedule', title: 'Convoys follow a new schedule', publishedAt: new Date('2026-11-05T09:00:00Z') });
    // Filed under Northern Front and directly under World: it stays on World's list whatever Levant does.
    await publishArticle(deps(), n, { slug: 'regional-overview', title: 'A regional overview', topicIds: [n.front.id, n.world.id] });
    await publishArticle(deps(), n, { slug: 'draft-note', title: 'An unpublished note', status: 'draft' });
    await createPage(deps(), SYSTEM_ACTOR, { slug: 'about', title: 'About us', body: '<p>Who we are.</p>' });
  });
  afterAll(() => t.destroy());

  it('moves Levant and its subtree under Economy: every old URL answers 301 to the new, the lists follow', async () => {
    const heard: DomainEvent[] = [];
    const stop = t.events.subscribe((e) => void heard.push(e));
    const before = await listSizes(t.db, 'topic');
    expect(before.get(n.world.id)).toBe(3);
    expect(before.get(n.economy.id) ?? 0).toBe(0);

    const moved = await moveTopic(deps(), editor, n.levant.id, { parentId: n.economy.id, slug: 'levant' });
    stop();
    expect(moved).toMatchObject({ path: 'economy/levant', depth: 1, parentId: n.economy.id });
    expect(await findTopicById(t.db, n.front.id)).toMatchObject({ path: 'economy/levant/northern-front', depth: 2 });

    // Every old URL: the topics, their feeds, the articles.
    expect(await locationOf('/world/levant/')).toBe('301 /economy/levant/');
    expect(await locationOf('/world/levant/northern-front/')).toBe('301 /economy/levant/northern-front/');
    expect(await locationOf('/world/levant/feed/')).toBe('301 /economy/levant/feed/');
    expect(await locationOf('/world/levant/northern-front/feed/atom/')).toBe('301 /economy/levant/northern-front/feed/atom/');
    for (const slug of ['talks-resume', 'convoy-schedule', 'regional-overview']) {
      expect(await locationOf(`/world/levant/northern-front/${slug}/`)).toBe(`301 /economy/levant/northern-front/${slug}/`);
      expect((await get(`/economy/levant/northern-front/${slug}/`)).status).toBe(200);
    }
    expect((await get('/economy/levant/northern-front/')).status).toBe(200);

    // The lists: the new ancestors show the articles, the old one only what is still filed under it.
    const economy = await topicPageText('/economy/');
    expect(economy).toContain('Talks resume over the crossings');
    expect(economy).toContain('Convoys follow a new schedule');
    const world = await topicPageText('/world/');
    expect(world).not.toContain('Talks resume over the crossings');
    expect(world).not.toContain('Convoys follow a new schedule');
    expect(world).toContain('A regional overview');
    const after = await listSizes(t.db, 'topic');
    expect(after.get(n.world.id)).toBe(1);
    expect(after.get(n.economy.id)).toBe(3);
    expect(after.get(n.levant.id)).toBe(3);
    expect(after.get(n.front.id)).toBe(3);
    // The stored sizes are what the entries say.
    for (const [id, size] of after) {
      const { c } = await t.db.selectFrom('article_listings').select((eb) => eb.fn.countAll<number>().as('c')).where('list_kind', '=', 'topic').where('list_id', '=', id).executeTakeFirstOrThrow();
      expect(Number(c), id).toBe(size);
    }

    // One event names what changed, for the page cache.
    const changed = heard.find((e) => e.type === 'topic.changed');
    expect(changed).toMatchObject({ type: 'topic.changed', topicId: n.levant.id, isUrlChanged: true, isInNavigation: false });
    if (changed?.type !== 'topic.changed' || !changed.move) throw new Error('no move in the event');
    expect(changed.move.subtreeTopicIds.sort()).toEqual([n.levant.id, n.front.id].sort());
    expect(changed.move.parentIds.sort()).toEqual([n.world.id, n.economy.id].sort());
    expect(changed.move.refiledListIds.sort()).toEqual([n.world.id, n.economy.id].sort());
    expect(changed.move.articleIds).toHaveLength(3);
  });

  it('moves it back: the redirects that would hide the live paths go, the others point at the new ones', async () => {
    await moveTopic(deps(), editor, n.levant.id, { parentId: n.world.id, slug: 'levant' });
    expect((await get('/world/levant/')).status).toBe(200);
    expect(await locationOf('/economy/levant/')).toBe('301 /world/levant/');
    expect(await locationOf('/economy/levant/northern-front/talks-resume/')).toBe('301 /world/levant/northern-front/talks-resume/');
    const rows = (await listRedirects(t.db, { limit: 50, offset: 0 })).items;
    expect(rows.map((r) => `${r.fromPath} → ${r.toPath}`).sort()).toEqual(['/economy/levant/ → /world/levant/', '/economy/levant/northern-front/ → /world/levant/northern-front/']);
    expect((await listSizes(t.db, 'topic')).get(n.world.id)).toBe(3);
    expect((await listSizes(t.db, 'topic')).get(n.economy.id) ?? 0).toBe(0);
  });

  it('renames a slug through the same move: old URL 301s, no chains after a second rename', async () => {
    await editTopic(deps(), editor, n.front.id, { parentId: n.levant.id, slug: 'front-line', name: 'Front Line', kind: 'organization', aliases: ['FL'] });
    await editTopic(deps(), editor, n.front.id, { parentId: n.levant.id, slug: 'the-front', name: 'The Front', kind: 'organization' });
    expect(await locationOf('/world/levant/northern-front/')).toBe('301 /world/levant/the-front/');
    expect(await locationOf('/world/levant/front-line/')).toBe('301 /world/levant/the-front/');
    expect(await findTopicById(t.db, n.front.id)).toMatchObject({ name: 'The Front', aliases: ['FL'] });
    await editTopic(deps(), editor, n.front.id, { parentId: n.levant.id, slug: 'northern-front', name: 'Northern Front', kind: 'organization' });
    expect((await get('/world/levant/northern-front/')).status).toBe(200);
  });

  it('refuses a move under the topic itself or below it, naming the field', async () => {
    await expect(moveTopic(deps(), editor, n.levant.id, { parentId: n.front.id, slug: 'levant' })).rejects.toMatchObject({ fields: { parentId: expect.stringMatching(/under itself or one of its own subtopics/) } });
    await expect(moveTopic(deps(), editor, n.levant.id, { parentId: n.levant.id, slug: 'levant' })).rejects.toBeInstanceOf(ValidationError);
    expect(await findTopicById(t.db, n.levant.id)).toMatchObject({ path: 'world/levant' });
  });

  it('refuses a slug taken in the new place, suggesting a free one, and reserved or page slugs at the top level', async () => {
    await createTopic(deps(), editor, { slug: 'crossings', name: 'Crossings', kind: 'place', parentId: n.economy.id });
    await expect(moveTopic(deps(), editor, n.levant.id, { parentId: n.economy.id, slug: 'crossings' })).rejects.toMatchObject({
      fields: { slug: 'a topic already lives at /economy/crossings/; try "crossings-2"' },
    });
    // A redirect left by the first move answers at /economy/levant/: a new topic there would be hidden.
    await expect(createTopic(deps(), editor, { slug: 'levant', name: 'Levant', kind: 'place', parentId: n.economy.id })).rejects.toMatchObject({
      fields: { slug: expect.stringMatching(/a redirect answers for \/economy\/levant\//) },
    });
    await expect(moveTopic(deps(), editor, n.levant.id, { parentId: null, slug: 'admin' })).rejects.toMatchObject({ fields: { slug: expect.stringMatching(/reserved/) } });
    await expect(moveTopic(deps(), editor, n.levant.id, { parentId: null, slug: 'about' })).rejects.toMatchObject({ fields: { slug: expect.stringMatching(/a page already lives at \/about\/; try "about-2"/) } });
    expect(await findTopicById(t.db, n.levant.id)).toMatchObject({ path: 'world/levant' });
  });

  it('moves a topic to the top level', async () => {
    await moveTopic(deps(), editor, n.front.id, { parentId: null, slug: 'northern-front' });
    expect(await locationOf('/world/levant/northern-front/talks-resume/')).toBe('301 /northern-front/talks-resume/');
    expect((await listSizes(t.db, 'topic')).get(n.levant.id) ?? 0).toBe(0);
    expect((await listSizes(t.db, 'topic')).get(n.world.id)).toBe(1);
    await moveTopic(deps(), editor, n.front.id, { parentId: n.levant.id, slug: 'northern-front' });
    expect((await listSizes(t.db, 'topic')).get(n.world.id)).toBe(3);
  });

  it('holds the role in the use case: an author may not move or edit topics', async () => {
    const author: Actor = { id: n.ben.id, role: 'author' };
    await expect(moveTopic(deps(), author, n.levant.id, { parentId: n.economy.id, slug: 'levant' })).rejects.toBeInstanceOf(ForbiddenError);
    await expect(deleteTopic(deps(), author, n.economy.id)).rejects.toBeInstanceOf(ForbiddenError);
  });

  it('deletes only a topic no article uses and with no subtopics, naming the count', async () => {
    await expect(deleteTopic(deps(), editor, n.front.id)).rejects.toThrow('Northern Front cannot be deleted: 4 articles are filed under it. Move them to another topic first.');
    await expect(deleteTopic(deps(), editor, n.world.id)).rejects.toThrow(/1 article is filed under it/);
    const lone = await createTopic(deps(), editor, { slug: 'lone', name: 'Lone', kind: 'theme', parentId: n.economy.id });
    await expect(deleteTopic(deps(), editor, n.economy.id)).rejects.toThrow(/has 2 subtopics/);
    await deleteTopic(deps(), editor, lone.id);
    expect(await findTopicById(t.db, lone.id)).toBeNull();
  });
});
