import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM_ACTOR } from '../../accounts/index.js';
import { createPage, deletePage, findPageBySlug, updatePage } from '../../content/index.js';
import { ForbiddenError } from '../../shared/errors.js';
import { signInAs, type StaffBrowser } from '../../../test/admin-session.js';
import { createNewsroom } from '../../../test/factories.js';
import { createTestApp, type TestApp } from '../../../test/test-app.js';

describe('the page admin', () => {
  let t: TestApp;
  let editor: StaffBrowser;

  beforeAll(async () => {
    t = await createTestApp('sqlite', { PAGE_CACHE: 'off' });
    await createNewsroom(t.db, t.clock, t.events);
    editor = await signInAs(t, 'editor');
  });
  afterAll(() => t.destroy());

  it('offers the body as the editor island’s textarea, with the island as its one script', async () => {
    const html = await (await editor.get('/admin/pages/new')).text();
    expect(html).toMatch(/<textarea id="body" name="body"[^>]*>\n<\/textarea><div data-editor-for="body" data-media-url="\/admin\/media\/library.json" data-upload-url="\/admin\/media\/upload"><\/div>/);
    // The one script is the editor island, a module from the site's own assets.
    expect(html.match(/<script[^>]*>/g) ?? []).toEqual([expect.stringMatching(/^<script type="module" src="\/assets\/build\/editor\.js\?v=[\w-]+">$/)]);
  });

  it('refuses a reserved slug, a top-level topic’s and another page’s, with a suggestion, keeping what was typed', async () => {
    const body = '<p>Who we are.</p>';
    const reserved = await editor.post('/admin/pages/new', { title: 'Search help', slug: 'search', body, status: 'published' });
    expect(reserved.status).toBe(400);
    const html = await reserved.text();
    expect(html).toContain('value="Search help"');
    expect(html).toContain('&lt;p&gt;Who we are.&lt;/p&gt;</textarea>');
    expect(html).toMatch(/id="slug-error">&quot;search&quot; is reserved for the site&#39;s own pages; try &quot;search-page&quot;/);
    const topic = await editor.post('/admin/pages/new', { title: 'World', slug: 'world', body, status: 'published' });
    expect(await topic.text()).toMatch(/id="slug-error">the topic at \/world\/ lives there; try &quot;world-2&quot;/);

    expect((await editor.post('/admin/pages/new', { title: 'About us', slug: '', body, status: 'published' })).status).toBe(303);
    const again = await editor.post('/admin/pages/new', { title: 'About', slug: 'about-us', body, status: 'draft' });
    expect(await again.text()).toMatch(/another page, &quot;About us&quot;, lives at \/about-us\/; try &quot;about-us-2&quot;/);
    expect((await t.app.request('/about-us/')).status).toBe(200);
  });

  it('unpublishes and publishes a page, edits it (a new slug leaves a 301), and deletes it', async () => {
    const page = (await findPageBySlug(t.db, 'about-us'))!;
    expect((await editor.post(`/admin/pages/${page.id}/unpublish`)).status).toBe(303);
    expect((await t.app.request('/about-us/')).status).toBe(404);
    expect((await editor.post(`/admin/pages/${page.id}/publish`)).status).toBe(303);
    expect((await t.app.request('/about-us/')).status).toBe(200);

    const saved = await editor.post(`/admin/pages/${page.id}/edit`, { title: 'About the Review', slug: 'about', body: '<p>Who we are, and how we work.</p><script>alert(1)</script>' });
    expect(saved.status).toBe(303);
    const live = await t.app.request('/about/');
    const text = await live.text();
    expect(text).toContain('how we work');
    expect(text).not.toContain('alert(1)');
    const old = await t.app.request('/about-us/');
    expect(old.status).toBe(301);
    expect(old.headers.get('location')).toBe('https://news.example.org/about/');

    expect((await editor.post(`/admin/pages/${page.id}/delete`)).status).toBe(303);
    expect((await t.app.request('/about/')).status).toBe(404);
  });

  it('is closed to authors', async () => {
    const author = await signInAs(t, 'author');
    expect((await author.get('/admin/pages/')).status).toBe(403);
    expect((await author.post('/admin/pages/new', { title: 'X', slug: 'x', body: '', status: 'published' })).status).toBe(403);
    // The use cases hold the rule whatever calls them.
    const deps = { db: t.db, clock: t.clock, events: t.events };
    const actor = { id: author.user.id, role: 'author' as const };
    await expect(createPage(deps, actor, { title: 'X', slug: 'x', body: '' })).rejects.toBeInstanceOf(ForbiddenError);
    const page = (await findPageBySlug(t.db, 'privacy')) ?? { id: await createPage(deps, SYSTEM_ACTOR, { title: 'Privacy', slug: 'privacy', body: '' }) };
    await expect(updatePage(deps, actor, page.id, { title: 'Mine now', slug: 'privacy', body: '' })).rejects.toBeInstanceOf(ForbiddenError);
    await expect(deletePage(deps, actor, page.id)).rejects.toBeInstanceOf(ForbiddenError);
  });
});
