import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ImportedComment, importComments, moderateComment } from '../comments/index.js';
import { createNewsroom, publishArticle } from '../../test/factories.js';
import { createTestApp, type TestApp } from '../../test/test-app.js';
import { testDialects } from '../../test/test-db.js';
import { COMMENT_THREADS_PER_PAGE } from './pages/index.js';

const SITE = 'https://news.example.org';
const A = '/world/levant/northern-front/talks-resume/';

/** The top-level comments a page shows, in order (replies are inside .comment-replies lists). */
function topLevelIds(html: string): string[] {
  const list = html.slice(html.indexOf('<ol class="comment-list">'));
  const ids: string[] = [];
  let depth = 0;
  for (const m of list.matchAll(/<ol class="comment-(?:list|replies)">|<\/ol>|<article class="comment" id="comment-([0-9a-z]+)"/g)) {
    if (m[0].startsWith('<ol')) depth++;
    else if (m[0] === '</ol>') {
      if (--depth === 0) break;
    } else if (depth === 1) ids.push(m[1]!);
  }
  return ids;
}

/*
 * Long threads come in pages of 50 top-level threads (WordPress's default), oldest first:
 * page 1 at the article's URL, later ones at comment-page-N/, each a cached document with
 * its own canonical URL. A comment's permalink answers 301 to the page that holds it.
 */
