import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../accounts/index.js';
import { listSizes } from '../content/index.js';
import { relatedArticleIds } from '../related/index.js';
import { ForbiddenError } from '../shared/errors.js';
import { createTag, findTagById, findTagBySlug } from '../taxonomy/index.js';
import { createNewsroom, type Newsroom, publishArticle } from '../../test/factories.js';
import { createTestApp, type TestApp } from '../../test/test-app.js';
import { testDialects } from '../../test/test-db.js';
import { deleteTag, mergeTags, renameTag } from './tag-structure.js';

const editor: Actor = { id: 'editor-1', role: 'editor' };
const ORIGIN = 'https://news.example.org';

describe.each(testDialects)('tags on %s', (dialect) => {
  let t: TestApp;
  let n: Newsroom;
  const deps = () => ({ db: t.db, clock: t.clock, events: t.events });
  const get = (path: string) => t.app.request(`${ORIGIN}${path}`);
  const locationOf = async (path: string) => {
    const res = await get(path);
    return `${res.status} ${res.headers.get('location')?.replace(ORIGIN, '') ?? ''}`.trim();
  };
  const tagsOf = async (articleId: string) =>
    (await t.db.selectFrom('article_tags').select('tag_id').where('article_id', '=', articleId).execute()).map((r) => r.tag_id).sort();

  beforeAll(async () => {
    t = await createTestApp(dialect, { PAGE_CACHE: 'off' });
    n = await createNewsroom(t.db, t.clock, t.events);
  });
  afterAll(() => t.destroy());

  it('merges A into B: A’s articles carry B once, B’s list holds them all, A is gone and its URLs answer 301', async () => {
    const onlyA = await publishArticle(deps(), n, { slug: 'truce-holds', title: 'The truce holds', tagIds: [n.ceasefire.id] });
    const both = await publishArticle(deps(), n, { slug: 'ports-reopen', title: 'Ports reopen under the truce', tagIds: [n.ceasefire.id, n.ports.id] });
    const onlyB = await publishArticle(deps(), n, { slug: 'tariffs', title: 'Tariffs rise', tagIds: [n.ports.id] });
    const draft = await publishArticle(deps(), n, { slug: 'draft-truce', title: 'A draft about the truce', status: 'draft', tagIds: [n.ceasefire.id] });

    const merged = await mergeTags(deps(), editor, { fromTagId: n.ceasefire.id, intoTagId: n.ports.id });
    expect(merged.articleIds.sort()).toEqual([onlyA.id, both.id, draft.id].sort());
    expect(await findTagById(t.db, n.ceasefire.id)).toBeNull();
    for (const a of [onlyA, both, onlyB, draft]) expect(await tagsOf(a.id), a.slug).toEqual([n.ports.id]);
    expect((await listSizes(t.db, 'tag')).get(n.ports.id)).toBe(3);
    expect((await listSizes(t.db, 'tag')).has(n.ceasefire.id)).toBe(false);

    expect(await locationOf('/tag/ceasefire/')).toBe('301 /tag/ports/');
    expect(await locationOf('/tag/ceasefire/feed/')).toBe('301 /tag/ports/feed/');
    expect(await locationOf('/tag/ceasefire/feed/json/')).toBe('301 /tag/ports/feed/json/');
    const page = await (await get('/tag/ports/')).text();
    for (const title of ['The truce holds', 'Ports reopen under the truce', 'Tariffs rise']) expect(page).toContain(title);
    expect(page).not.toContain('A draft about the truce');
    // The article page names the tag it now carries.
    expect(await (await get('/world/levant/northern-front/truce-holds/')).text()).toContain('href="/tag/ports/"');
  });

  it('recomputes the related lists of the kept tag’s articles: a shared tag now counts', async () => {
    const kept = await createTag(deps(), editor, { slug: 'water-rights', name: 'Water rights' });
    const merged = await createTag(deps(), editor, { slug: 'water-law', name: 'Water law' });
    const text = { title: 'The reservoir quota dispute', dek: 'Upstream towns and the quota.', body: '<p>The reservoir quota divides the upstream towns and the delta farms.</p>' };
    const subject = await publishArticle(deps(), n, { ...text, slug: 'quota-subject', tagIds: [kept.id], publishedAt: new Date('2026-11-12T09:00:00Z') });
    // The untagged one is closer in words (by 0.05 of relevance) and leads until the merge; a shared tag weighs 0.15.
    const tagged = await publishArticle(deps(), n, { ...text, slug: 'quota-tagged', body: `${text.body}<p>Engineers measured the spillway again.</p>`, tagIds: [merged.id], publishedAt: new Date('2026-11-09T09:00:00Z') });
    const untagged = await publishArticle(deps(), n, { ...text, slug: 'quota-untagged', tagIds: [], publishedAt: new Date('2026-11-11T09:00:00Z') });
    const order = async () => (await relatedArticleIds(t.db, subject.id)).filter((id) => id === tagged.id || id === untagged.id);
    expect(await order()).toEqual([untagged.id, tagged.id]);
    await mergeTags(deps(), editor, { fromTagId: merged.id, intoTagId: kept.id });
    expect(await order()).toEqual([tagged.id, untagged.id]);
  });

  it('refuses merging a tag into itself or into one that does not exist', async () => {
    await expect(mergeTags(deps(), editor, { fromTagId: n.ports.id, intoTagId: n.ports.id })).rejects.toMatchObject({ fields: { intoTagId: expect.any(String) } });
    await expect(mergeTags(deps(), editor, { fromTagId: n.ports.id, intoTagId: 'no-such-tag' })).rejects.toMatchObject({ fields: { intoTagId: 'no such tag' } });
    expect(await findTagById(t.db, n.ports.id)).not.toBeNull();
  });

  it('renames a tag; a new slug leaves a 301 at the old one, and redirects to the old one follow', async () => {
    await renameTag(deps(), editor, n.ports.id, { name: 'Harbours', slug: 'harbours' });
    expect(await locationOf('/tag/ports/')).toBe('301 /tag/harbours/');
    // The merge's redirect now leads straight to the new slug: no chain of 301s.
    expect(await locationOf('/tag/ceasefire/')).toBe('301 /tag/harbours/');
    expect(await (await get('/tag/harbours/')).text()).toContain('Harbours');
    // Renamed back: the live path is no longer hidden by a redirect.
    await renameTag(deps(), editor, n.ports.id, { name: 'Ports', slug: 'ports' });
    expect((await get('/tag/ports/')).status).toBe(200);
    expect(await locationOf('/tag/harbours/')).toBe('301 /tag/ports/');
  });

  it('refuses a slug another tag has, suggesting a free one', async () => {
    const other = await createTag(deps(), editor, { slug: 'shipping', name: 'Shipping' });
    await expect(renameTag(deps(), editor, other.id, { name: 'Shipping', slug: 'ports' })).rejects.toMatchObject({ fields: { slug: expect.stringMatching(/the tag "ports" exists.*try "ports-2"/) } });
  });

  it('deletes only a tag no article carries, naming the count', async () => {
    await expect(deleteTag(deps(), editor, n.ports.id)).rejects.toThrow('"Ports" cannot be deleted: 4 articles carry it. Merge it into another tag instead.');
    const unused = await createTag(deps(), editor, { slug: 'unused', name: 'Unused' });
    await deleteTag(deps(), editor, unused.id);
    expect(await findTagBySlug(t.db, 'unused')).toBeNull();
  });

  it('holds the roles in the use cases: anyone who writes may add a tag, only editors rename, merge or delete', async () => {
    const contributor: Actor = { id: 'c', role: 'contributor' };
    const author: Actor = { id: n.ben.id, role: 'author' };
    await expect(createTag(deps(), contributor, { slug: 'new-on-the-fly', name: 'New on the fly' })).resolves.toMatchObject({ slug: 'new-on-the-fly' });
    await expect(renameTag(deps(), author, n.ports.id, { name: 'X', slug: 'x' })).rejects.toBeInstanceOf(ForbiddenError);
    await expect(mergeTags(deps(), author, { fromTagId: n.ports.id, intoTagId: n.ports.id })).rejects.toBeInstanceOf(ForbiddenError);
    await expect(deleteTag(deps(), author, n.ports.id)).rejects.toBeInstanceOf(ForbiddenError);
  });
});
