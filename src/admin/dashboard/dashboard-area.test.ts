import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { saveArticleAs } from '../../content/index.js';
import { createNewsroom } from '../../../test/factories.js';
import { browserFor, signInAs } from '../../../test/admin-session.js';
import { articleFields, createStaff } from '../../../test/staff-fixtures.js';
import { createTestApp, type TestApp } from '../../../test/test-app.js';

const TZ = 'Europe/London';

describe('the dashboard', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp('sqlite');
    const n = await createNewsroom(t.db, t.clock, t.events);
    const staff = await createStaff(t.db, t.clock, t.events);
    const deps = { db: t.db, clock: t.clock, events: t.events };
    await saveArticleAs(deps, staff.contributor, {
      articleId: null,
      fields: articleFields(n, { slug: 'harbour-dues', title: 'Harbour dues rise again' }),
      action: 'submit',
      version: null,
      timeZone: TZ,
    });
    await saveArticleAs(deps, staff.author, {
      articleId: null,
      // The test clock stands at 2026-11-20 12:00 UTC.
      fields: articleFields(n, { slug: 'night-ferry', title: 'The last night ferry', publishAt: '2026-11-21T07:30' }),
      action: 'publish',
      version: null,
      timeZone: TZ,
    });
  });
  afterAll(() => t?.destroy());

  it('shows an editor what awaits review, what goes live next and who did what', async () => {
    const editor = await signInAs(t, 'editor');
    const html = await (await editor.get('/admin/')).text();
    const section = (id: string) => html.slice(html.indexOf(`id="${id}"`), html.indexOf('</section>', html.indexOf(`id="${id}"`)));
    expect(section('awaiting-review')).toContain('Harbour dues rise again');
    expect(section('awaiting-review')).not.toContain('The last night ferry');
    expect(section('scheduled')).toContain('The last night ferry');
    expect(section('scheduled')).toContain('goes live 21 Nov 2026, 07:30');
    expect(section('recent-activity')).toMatch(/Abel Author published|Abel Author saved/);
    expect(section('recent-activity')).toContain('Cleo Contributor');
  });

  it('shows a contributor no one else’s queue', async () => {
    const contributor = await signInAs(t, 'contributor');
    const html = await (await contributor.get('/admin/')).text();
    expect(html).not.toContain('Harbour dues rise again');
    expect(html).toContain('href="/admin/articles/new"');
  });

  it('is the landing page after a session starts, for every role', async () => {
    for (const role of ['administrator', 'author'] as const) {
      const who = await signInAs(t, role);
      const again = await browserFor(t, who.user);
      expect((await again.get('/admin/')).status).toBe(200);
    }
  });
});