describe.each(testDialects)('comment pages and permalinks on %s', (dialect) => {
  let t: TestApp;
  let ids: Map<string, string>;
  const root = (i: number) => ids.get(`root-${i}`)!;

  beforeAll(async () => {
    t = await createTestApp(dialect);
    const n = await createNewsroom(t.db, t.clock, t.events);
    const a = await publishArticle({ db: t.db, clock: t.clock, events: t.events }, n, { slug: 'talks-resume' });
    const at = (minutes: number) => new Date(Date.UTC(2026, 10, 15, 8) + minutes * 60_000);
    const comments: ImportedComment[] = [];
    for (let i = 1; i <= 120; i++) {
      comments.push({ key: `root-${i}`, parentKey: null, authorName: `Reader ${i}`, authorEmail: `r${i}@example.org`, authorUrl: '', body: `Thread number ${i}.`, status: 'approved', createdAt: at(i) });
    }
    comments.push(
      // A late reply to thread 60 stays in thread 60, on page 2.
      { key: 'reply-60', parentKey: 'root-60', authorName: 'Late Replier', authorEmail: 'late@example.org', authorUrl: '', body: 'Answering sixty.', status: 'approved', createdAt: at(500) },
      { key: 'held', parentKey: null, authorName: 'Held Reader', authorEmail: 'held@example.org', authorUrl: '', body: 'Not yet shown.', status: 'pending', createdAt: at(501) },
      { key: 'trashed', parentKey: null, authorName: 'Gone', authorEmail: 'gone@example.org', authorUrl: '', body: 'Taken down.', status: 'trash', createdAt: at(0) },
      { key: 'under-trashed', parentKey: 'trashed', authorName: 'Orphan', authorEmail: 'orphan@example.org', authorUrl: '', body: 'Under what was taken down.', status: 'approved', createdAt: at(502) },
    );
    ids = await importComments(t.db, t.events, a.id, comments);
  });
  afterAll(() => t.destroy());

  it('shows the oldest 50 threads on the article, with links to the later pages', async () => {
    expect(COMMENT_THREADS_PER_PAGE).toBe(50);
    const html = await (await t.app.request(A)).text();
    expect(topLevelIds(html)).toEqual(Array.from({ length: 50 }, (_, i) => root(i + 1)));
    expect(html).toContain('121 comments'); // the count is the article's, not the page's
    const nav = html.slice(html.indexOf('<nav class="comment-pages"'), html.indexOf('</nav>', html.indexOf('<nav class="comment-pages"')));
    expect(nav).toContain(`<a href="${A}comment-page-2/#comments" rel="next">Newer comments</a>`);
    expect(nav).toContain(`<a href="${A}comment-page-3/#comments">3</a>`);
    expect(nav).toContain('<span aria-current="page">1</span>');
    expect(nav).not.toContain('Older comments');
    expect(html).toContain(`<link rel="canonical" href="${SITE}${A}"/>`);
  });

  it('serves later pages at comment-page-N/, each its own canonical document, cached', async () => {
    const res = await t.app.request(`${A}comment-page-2/`);
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(topLevelIds(html)).toEqual(Array.from({ length: 50 }, (_, i) => root(i + 51)));
    expect(html).toContain(`id="comment-${ids.get('reply-60')}"`);
    expect(html).toContain(`<link rel="canonical" href="${SITE}${A}comment-page-2/"/>`);
    expect(html).toContain(`<a href="${A}#comments" rel="prev">Older comments</a>`);
    expect(html).toContain(`<a href="${A}#comments">1</a>`);

    const last = await (await t.app.request(`${A}comment-page-3/`)).text();
    expect(topLevelIds(last)).toEqual(Array.from({ length: 20 }, (_, i) => root(i + 101)));
    expect(last).not.toContain('Newer comments');
    for (const hidden of ['Held Reader', 'Orphan']) expect(last).not.toContain(hidden);

    await t.app.request(`${A}comment-page-2/`);
    expect(t.cache.get(`${A}comment-page-2/`)).toBeDefined();
  });

  it('has one spelling per page: page 1 moves to the article, others past the last or misspelt are not found', async () => {
    const first = await t.app.request(`${A}comment-page-1/`);
    expect(first.status).toBe(301);
    expect(first.headers.get('location')).toBe(`${SITE}${A}`);
    for (const path of [`${A}comment-page-4/`, `${A}comment-page-0/`, `${A}comment-page-02/`, `${A}comment-page-2/extra/`, '/world/levant/nothing-here/comment-page-2/']) {
      expect((await t.app.request(path)).status, path).toBe(404);
    }
    const wrongTopic = await t.app.request('/economy/talks-resume/comment-page-2/');
    expect(wrongTopic.status).toBe(301);
    expect(wrongTopic.headers.get('location')).toBe(`${SITE}${A}comment-page-2/`);
    expect((await t.app.request(`${A}comment-page-2/?page=2`)).status).toBe(301);
  });

  it('answers a permalink with 301 to the page that holds the comment, and 404 for one not shown', async () => {
    const cases: [string, string][] = [
      [root(1), `${SITE}${A}#comment-${root(1)}`],
      [root(50), `${SITE}${A}#comment-${root(50)}`],
      [root(51), `${SITE}${A}comment-page-2/#comment-${root(51)}`],
      [ids.get('reply-60')!, `${SITE}${A}comment-page-2/#comment-${ids.get('reply-60')}`],
      [root(120), `${SITE}${A}comment-page-3/#comment-${root(120)}`],
    ];
    for (const [id, location] of cases) {
      const res = await t.app.request(`/comments/${id}/`);
      expect(res.status, id).toBe(301);
      expect(res.headers.get('location')).toBe(location);
      expect(res.headers.get('cache-control')).toBe('no-cache');
    }
    for (const id of [ids.get('held')!, ids.get('trashed')!, ids.get('under-trashed')!, '01zzzzzzzzzzzzzzzzzzzzzzzz']) {
      expect((await t.app.request(`/comments/${id}/`)).status, id).toBe(404);
    }
  });

  it('drops a cached later page when its thread changes, and a page emptied by moderation is gone', async () => {
    const deps = { db: t.db, clock: t.clock, events: t.events };
    await t.app.request(`${A}comment-page-3/`);
    await t.app.request(`${A}comment-page-3/`);
    expect(t.cache.get(`${A}comment-page-3/`)).toBeDefined();
    for (let i = 101; i <= 120; i++) await moderateComment(deps, root(i), 'pending');
    expect(t.cache.get(`${A}comment-page-3/`)).toBeUndefined();
    expect((await t.app.request(`${A}comment-page-3/`)).status).toBe(404);
    expect((await t.app.request(`/comments/${root(101)}/`)).status).toBe(404);
  });
});
