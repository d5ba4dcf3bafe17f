import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTag, findTagById, findTagBySlug } from '../../taxonomy/index.js';
import { SYSTEM_ACTOR } from '../../accounts/index.js';
import { signInAs, type StaffBrowser } from '../../../test/admin-session.js';
import { createNewsroom, type Newsroom, publishArticle } from '../../../test/factories.js';
import { createTestApp, type TestApp } from '../../../test/test-app.js';

describe('the tag admin', () => {
  let t: TestApp;
  let n: Newsroom;
  let editor: StaffBrowser;
  const deps = () => ({ db: t.db, clock: t.clock, events: t.events });

  beforeAll(async () => {
    t = await createTestApp('sqlite', { PAGE_CACHE: 'off' });
    n = await createNewsroom(t.db, t.clock, t.events);
    await publishArticle(deps(), n, { slug: 'truce-holds', tagIds: [n.ceasefire.id] });
    await publishArticle(deps(), n, { slug: 'docks', tagIds: [n.ports.id, n.ceasefire.id], status: 'draft' });
    editor = await signInAs(t, 'editor');
  });
  afterAll(() => t.destroy());

  it('lists tags with their counts, and filters them', async () => {
    const html = await (await editor.get('/admin/tags/')).text();
    expect(html).toMatch(/Ceasefire<\/a><\/th><td><code>ceasefire<\/code><\/td><td>2<\/td><td>1<\/td>/);
    expect(html).toMatch(/Ports<\/a><\/th><td><code>ports<\/code><\/td><td>1<\/td><td>0<\/td>/);
    const filtered = await (await editor.get('/admin/tags/?q=cease')).text();
    expect(filtered).toContain('Ceasefire');
    expect(filtered).not.toContain('>Ports<');
  });

  it('adds a tag, keeping what was typed when its slug is taken', async () => {
    const refused = await editor.post('/admin/tags/new', { name: 'Ports again', slug: 'ports' });
    expect(refused.status).toBe(400);
    const html = await refused.text();
    expect(html).toContain('value="Ports again"');
    expect(html).toMatch(/id="slug-error">the tag &quot;ports&quot; exists; try &quot;ports-2&quot;/);
    expect((await editor.post('/admin/tags/new', { name: 'Grain Exports', slug: '' })).status).toBe(303);
    expect(await findTagBySlug(t.db, 'grain-exports')).toMatchObject({ name: 'Grain Exports' });
  });

  it('renames a tag and its slug; the old URL answers 301', async () => {
    const tag = (await findTagBySlug(t.db, 'grain-exports'))!;
    expect((await editor.post(`/admin/tags/${tag.id}/edit`, { name: 'Grain', slug: 'grain' })).status).toBe(303);
    const old = await t.app.request('/tag/grain-exports/');
    expect(old.status).toBe(301);
    expect(old.headers.get('location')).toBe('https://news.example.org/tag/grain/');
  });

  it('merges A into B from the form, refusing an unknown target with what was typed', async () => {
    const refused = await editor.post(`/admin/tags/${n.ceasefire.id}/merge`, { intoSlug: 'no-such' });
    expect(refused.status).toBe(400);
    expect(await refused.text()).toMatch(/id="intoSlug-error">no tag has the slug &quot;no-such&quot;/);
    const self = await editor.post(`/admin/tags/${n.ceasefire.id}/merge`, { intoSlug: 'ceasefire' });
    expect(self.status).toBe(400);
    const res = await editor.post(`/admin/tags/${n.ceasefire.id}/merge`, { intoSlug: 'ports' });
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe(`/admin/tags/${n.ports.id}/edit?done=merged`);
    expect(await findTagById(t.db, n.ceasefire.id)).toBeNull();
    const page = await t.app.request('/tag/ceasefire/');
    expect(page.headers.get('location')).toBe('https://news.example.org/tag/ports/');
    expect(await (await editor.get(`/admin/tags/${n.ports.id}/edit`)).text()).toContain('2 articles carry it');
  });

  it('deletes only an unused tag, naming the count otherwise', async () => {
    const refused = await editor.post(`/admin/tags/${n.ports.id}/delete`);
    expect(refused.status).toBe(400);
    expect(await refused.text()).toContain('&quot;Ports&quot; cannot be deleted: 2 articles carry it. Merge it into another tag instead.');
    const unused = await createTag(deps(), SYSTEM_ACTOR, { slug: 'unused', name: 'Unused' });
    expect((await editor.post(`/admin/tags/${unused.id}/delete`)).status).toBe(303);
    expect(await findTagById(t.db, unused.id)).toBeNull();
  });
});
