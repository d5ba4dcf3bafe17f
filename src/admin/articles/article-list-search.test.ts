import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signInAs, type StaffBrowser } from '../../../test/admin-session.js';
import { articleInput, createNewsroom, type Newsroom } from '../../../test/factories.js';
import { createTestApp, type TestApp } from '../../../test/test-app.js';
import { testDialects } from '../../../test/test-db.js';
import { SYSTEM_ACTOR } from '../../accounts/index.js';
import { type ArticleInput, saveArticle, trashArticle } from '../../content/index.js';

/*
 * The admin's article list searched: the same engine as the site, over every status, ranked,
 * with the matching passage under each title, the list's tabs counted under the query, and
 * the list's own rule for who sees what (every writer sees every article, their own by default).
 */

/** The titles of the list's rows, in order. */
function rowTitles(html: string): string[] {
  const table = /<tbody>([\s\S]*?)<\/tbody>/.exec(html)?.[1] ?? '';
  return [...table.matchAll(/<tr><td><input type="checkbox"[^>]*><\/td><td>(?:<a href="[^"]*">)?([^<]*)/g)].map((m) => m[1]!.trim());
}
function badge(html: string, label: string): string | undefined {
  return new RegExp(`${label} <span class="admin-badge">([^<]*)</span>`).exec(html)?.[1];
}

describe.each(testDialects)('the admin article list searched, on %s', (dialect) => {
  let t: TestApp;
  let n: Newsroom;
  let editor: StaffBrowser;
  let contributor: StaffBrowser;

  beforeAll(async () => {
    t = await createTestApp(dialect);
    n = await createNewsroom(t.db, t.clock, t.events);
    editor = await signInAs(t, 'editor', 'Edith Desk');
    contributor = await signInAs(t, 'contributor', 'Coral Freelance');
    const deps = { db: t.db, clock: t.clock, events: t.events };
    const save = (overrides: Partial<ArticleInput>) => saveArticle(deps, articleInput(n, { authorIds: [editor.user.id], ...overrides }));
    const p = (text: string) => `<p>${text}</p>`;
    await save({ slug: 'cranes', title: 'Harbour cranes return', body: p('The quillwort beds by the quay were cleared for the cranes.'), publishedAt: new Date('2026-11-01T09:00:00Z') });
    await save({ slug: 'quillwort', title: 'Quillwort in the harbour', body: p('A note on the harbour plants.'), publishedAt: new Date('2026-10-01T09:00:00Z') });
    await save({ slug: 'notes', title: 'Field notes', body: p('Draft: the quillwort survey is late.'), status: 'draft', publishedAt: null, authorIds: [contributor.user.id] });
    await save({ slug: 'pending', title: 'Pending piece', body: p('Quillwort, again.'), status: 'pending', publishedAt: null });
    const gone = await save({ slug: 'binned', title: 'Binned quillwort', status: 'draft', publishedAt: null });
    await trashArticle(deps, SYSTEM_ACTOR, gone.id);
    await save({ slug: 'unrelated', title: 'Budget talks', body: p('Nothing about plants.') });
  }, 60_000);
  afterAll(async () => t?.destroy());

  it('finds every status but the trash under "All", ranked, with the matching passage marked under each title', async () => {
    const html = await (await editor.get('/admin/articles/?q=quillwort')).text();
    expect(rowTitles(html)).toEqual(['Quillwort in the harbour', 'Pending piece', 'Field notes', 'Harbour cranes return']);
    // (PostgreSQL's ts_headline starts and ends the passage on words of its choosing.)
    expect(html).toMatch(/<p class="admin-snippet">(The )?<mark>quillwort<\/mark> beds by the quay were cleared for the cranes\.?<\/p>/);
    expect(html).toContain('4 articles matching “quillwort”, best match first, page 1 of 1');
    expect(html).toContain('<input id="filter-q" type="search" name="q" value="quillwort"');
    // The tabs count the query's matches in each status.
    expect([badge(html, 'All'), badge(html, 'Drafts'), badge(html, 'Pending review'), badge(html, 'Published'), badge(html, 'Trash')]).toEqual(['4', '1', '1', '2', '1']);
    expect(rowTitles(await (await editor.get('/admin/articles/?q=quillwort&tab=trashed')).text())).toEqual(['Binned quillwort']);
    expect(rowTitles(await (await editor.get('/admin/articles/?q=quillwort&tab=published&sort=date')).text())).toEqual(['Harbour cranes return', 'Quillwort in the harbour']);
    // Without a query the list is as it was: newest change first, no passages.
    const plain = await (await editor.get('/admin/articles/')).text();
    expect(plain).not.toContain('admin-snippet');
    expect(rowTitles(plain)).toHaveLength(5);
  });

  it('keeps the list’s rule for a contributor: their own by default, everyone’s when asked, edit links only on their own', async () => {
    const own = await (await contributor.get('/admin/articles/?q=quillwort')).text();
    expect(rowTitles(own)).toEqual(['Field notes']);
    const everyone = await (await contributor.get('/admin/articles/?q=quillwort&author=')).text();
    expect(rowTitles(everyone)).toEqual(['Quillwort in the harbour', 'Pending piece', 'Field notes', 'Harbour cranes return']);
    const editLinks = [...everyone.matchAll(/<a href="\/admin\/articles\/([0-9a-z]+)\/edit">([^<]*)</g)].map((m) => m[2]);
    expect(editLinks).toEqual(['Field notes']);
  });

  it('keeps the old "title" address working, and answers a query with no word, or hostile text, with a message', async () => {
    expect(rowTitles(await (await editor.get('/admin/articles/?title=quillwort')).text())).toHaveLength(4);
    const nothing = await (await editor.get(`/admin/articles/?q=${encodeURIComponent('*** ()')}`)).text();
    expect(nothing).toContain('There is no word to search for');
    const onlyOut = await (await editor.get('/admin/articles/?q=-quillwort')).text();
    expect(onlyOut).toContain('The search only says what to leave out');
    const hostile = await editor.get(`/admin/articles/?q=${encodeURIComponent('"><script>alert(1)</script> OR 1=1; --')}`);
    expect(hostile.status).toBe(200);
    const html = await hostile.text();
    expect(html).not.toContain('<script>alert(1)');
    expect(html).toContain('No articles match “&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt; OR 1=1; --”.');
  });
});
