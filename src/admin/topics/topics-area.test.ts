import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findTopicById, findTopicByPath } from '../../taxonomy/index.js';
import { signInAs, type StaffBrowser } from '../../../test/admin-session.js';
import { createNewsroom, type Newsroom, publishArticle } from '../../../test/factories.js';
import { createTestApp, type TestApp } from '../../../test/test-app.js';

describe('the topic admin', () => {
  let t: TestApp;
  let n: Newsroom;
  let editor: StaffBrowser;

  beforeAll(async () => {
    t = await createTestApp('sqlite', { PAGE_CACHE: 'off' });
    n = await createNewsroom(t.db, t.clock, t.events);
    const deps = { db: t.db, clock: t.clock, events: t.events };
    await publishArticle(deps, n, { slug: 'talks-resume' });
    await publishArticle(deps, n, { slug: 'convoys', title: 'Convoys', status: 'draft' });
    editor = await signInAs(t, 'editor');
  });
  afterAll(() => t.destroy());

  it('shows the tree, indented, with each topic’s articles', async () => {
    const res = await editor.get('/admin/topics/');
    expect(res.status).toBe(200);
    const html = await res.text();
    const names = [...html.matchAll(/<th scope="row" class="admin-depth-(\d)"><a href="\/admin\/topics\/[^/]+\/edit">([^<]+)<\/a>/g)].map((m) => `${m[1]} ${m[2]}`);
    expect(names).toEqual(['0 Economy', '0 World', '1 Levant', '2 Northern Front']);
    // World: one published article through its subtree, none filed directly; Northern Front: both filed.
    expect(html).toMatch(/World<\/a>.*?<td>place<\/td><td>1<\/td><td>0<\/td>/s);
    expect(html).toMatch(/Northern Front<\/a>.*?<td>organization<\/td><td>1<\/td><td>2<\/td>/s);
  });

  it('creates a topic, and keeps what was typed when a field is refused', async () => {
    const refused = await editor.post('/admin/topics/new', { name: 'Admin things', slug: 'admin', parentId: '', kind: 'theme', description: 'About the admin', aliases: 'AT\n\nA.T.' });
    expect(refused.status).toBe(400);
    const html = await refused.text();
    expect(html).toContain('value="Admin things"');
    expect(html).toContain('About the admin</textarea>');
    expect(html).toContain('AT\n\nA.T.</textarea>');
    expect(html).toMatch(/id="aliases-error">line 2 is empty: one alias per line/);

    const duplicate = await editor.post('/admin/topics/new', { name: 'Harbours', slug: 'harbours', parentId: n.economy.id, kind: 'theme', description: '', aliases: 'Ports\nports' });
    expect(duplicate.status).toBe(400);
    expect(await duplicate.text()).toMatch(/id="aliases-error">&quot;ports&quot; is listed twice \(lines 1 and 2\)/);

    const reserved = await editor.post('/admin/topics/new', { name: 'Admin things', slug: 'admin', parentId: '', kind: 'theme', description: '', aliases: '' });
    expect(reserved.status).toBe(400);
    expect(await reserved.text()).toMatch(/id="slug-error">&quot;admin&quot; is reserved/);

    const created = await editor.post('/admin/topics/new', { name: 'Harbours', slug: '', parentId: n.economy.id, kind: 'place', description: 'Ports and shipping.', aliases: 'Ports\nDocks\n' });
    expect(created.status).toBe(303);
    expect(await findTopicByPath(t.db, 'economy/harbours')).toMatchObject({ name: 'Harbours', aliases: ['Ports', 'Docks'], kind: 'place' });
  });

  it('moves a topic from its edit form: the old URLs answer 301', async () => {
    const res = await editor.post(`/admin/topics/${n.levant.id}/edit`, { name: 'Levant', slug: 'levant', parentId: n.economy.id, kind: 'place', description: '', aliases: 'The Levant' });
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe(`/admin/topics/${n.levant.id}/edit?done=moved`);
    const moved = await t.app.request('/world/levant/northern-front/talks-resume/');
    expect(moved.status).toBe(301);
    expect(moved.headers.get('location')).toBe('https://news.example.org/economy/levant/northern-front/talks-resume/');
    expect((await editor.get(res.headers.get('location')!)).status).toBe(200);
  });

  it('refuses a move under the topic’s own subtopic from the move form, keeping the choice', async () => {
    const form = await editor.get(`/admin/topics/${n.levant.id}/move`);
    // The topic and its subtree are not offered as parents.
    expect(await form.text()).not.toContain(`<option value="${n.front.id}"`);
    const res = await editor.post(`/admin/topics/${n.levant.id}/move`, { parentId: n.front.id, slug: 'levant' });
    expect(res.status).toBe(400);
    expect(await res.text()).toMatch(/id="parentId-error">Levant cannot move under itself or one of its own subtopics/);
    expect((await findTopicById(t.db, n.levant.id))!.path).toBe('economy/levant');
  });

  it('refuses to delete a topic articles use, naming the count', async () => {
    const res = await editor.post(`/admin/topics/${n.front.id}/delete`);
    expect(res.status).toBe(400);
    expect(await res.text()).toContain('Northern Front cannot be deleted: 2 articles are filed under it. Move them to another topic first.');
    const harbours = (await findTopicByPath(t.db, 'economy/harbours'))!;
    expect((await editor.post(`/admin/topics/${harbours.id}/delete`)).status).toBe(303);
    expect(await findTopicById(t.db, harbours.id)).toBeNull();
  });
});
