import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findRedirect, listRedirects } from '../../redirects/index.js';
import { signInAs, type StaffBrowser } from '../../../test/admin-session.js';
import { createTestApp, type TestApp } from '../../../test/test-app.js';

describe('the redirect manager', () => {
  let t: TestApp;
  let editor: StaffBrowser;
  const count = async () => (await listRedirects(t.db, { limit: 1, offset: 0 })).total;

  beforeAll(async () => {
    t = await createTestApp('sqlite', { PAGE_CACHE: 'off' });
    editor = await signInAs(t, 'editor');
  });
  afterAll(() => t.destroy());

  it('adds a redirect, keeping what was typed when a field is refused', async () => {
    const refused = await editor.post('/admin/redirects/new', { fromPath: '/old story/', toPath: '/world/', code: '301' });
    expect(refused.status).toBe(400);
    const html = await refused.text();
    expect(html).toContain('value="/old story/"');
    expect(html).toContain('value="/world/"');
    expect(html).toMatch(/id="fromPath-error">a path on this site/);
    const noTarget = await editor.post('/admin/redirects/new', { fromPath: '/old-story/', toPath: '', code: '301' });
    expect(await noTarget.text()).toMatch(/id="toPath-error">a 301 needs somewhere to go/);

    expect((await editor.post('/admin/redirects/new', { fromPath: '/old-story', toPath: '/world/', code: '301' })).status).toBe(303);
    expect(await findRedirect(t.db, '/old-story/')).toMatchObject({ toPath: '/world/', code: 301, hits: 0 });
    const list = await (await editor.get('/admin/redirects/')).text();
    expect(list).toMatch(/\/old-story\/<\/a><\/th><td>\/world\/<\/td><td>301<\/td><td>0<\/td><td>never<\/td>/);
  });

  it('edits a redirect, its path too, and deletes it', async () => {
    const form = await editor.get('/admin/redirects/edit?from=%2Fold-story%2F');
    expect(form.status).toBe(200);
    const res = await editor.post('/admin/redirects/edit', { replacing: '/old-story/', fromPath: '/older-story/', toPath: '', code: '410' });
    expect(res.status).toBe(303);
    expect(await findRedirect(t.db, '/old-story/')).toBeNull();
    expect(await findRedirect(t.db, '/older-story/')).toMatchObject({ code: 410, toPath: '' });
    expect((await t.app.request('/older-story/')).status).toBe(410);
    expect((await editor.post('/admin/redirects/delete', { fromPath: '/older-story/' })).status).toBe(303);
    expect(await findRedirect(t.db, '/older-story/')).toBeNull();
  });

  it('imports CSV: a bad line is named with its value and nothing is written; a good file is previewed, then imported', async () => {
    const bad = 'from,to,code\n/a-old/,/world/,301\n/b-old/,/economy/,307\n';
    const refused = await editor.post('/admin/redirects/import', { csv: bad, step: 'preview' });
    expect(refused.status).toBe(400);
    const html = await refused.text();
    expect(html).toContain('line 3: &quot;307&quot; — the code is 301 (moved) or 410 (gone)');
    expect(html).toContain(`${bad}</textarea>`);
    // A confirm that skips the preview is checked all the same.
    expect((await editor.post('/admin/redirects/import', { csv: bad, step: 'confirm' })).status).toBe(400);
    expect(await count()).toBe(0);

    const good = 'from,to,code\n/a-old/,/world/,301\n/b-old/,,410\n';
    const preview = await editor.post('/admin/redirects/import', { csv: good, step: 'preview' });
    expect(preview.status).toBe(200);
    const previewHtml = await preview.text();
    expect(previewHtml).toContain('2 new, 0 changed, 0 unchanged.');
    expect(previewHtml).toContain('Import 2 redirects');
    expect(await count()).toBe(0);
    const done = await editor.post('/admin/redirects/import', { csv: good, step: 'confirm' });
    expect(done.status).toBe(303);
    expect(await count()).toBe(2);
    expect((await t.app.request('/a-old/')).headers.get('location')).toBe('https://news.example.org/world/');
  });

  it('takes the CSV as an uploaded file too', async () => {
    const form = new FormData();
    form.set('csrf', editor.csrf);
    form.set('csv', '');
    form.set('step', 'preview');
    form.set('file', new File(['from,to,code\n/c-old/,/economy/,301\n'], 'redirects.csv', { type: 'text/csv' }));
    const cookie = [...editor.browser.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
    const res = await t.app.request('https://news.example.org/admin/redirects/import', { method: 'POST', body: form, headers: { cookie, origin: 'https://news.example.org' } });
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('1 new, 0 changed, 0 unchanged.');
    // The confirm form carries the file's text, so confirming imports what was previewed.
    expect(html).toContain('/c-old/,/economy/,301');
    expect(await findRedirect(t.db, '/c-old/')).toBeNull();
  });
});
