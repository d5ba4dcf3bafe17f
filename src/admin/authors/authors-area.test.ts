import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findUserById, updateAuthorPage } from '../../accounts/index.js';
import { DEMO_LOGO_SIZE, demoLogoSvg } from '../../demo/demo-logo.js';
import { storeDrawnImage } from '../../media/index.js';
import { ForbiddenError } from '../../shared/errors.js';
import type { DomainEvent } from '../../shared/domain-events.js';
import { signInAs, type StaffBrowser } from '../../../test/admin-session.js';
import { createNewsroom, type Newsroom, publishArticle } from '../../../test/factories.js';
import { createTestApp, type TestApp } from '../../../test/test-app.js';

describe('author pages in the admin', () => {
  let t: TestApp;
  let n: Newsroom;
  let editor: StaffBrowser;
  let photoId: string;

  beforeAll(async () => {
    t = await createTestApp('sqlite', { PAGE_CACHE: 'off' });
    n = await createNewsroom(t.db, t.clock, t.events);
    await publishArticle({ db: t.db, clock: t.clock, events: t.events }, n, { slug: 'talks-resume', authorIds: [n.ana.id, n.ben.id] });
    photoId = (await storeDrawnImage(t.db, t.clock, t.mediaDir, demoLogoSvg(), DEMO_LOGO_SIZE, { alt: 'Portrait of Ana Ferreira' })).id;
    editor = await signInAs(t, 'editor');
  });
  afterAll(() => t.destroy());

  it('lists the people with bylines, not every account', async () => {
    const page = await (await editor.get('/admin/authors/')).text();
    const html = page.slice(page.indexOf('<tbody>'), page.indexOf('</tbody>'));
    expect(html).toContain('Ana Ferreira');
    expect(html).toContain('Ben Okafor');
    expect(html).not.toContain(editor.user.name);
  });

  it('edits a bio and photo through updateProfile, which announces author.changed; the author page shows them', async () => {
    const heard: DomainEvent[] = [];
    const stop = t.events.subscribe((e) => void heard.push(e));
    const form = await (await editor.get(`/admin/authors/${n.ana.id}/edit`)).text();
    expect(form).toContain(`<option value="${photoId}">Portrait of Ana Ferreira</option>`);
    const res = await editor.post(`/admin/authors/${n.ana.id}/edit`, { bio: 'Reports from the northern towns.', avatarMediaId: photoId });
    stop();
    expect(res.status).toBe(303);
    expect(await findUserById(t.db, n.ana.id)).toMatchObject({ bio: 'Reports from the northern towns.', avatarMediaId: photoId });
    expect(heard).toContainEqual({ type: 'author.changed', userId: n.ana.id, isBylineChanged: false });
    const page = await (await t.app.request('/author/ana-ferreira/')).text();
    expect(page).toContain('Reports from the northern towns.');
    expect(page).toContain('Portrait of Ana Ferreira');
  });

  it('refuses an image not in the library and a bio too long, keeping what was typed', async () => {
    const res = await editor.post(`/admin/authors/${n.ben.id}/edit`, { bio: 'Ben writes about ports.', avatarMediaId: 'no-such-image' });
    expect(res.status).toBe(400);
    const html = await res.text();
    expect(html).toContain('Ben writes about ports.</textarea>');
    expect(html).toMatch(/id="avatarMediaId-error">that image is not in the library/);
    const long = await editor.post(`/admin/authors/${n.ben.id}/edit`, { bio: 'x'.repeat(2001), avatarMediaId: '' });
    expect(long.status).toBe(400);
    expect(await long.text()).toMatch(/id="bio-error">a bio has at most 2,000 characters/);
  });

  it('holds the rule in the use case: one’s own page, or manage_taxonomy for others', async () => {
    const deps = { db: t.db, clock: t.clock, events: t.events };
    await expect(updateAuthorPage(deps, { id: n.ben.id, role: 'author' }, n.ana.id, { bio: 'Not mine to change.', avatarMediaId: null })).rejects.toBeInstanceOf(ForbiddenError);
    await expect(updateAuthorPage(deps, { id: n.ben.id, role: 'author' }, n.ben.id, { bio: 'My own bio.', avatarMediaId: null })).resolves.toMatchObject({ bio: 'My own bio.' });
    expect((await findUserById(t.db, n.ana.id))!.bio).toBe('Reports from the northern towns.');
  });
});
