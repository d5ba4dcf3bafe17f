import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signInAs, type StaffBrowser } from '../../../test/admin-session.js';
import { createNewsroom, type Newsroom } from '../../../test/factories.js';
import { createTestApp, type TestApp } from '../../../test/test-app.js';
import { cacheKeyOf } from '../../http/cache/cache-key.js';

/** The article form's fields as a browser posts them. */
function form(n: Newsroom, overrides: Record<string, string> = {}): Record<string, string> {
  return {
    title: 'Night buses return to the harbour line',
    slug: '',
    dek: 'The council restores three routes.',
    body: '<p>Three night routes return in December.</p><h2>Which routes</h2><p>The harbour line first.</p>',
    primaryTopicId: n.economy.id,
    tags: 'Transport, Ports',
    publishAt: '',
    seoTitle: '',
    seoDescription: '',
    commentsOpenShown: '1',
    commentsOpen: 'on',
    action: 'save',
    ...overrides,
  };
}

describe('the admin articles area', () => {
  let t: TestApp;
  let n: Newsroom;
  let editor: StaffBrowser;
  let author: StaffBrowser;
  let contributor: StaffBrowser;
  let slug = 0;

  const stored = (id: string) => t.db.selectFrom('articles').select(['title', 'status', 'version', 'slug', 'body']).where('id', '=', id).executeTakeFirstOrThrow();
  const idFrom = (res: Response) => /\/admin\/articles\/([0-9a-z]+)\/edit/.exec(res.headers.get('location') ?? '')![1]!;
  const versionOn = async (who: StaffBrowser, id: string) => Number(/name="version" value="(\d+)"/.exec(await (await who.get(`/admin/articles/${id}/edit`)).text())![1]);
  const create = async (who: StaffBrowser, overrides: Record<string, string> = {}) => {
    const res = await who.post('/admin/articles/new', form(n, { slug: `night-buses-${++slug}`, ...overrides }));
    expect(res.status, await res.clone().text()).toBe(303);
    return idFrom(res);
  };
  const publicStatus = async (path: string) => (await t.app.request(`https://news.example.org${path}`)).status;
  const autosave = (who: StaffBrowser, id: string, json: unknown) =>
    t.app.request(`https://news.example.org/admin/articles/${id}/autosave`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        accept: 'application/json',
        origin: t.siteUrl,
        'x-csrf-token': who.csrf,
        cookie: [...who.browser.cookies].map(([k, v]) => `${k}=${v}`).join('; '),
      },
      body: JSON.stringify(json),
    });

  beforeAll(async () => {
    t = await createTestApp('sqlite');
    n = await createNewsroom(t.db, t.clock, t.events);
    editor = await signInAs(t, 'editor', 'Edith Desk');
    author = await signInAs(t, 'author', 'Arno Writer');
    contributor = await signInAs(t, 'contributor', 'Coral Freelance');
  });
  afterAll(() => t?.destroy());

  it('renders the form server-side with the editor island’s contract', async () => {
    const id = await create(editor);
    const html = await (await editor.get(`/admin/articles/${id}/edit`)).text();
    expect(html).toContain(`<form id="article-form" method="post" action="/admin/articles/${id}/save" class="article-form" data-autosave-url="/admin/articles/${id}/autosave" data-article-id="${id}" data-version="1">`);
    expect(html).toMatch(/<input type="hidden" name="csrf" value="[^"]+"\/?> <input type="hidden" name="version" value="1"\/?>/);
    // The newline after <textarea> is the one the HTML parser drops, so the body arrives as stored.
    expect(html).toContain('<textarea id="body" name="body" rows="20">\n&lt;p&gt;Three night routes return in December.&lt;/p&gt;');
    expect(html).toContain('<div data-editor-for="body" data-media-url="/admin/media/library.json" data-upload-url="/admin/media/upload"></div>');
    expect(html).toContain('<p class="editor-status" role="status" aria-live="polite"></p>');
    // The one script is the editor island, a module from the site's own assets.
    expect(html.match(/<script[^>]*>/g) ?? []).toEqual([expect.stringMatching(/^<script type="module" src="\/assets\/build\/editor\.js\?v=[\w-]+">$/)]);
    // The tags were created on the fly and the search-result preview shows the URL.
    expect(html).toContain('value="Transport, Ports"');
    expect(html).toContain(`https://news.example.org/economy/night-buses-${slug}/`);
  });

  it('answers a rejected form with 400, every field as typed and each problem next to its field', async () => {
    const typed = form(n, { title: 'A title kept as typed', dek: 'A dek kept', primaryTopicId: '', publishAt: 'next tuesday', tags: 'Alpha, Beta', sourceOutlet: 'The Coast Courier', sourceCountry: 'Norland', seoTitle: 'SEO kept' });
    const res = await editor.post('/admin/articles/new', typed);
    expect(res.status).toBe(400);
    const html = await res.text();
    for (const value of ['A title kept as typed', 'A dek kept', 'Alpha, Beta', 'The Coast Courier', 'Norland', 'SEO kept', 'next tuesday', 'Three night routes return in December.']) expect(html).toContain(value);
    expect(html).toMatch(/id="primaryTopicId-error">Choose the primary topic\./);
    expect(html).toMatch(/id="publishAt-error">Enter a date and time/);
    expect(html).toMatch(/id="sourceUrl-error">Give the address of the original\./);
  });

  it('schedules to the second, shows the time back with its seconds, and an Update keeps it', async () => {
    const id = await create(editor, { action: 'publish', publishAt: '2027-01-05T06:30:15' });
    const at = async () => (await t.db.selectFrom('articles').select(['status', 'published_at']).where('id', '=', id).executeTakeFirstOrThrow());
    expect(await at()).toEqual({ status: 'scheduled', published_at: '2027-01-05T06:30:15.000Z' });
    const html = await (await editor.get(`/admin/articles/${id}/edit`)).text();
    // step="1": the browser's field holds seconds (its default step is a minute, and refuses them).
    expect(html).toMatch(/<input id="publishAt" name="publishAt" type="datetime-local" value="2027-01-05T06:30:15" step="1"/);
    const res = await editor.post(`/admin/articles/${id}/save`, form(n, { slug: `night-buses-${slug}`, publishAt: '2027-01-05T06:30:15', version: String(await versionOn(editor, id)) }));
    expect(res.status).toBe(303);
    expect(await at()).toEqual({ status: 'scheduled', published_at: '2027-01-05T06:30:15.000Z' });
  });

  it('refuses a slug another article uses, with a free one suggested next to the field', async () => {
    await create(editor, { slug: 'harbour-line' });
    const res = await editor.post('/admin/articles/new', form(n, { slug: 'harbour-line', title: 'Another harbour story' }));
    expect(res.status).toBe(400);
    const html = await res.text();
    expect(html).toMatch(/id="slug-error">Another article already uses “harbour-line”\. Try “harbour-line-2”\./);
    expect(html).toContain('Another harbour story');
  });

  it('answers the second of two saves from the same version with 409, keeping that writer’s text and the first writer’s save', async () => {
    const id = await create(author);
    const version = await versionOn(author, id);
    expect((await editor.post(`/admin/articles/${id}/save`, form(n, { slug: `night-buses-${slug}`, title: 'The desk’s headline', version: String(version) }))).status).toBe(303);
    const second = await author.post(`/admin/articles/${id}/save`, form(n, { slug: `night-buses-${slug}`, title: 'The writer’s headline', body: '<p>Words the writer must not lose.</p>', version: String(version) }));
    expect(second.status).toBe(409);
    const html = await second.text();
    expect(html).toContain('Edith Desk saved this article on');
    expect(html).toContain('The writer’s headline');
    expect(html).toContain('Words the writer must not lose.');
    expect((await stored(id)).title).toBe('The desk’s headline');
  });

  it('autosaves as JSON: the new version and time, a conflict naming who and when, problems as JSON', async () => {
    const id = await create(author);
    const version = await versionOn(author, id);
    const ok = await autosave(author, id, { ...form(n, { title: 'Autosaved headline' }), version });
    expect(ok.status).toBe(200);
    const saved = (await ok.json()) as { version: number; savedAt: string };
    expect(saved).toEqual({ version: version + 1, savedAt: '2026-11-20T12:00:00.000Z' });
    expect((await stored(id)).title).toBe('Night buses return to the harbour line');
    const stale = await autosave(editor, id, { ...form(n, { title: 'From an old tab' }), version });
    expect(stale.status).toBe(409);
    expect(await stale.json()).toEqual({ conflict: { by: 'Arno Writer', at: '2026-11-20T12:00:00.000Z' } });
    const missing = await autosave(author, 'nosucharticle', { ...form(n), version: 1 });
    expect(missing.status).toBe(404);
    expect(missing.headers.get('content-type')).toContain('application/problem+json');
    // The edit form opens on the working copy.
    expect(await (await author.get(`/admin/articles/${id}/edit`)).text()).toContain('value="Autosaved headline"');
  });

  it('never lets a contributor publish, through any route or a forged field', async () => {
    const id = await create(contributor);
    const version = await versionOn(contributor, id);
    const base = form(n, { slug: `night-buses-${slug}`, version: String(version) });
    expect((await contributor.post(`/admin/articles/${id}/save`, { ...base, action: 'publish' })).status).toBe(403);
    expect((await contributor.post('/admin/articles/new', form(n, { slug: 'forged-new', action: 'publish' }))).status).toBe(403);
    expect((await contributor.post(`/admin/articles/${id}/save`, { ...base, status: 'published', publishAt: '2026-11-01T10:00' })).status).toBe(303);
    expect((await stored(id)).status).toBe('draft');
    expect((await contributor.post(`/admin/articles/${id}/unpublish`, {})).status).toBe(403);
    expect((await contributor.post(`/admin/articles/${id}/withdraw`, {})).status).toBe(403);
    const bulk = await contributor.post('/admin/articles/bulk', { bulkAction: 'publish', ids: id, back: '/admin/articles/' });
    expect(bulk.status).toBe(303);
    const list = await (await contributor.get(bulk.headers.get('location')!)).text();
    expect(list).toContain('0 published; 1 refused: “Night buses return to the harbour line” (your role may not do that to it).');
    expect((await stored(id)).status).toBe('draft');
    // Submitting for review is theirs to do.
    expect((await contributor.post(`/admin/articles/${id}/save`, { ...base, version: String(await versionOn(contributor, id)), action: 'submit' })).status).toBe(303);
    expect((await stored(id)).status).toBe('pending');
  });

  it('unpublishes (the public URL answers 404) and republishes (200 again); withdrawing answers 410', async () => {
    const id = await create(author, { action: 'publish' });
    const path = `/economy/${(await stored(id)).slug}/`;
    expect(await publicStatus(path)).toBe(200);
    expect((await author.post(`/admin/articles/${id}/unpublish`, {})).headers.get('location')).toBe(`/admin/articles/${id}/edit?notice=unpublished`);
    expect(await publicStatus(path)).toBe(404);
    const republish = await author.post(`/admin/articles/${id}/save`, form(n, { slug: (await stored(id)).slug, action: 'publish', version: String(await versionOn(author, id)) }));
    expect(republish.headers.get('location')).toContain('notice=published');
    expect(await publicStatus(path)).toBe(200);
    await author.post(`/admin/articles/${id}/withdraw`, {});
    expect(await publicStatus(path)).toBe(410);
  });

  it('shows a draft at its secret preview URL, uncached and unindexed, until the link is revoked', async () => {
    const id = await create(contributor);
    await contributor.post(`/admin/articles/${id}/preview-link`, {});
    const previewPath = /href="(\/preview\/[0-9a-f]{64}\/)"/.exec(await (await contributor.get(`/admin/articles/${id}/edit`)).text())![1]!;
    for (const _visit of [1, 2, 3]) {
      const res = await t.app.request(`https://news.example.org${previewPath}`);
      expect(res.status).toBe(200);
      expect(res.headers.get('cache-control')).toBe('private, no-store');
      expect(res.headers.get('x-robots-tag')).toBe('noindex, nofollow');
      const html = await res.text();
      expect(html).toContain('<meta name="robots" content="noindex, nofollow"/>');
      expect(html).toContain('Night buses return to the harbour line');
    }
    expect(t.cache.get(cacheKeyOf(previewPath)!)).toBeUndefined();
    expect(await publicStatus(`/economy/${(await stored(id)).slug}/`)).toBe(404);
    await contributor.post(`/admin/articles/${id}/preview-link/revoke`, {});
    expect(await publicStatus(previewPath)).toBe(404);
    expect(await publicStatus(`/preview/${'0'.repeat(64)}/`)).toBe(404);
  });

  it('lists by status with counts, each writer’s own by default, and sums up a bulk action with per-row refusals', async () => {
    const mine = [await create(author, { title: 'Bulk one' }), await create(author, { title: 'Bulk two' })];
    const others = await create(editor, { title: 'The desk’s own' });
    const list = await (await author.get('/admin/articles/?tab=draft')).text();
    expect(list).toContain('Bulk one');
    expect(list).not.toContain('The desk’s own');
    expect(list).toMatch(/Drafts <span class="admin-badge">\d+<\/span>/);
    // One "ids" field per checked row, as a browser sends them.
    const body = new URLSearchParams([['csrf', author.csrf], ['bulkAction', 'publish'], ['back', '/admin/articles/'], ...[...mine, others].map((id) => ['ids', id] as [string, string])]);
    const res = await t.app.request('https://news.example.org/admin/articles/bulk', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', origin: t.siteUrl, cookie: [...author.browser.cookies].map(([k, v]) => `${k}=${v}`).join('; ') },
      body: body.toString(),
    });
    expect(res.status).toBe(303);
    const summary = await (await author.get(res.headers.get('location')!)).text();
    expect(summary).toContain('2 published; 1 refused: “The desk’s own” (your role may not do that to it).');
    expect((await stored(mine[0]!)).status).toBe('published');
    expect((await stored(others)).status).toBe('draft');
    // Editors see everyone's by default.
    expect(await (await editor.get('/admin/articles/?title=bulk')).text()).toContain('Bulk two');
  });

  it('moves an article to the trash (gone from the site and the lists but the Trash) and restores it', async () => {
    const id = await create(author, { title: 'Trash me softly', action: 'publish' });
    const path = `/economy/${(await stored(id)).slug}/`;
    expect((await author.post(`/admin/articles/${id}/trash`, {})).headers.get('location')).toBe('/admin/articles/?notice=trashed');
    expect(await publicStatus(path)).toBe(404);
    expect(await (await author.get('/admin/articles/')).text()).not.toContain('Trash me softly');
    expect(await (await author.get('/admin/articles/?tab=trashed')).text()).toContain('Trash me softly');
    await author.post(`/admin/articles/${id}/restore`, {});
    expect(await publicStatus(path)).toBe(200);
  });

  it('lists revisions, shows a word-level diff between two, and restores one', async () => {
    const id = await create(author, { title: 'First headline' });
    t.clock.set('2026-11-20T12:00:20.000Z'); // saved again twenty seconds on
    await author.post(`/admin/articles/${id}/save`, form(n, { slug: (await stored(id)).slug, title: 'Second headline', version: String(await versionOn(author, id)) }));
    t.clock.set('2026-11-20T12:00:00.000Z');
    const list = await (await author.get(`/admin/articles/${id}/revisions`)).text();
    // Saves within a minute are told apart: each restore button names its second, and who saved.
    expect([...list.matchAll(/<button[^>]*>\s*(Restore the revision of [^<]*)</g)].map((m) => m[1]!.trim())).toEqual(['Restore the revision of 20 Nov 2026, 12:00:00 (Arno Writer)']);
    expect(list).toContain('<td>20 Nov 2026, 12:00:20</td>');
    const [newest, oldest] = [...list.matchAll(/name="to" value="([0-9a-z]+)"/g)].map((m) => m[1]!);
    const diff = await (await author.get(`/admin/articles/${id}/revisions/compare?from=${oldest}&to=${newest}`)).text();
    expect(diff).toContain('<del>First</del>');
    expect(diff).toContain('<ins>Second</ins>');
    const restore = await author.post(`/admin/articles/${id}/revisions/${oldest}/restore`, { version: String(await versionOn(author, id)) });
    expect(restore.headers.get('location')).toBe(`/admin/articles/${id}/edit?notice=revision-restored`);
    expect((await stored(id)).title).toBe('First headline');
    // Another author may not read or restore them.
    const other = await signInAs(t, 'author');
    expect((await other.get(`/admin/articles/${id}/revisions`)).status).toBe(403);
  });
});
