import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser, SYSTEM_ACTOR, updateProfile, type User } from '../accounts/index.js';
import { createPage, saveArticle } from '../content/index.js';
import { saveSettings } from '../settings/index.js';
import type { DomainEvent } from '../shared/domain-events.js';
import { ConflictError, ForbiddenError } from '../shared/errors.js';
import { articleInput, createNewsroom, type Newsroom } from '../../test/factories.js';
import { phonePhoto, plainImage } from '../../test/image-fixtures.js';
import { filesUnder } from '../../test/media-dir.js';
import { createTestApp, type TestApp } from '../../test/test-app.js';
import { testDialects } from '../../test/test-db.js';
import { deleteMedia, openMedia, updateMediaDetails } from './edit-media.js';
import { listMedia } from './list-media.js';
import type { MediaItem } from './media.js';
import { MediaListFilter } from './media.schema.js';
import { type MediaDeps, uploadMedia } from './upload-media.js';

const LIMITS = { maxBytes: 25 * 1024 * 1024, maxPixels: 60_000_000 };

describe.each(testDialects)('the media library on %s', (dialect) => {
  let t: TestApp;
  let deps: MediaDeps;
  let n: Newsroom;
  let author: User;
  let contributor: User;
  const events: DomainEvent[] = [];
  beforeAll(async () => {
    t = await createTestApp(dialect);
    deps = { db: t.db, clock: t.clock, events: t.events, mediaDir: t.mediaDir, limits: LIMITS };
    n = await createNewsroom(t.db, t.clock, t.events);
    author = await createUser(deps, { email: 'au@example.org', name: 'Au Thor', role: 'author', password: 'correct horse battery' });
    contributor = await createUser(deps, { email: 'co@example.org', name: 'Co Ntrib', role: 'contributor', password: 'correct horse battery' });
    t.events.subscribe((e) => void events.push(e));
  });
  afterAll(() => t?.destroy());

  const upload = async (name: string, extra: { alt?: string; caption?: string; credit?: string } = {}, bytes?: Buffer): Promise<MediaItem> =>
    (await uploadMedia(deps, author, { bytes: bytes ?? (await phonePhoto(1000, 700)), filename: name, ...extra })).item;

  async function expectDeleteRefused(item: MediaItem, where: RegExp): Promise<void> {
    const error = await deleteMedia(deps, author, item.id).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConflictError);
    expect((error as Error).message).toMatch(/^This image cannot be deleted while it is used: /);
    expect((error as Error).message).toMatch(where);
    expect((await openMedia(deps, author, item.id)).item.id).toBe(item.id);
  }

  it('refuses to delete an image while anything uses it, naming where; deletes it with its files once nothing does', async () => {
    const featured = await upload('featured.jpg');
    const article = await saveArticle(t, articleInput(n, { title: 'Talks resume', featuredMediaId: featured.id }));
    await expectDeleteRefused(featured, /the featured image of the article “Talks resume”/);
    await saveArticle(t, articleInput(n, { title: 'Talks resume', featuredMediaId: null }), { articleId: article.id });

    const inBody = await upload('in-body.jpg');
    const body = `<p>Before.</p><figure><img src="${inBody.url}" alt="Quay"><figcaption>Quay. <small class="credit">Photo: A</small></figcaption></figure>`;
    const other = await saveArticle(t, articleInput(n, { title: 'Convoy schedule', slug: 'convoy-schedule', body, status: 'draft' }));
    await expectDeleteRefused(inBody, /the body of the article “Convoy schedule”/);
    await saveArticle(t, articleInput(n, { title: 'Convoy schedule', slug: 'convoy-schedule', body: '<p>Before.</p>', status: 'draft' }), { articleId: other.id });

    const onPage = await upload('on-page.jpg');
    await createPage({ db: t.db, clock: t.clock, events: t.events }, SYSTEM_ACTOR, { slug: 'about', title: 'About us', body: `<p><img src="${onPage.url}" alt="Office"></p>` });
    await expectDeleteRefused(onPage, /the body of the page “About us”/);

    const avatar = await upload('avatar.jpg');
    await updateProfile(t, n.ben.id, { avatarMediaId: avatar.id });
    await expectDeleteRefused(avatar, /the avatar of Ben Okafor/);
    await updateProfile(t, n.ben.id, { avatarMediaId: null });

    const logo = await upload('logo.png', {}, await plainImage('png', 480, 120));
    await saveSettings(t, { publisherLogoMediaId: logo.id });
    await expectDeleteRefused(logo, /the site logo/);
    await saveSettings(t, { publisherLogoMediaId: null });

    for (const item of [featured, inBody, avatar, logo]) {
      await t.app.request(`/media/${item.variants[0]!.file}`); // one variant made, so deleting must remove it too
      expect(filesUnder(t.mediaDir).some((f) => f.includes(item.id))).toBe(true);
      await deleteMedia(deps, author, item.id);
      expect(filesUnder(t.mediaDir).filter((f) => f.includes(item.id)), item.originalName).toEqual([]);
      expect((await t.app.request(`/media/${item.variants[0]!.file}`)).status).toBe(404);
    }
  });

  it('keeps alt, caption and credit with the image; an edit reaches what reads the library, not saved bodies', async () => {
    const image = await upload('harbour.jpg', { alt: 'Cranes', caption: 'The harbour.', credit: 'Photo: Ana' });
    const body = `<figure><img src="${image.url}" alt="Cranes at dawn"><figcaption>As saved. <small class="credit">Photo: Ana</small></figcaption></figure>`;
    const article = await saveArticle(t, articleInput(n, { title: 'Port tariffs', slug: 'port-tariffs', featuredMediaId: image.id, body }));
    await updateProfile(t, n.ana.id, { avatarMediaId: image.id });
    events.length = 0;
    const edited = await updateMediaDetails(deps, author, image.id, { alt: 'Three cranes', caption: 'The north quay.', credit: 'Photo: Ana F.' });
    expect(edited).toMatchObject({ alt: 'Three cranes', caption: 'The north quay.', credit: 'Photo: Ana F.' });
    expect(events).toEqual([{ type: 'media.changed', mediaId: image.id, articleIds: [article.id], userIds: [n.ana.id], isSiteLogo: false }]);
    const stored = await t.db.selectFrom('articles').select('body').where('id', '=', article.id).executeTakeFirstOrThrow();
    expect(stored.body).toContain('alt="Cranes at dawn"');
    expect(stored.body).toContain('As saved.');
    await updateProfile(t, n.ana.id, { avatarMediaId: null });

    // Nothing readers see uses it: no event.
    const unused = await upload('unused.jpg');
    events.length = 0;
    await updateMediaDetails(deps, author, unused.id, { alt: 'x' });
    expect(events).toEqual([]);
    await expect(updateMediaDetails(deps, author, unused.id, { alt: 'x'.repeat(501) })).rejects.toMatchObject({ fields: { alt: expect.any(String) } });
  });

  it('finds by words in the name, alt, caption or credit; filters by type, month and use; pages newest first', async () => {
    const page = (filter: Partial<MediaListFilter>, size = 100) => listMedia(t.db, author, MediaListFilter.parse(filter), size);
    t.clock.set('2026-10-15T08:00:00.000Z');
    const october = await upload('old-ferry.png', { alt: 'A ferry', credit: 'Photo: Ports Authority' }, await plainImage('png', 300, 200));
    t.clock.set('2026-11-20T12:00:00.000Z');
    const percent = await upload('odd%name_.jpg', { caption: '100% of the quay' });
    expect((await page({ q: 'FERRY' })).items.map((i) => i.id)).toEqual([october.id]);
    expect((await page({ q: 'ports authority' })).items.map((i) => i.id)).toEqual([october.id]);
    expect((await page({ q: '100%' })).items.map((i) => i.id)).toEqual([percent.id]);
    expect((await page({ q: '_' })).items.map((i) => i.id)).toEqual([percent.id]); // "_" is a letter here, not a wildcard
    expect((await page({ type: 'png' })).items.map((i) => i.id)).toEqual([october.id]); // the logo was deleted above
    expect((await page({ month: '2026-10' })).items.map((i) => i.id)).toEqual([october.id]);
    const unused = (await page({ unused: '1' })).items.map((i) => i.id);
    expect(unused).toContain(october.id);
    const harbour = (await page({ q: 'harbour' })).items[0]!;
    expect(unused).not.toContain(harbour.id); // featured on "Port tariffs"
    const all = (await page({})).items;
    expect(all[0]!.id).toBe(percent.id);
    const first = await page({ page: 1 }, 2);
    const second = await page({ page: 2 }, 2);
    expect(first.hasMore).toBe(true);
    expect([...first.items, ...second.items].map((i) => i.id)).toEqual(all.slice(0, 4).map((i) => i.id));
    const last = await page({ page: Math.ceil(all.length / 2) }, 2);
    expect(last.hasMore).toBe(false);
  });

  it('holds the role in every use case: a contributor can neither list, open, edit nor delete', async () => {
    const image = await upload('role.jpg');
    await expect(listMedia(t.db, contributor, MediaListFilter.parse({}))).rejects.toBeInstanceOf(ForbiddenError);
    await expect(openMedia(deps, contributor, image.id)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(updateMediaDetails(deps, contributor, image.id, { alt: 'x' })).rejects.toBeInstanceOf(ForbiddenError);
    await expect(deleteMedia(deps, contributor, image.id)).rejects.toBeInstanceOf(ForbiddenError);
    expect(fs.existsSync(path.join(t.mediaDir, 'originals', image.id))).toBe(true);
  });
});
