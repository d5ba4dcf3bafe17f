import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import type { User } from '../accounts/index.js';
import type { AppEnv } from './app-env.js';
import { loginPathWithNext, requireUser, safeNextPath } from './session.js';

describe('safeNextPath', () => {
  it('keeps a path on this site, with its query and fragment', () => {
    expect(safeNextPath('/admin/articles?page=2#top')).toBe('/admin/articles?page=2#top');
    expect(safeNextPath('/preview/abc/')).toBe('/preview/abc/');
  });
  it.each([
    'https://evil.example/',
    '//evil.example/',
    '/\\evil.example/',
    '\\\\evil.example',
    '/\t/evil.example',
    ' /admin/',
    'javascript:alert(1)',
    'admin/',
    '',
    undefined,
    42,
    `/${'a'.repeat(2001)}`,
  ])('sends %j to the dashboard instead', (raw) => {
    expect(safeNextPath(raw)).toBe('/admin/');
  });
  it('normalizes dot segments without leaving the site', () => {
    expect(safeNextPath('/admin/../..//evil.example')).toBe('/admin/');
    expect(safeNextPath('/admin/./x/../y')).toBe('/admin/y');
  });
});

describe('requireUser', () => {
  const user: User = { id: 'u1', email: 'a@example.org', name: 'Ann', slug: 'ann', role: 'editor', bio: '', avatarMediaId: null };
  const build = (signedIn: boolean) => {
    const app = new Hono<AppEnv>();
    app.onError((error, c) => c.text(error.name, 401));
    app.use('*', async (c, next) => {
      if (signedIn) c.set('user', user);
      await next();
    });
    app.use('/admin/*', requireUser());
    app.get('/admin/articles', (c) => c.text(`hello ${c.get('user')!.name}`));
    app.post('/admin/articles', (c) => c.text('saved'));
    return app;
  };

  it('sends a visitor to the login form, remembering where they were going', async () => {
    const res = await build(false).request('/admin/articles?page=2');
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/admin/login?next=%2Fadmin%2Farticles%3Fpage%3D2');
  });
  it('answers a write without a session with 401', async () => {
    expect((await build(false).request('/admin/articles', { method: 'POST' })).status).toBe(401);
  });
  it('lets a signed-in user through', async () => {
    expect(await (await build(true).request('/admin/articles')).text()).toBe('hello Ann');
  });
  it('links to the bare login form when the destination is the dashboard', () => {
    expect(loginPathWithNext('/admin/')).toBe('/admin/login');
    expect(loginPathWithNext('https://evil.example/')).toBe('/admin/login');
  });
});
