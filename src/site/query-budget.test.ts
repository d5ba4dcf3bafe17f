import { SYSTEM_ACTOR } from '../accounts/index.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importComments } from '../comments/index.js';
import { createPage } from '../content/index.js';
import { saveRedirect } from '../redirects/index.js';
import { createNewsroom, type Newsroom, publishArticle } from '../../test/factories.js';
import { createTestApp, type TestApp } from '../../test/test-app.js';
import { testDialects } from '../../test/test-db.js';

/*
 * What an uncached page costs the database. Every list page is a few index range scans;
 * an article page must stay within 8 statements and a 404 within 4, whatever the article
 * carries (several topics, tags, authors, a featured image, related articles, comments).
 * The other budgets are today's counts, so a change that adds a statement is noticed.
 */
const BUDGET: [string, string, number, number][] = [
  // [what, path, status, at most statements]
  ['an article', '/world/levant/northern-front/talks-resume/', 200, 8],
  ['a topic', '/world/levant/', 200, 8],
  ['home', '/', 200, 7],
  ['a tag', '/tag/ceasefire/', 200, 5],
  ['an author', '/author/ana-ferreira/', 200, 5],
  ['a static page', '/about/', 200, 2],
  ['the site feed', '/feed/', 200, 4],
  ['a topic feed', '/world/feed/atom/', 200, 5],
  // The newest approved comments in one statement; a reply whose parent is older than them costs one more per generation.
  ['the site comment feed', '/feed/comments/', 200, 1],
  // Not a topic (2: the topic, its redirect row), then the path resolved, the title and the comments.
  ['an article comment feed', '/world/levant/northern-front/talks-resume/feed/atom/', 200, 5],
  ['a month archive', '/archive/2026/11/', 200, 6],
  ['an article under a wrong topic path', '/economy/talks-resume/', 301, 1],
  ['a redirect', '/old-story/', 301, 1],
  // Tag and author pages read their redirect rows in the statement that reads the tag or person.
  ['a redirect from a tag (a merged tag)', '/tag/truce/', 301, 1],
  ['a redirect from an author page', '/author/former-name/', 301, 1],
  ['a tag that is nothing', '/tag/nothing-here/', 404, 1],
  ['a tag feed redirected with its tag', '/tag/truce/feed/', 301, 1],
  ['a path that is nothing', '/world/levant/nothing-here/', 404, 4],
  ['a top-level path that is nothing', '/nothing-here/', 404, 4],
];

describe.each(testDialects)('queries per uncached page on %s', (dialect) => {
  let t: TestApp;
  let n: Newsroom;

  beforeAll(async () => {
    t = await createTestApp(dialect, { PAGE_CACHE: 'off' });
    n = await createNewsroom(t.db, t.clock);
    const deps = { db: t.db, clock: t.clock, events: t.events };
    const main = await publishArticle(deps, n, {
      slug: 'talks-resume',
      topicIds: [n.front.id, n.economy.id],
      tagIds: [n.ceasefire.id, n.ports.id],
      authorIds: [n.ana.id, n.ben.id],
    });
    for (let i = 1; i <= 8; i++) {
      await publishArticle(deps, n, { slug: `convoy-report-${i}`, title: `Convoy report ${i} on the northern crossings`, publishedAt: new Date(Date.UTC(2026, 10, i, 6)) });
    }
    await importComments(t.db, t.events, main.id, [
      { key: 'a', parentKey: null, authorName: 'Reader One', authorEmail: 'one@example.org', authorUrl: '', body: 'A first comment.', status: 'approved', createdAt: new Date('2026-11-11T10:00:00Z') },
      { key: 'b', parentKey: 'a', authorName: 'Reader Two', authorEmail: 'two@example.org', authorUrl: '', body: 'A second comment.', status: 'approved', createdAt: new Date('2026-11-11T11:00:00Z') },
    ]);
    await createPage(deps, SYSTEM_ACTOR, { slug: 'about', title: 'About us', body: '<p>Who we are.</p>' });
    await saveRedirect(deps, SYSTEM_ACTOR, { fromPath: '/old-story/', toPath: '/world/levant/northern-front/talks-resume/', code: 301 });
    await saveRedirect(deps, SYSTEM_ACTOR, { fromPath: '/tag/truce/', toPath: '/tag/ceasefire/', code: 301 });
    await saveRedirect(deps, SYSTEM_ACTOR, { fromPath: '/author/former-name/', toPath: '/author/ana-ferreira/', code: 301 });
    // Warm what is process-wide (the site chrome), as a running server has.
    await t.app.request('/');
  });
  afterAll(() => t.destroy());

  it.each(BUDGET)('%s (%s) answers %i within %i statements', async (_what, path, status, budget) => {
    t.queries.reset();
    const res = await t.app.request(path);
    expect(res.status).toBe(status);
    expect(t.queries.count, t.queries.sql.join(', ')).toBeLessThanOrEqual(budget);
  });
});
