import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createNewsroom, publishArticle } from '../../../test/factories.js';
import { createTestApp, type TestApp } from '../../../test/test-app.js';
import { testDialects } from '../../../test/test-db.js';

/*
 * Whatever a reader (or a script) puts in the address of the search page and the header's
 * suggestions gets a page or a clear message, never a 500, on both dialects. Malformed
 * percent-encoding is answered before routing, by the canonical-path middleware
 * (site/canonical-path.ts, http/request-target.ts): 400 "Bad request: malformed
 * percent-encoding."; everything else reaches the search routes and is answered 200.
 */

/** Query texts, sent percent-encoded as a browser's form would send them. */
const QUERIES: readonly string[] = [
  // unbalanced quotes and the engines' operators
  '"talks', 'talks"', '"""', '"', 'NEAR(talks crossings, 3)', 'title:talks', '{title body}: talks', 'talks*', '^talks', 'talks AND', 'OR OR', 'NOT talks',
  'talks & crossings', 'talks | !crossings', 'talks <-> crossings', 'talks:*', '-', '--', '-"', '(((', ')))',
  // SQL, LIKE and regex metacharacters
  "'; drop table articles; --", '" or 1=1 --', "x'); select pg_sleep(5); --", '%', '_', '%_%', '\\', '.*', '[a-z]+', '(a|b)*c', '$^', '\\d{3}', '{', '?', '+',
  // control, format, private-use and other odd characters
  '\u0000', 'talks\u0000crossings', '\u0007', '\u001b[31mred', '\u202etalks', 'talks\u200bcrossings', '\r\n\t', '\u0085\u2028\u2029', '\ue000talks\ue001', '\uffff', '\ufeff',
  '\ud83d\ude42', 'e\u0301', '東京', '𝕥𝕒𝕝𝕜𝕤',
  // markup and addresses
  '<script>alert(1)</script>', '"><img src=x onerror=alert(1)>', "javascript:alert('x')", '../../etc/passwd', 'https://example.com/a?b=c#d', 'M.E.K.', 'al-Qaeda',
  // long
  'a'.repeat(10_000), 'talks '.repeat(1_700), '"'.repeat(10_000), '-'.repeat(10_000), 'NEAR('.repeat(2_000),
];

/** Raw targets as a client may send them, encoding and all. */
const MALFORMED_TARGETS: readonly string[] = ['?q=%ff', '?q=%', '?q=talks%', '?q=%E0%A4%A', '?q=%C0%AF', '?q=%ED%A0%80', '?q=%zz', '?topic=%ff&q=talks'];
const ODD_TARGETS: readonly string[] = [
  '?q', '?q=', '?q=+', '?q=talks&q=crossings', '?q[]=talks', '?q=talks&page=-1', '?q=talks&page=0', '?q=talks&page=abc', '?q=talks&page=99999999999',
  '?q=talks&page=1e3', '?q=talks&sort=%3Cscript%3E', '?q=talks&topic=%27%3B%20drop%20table%20topics%3B--', '?q=talks&tag=%00', '?q=talks&author=%3Cscript%3E',
  '?q=talks&from=2026-02-30&to=tomorrow', '?q=talks&from=99999-01-01', '?q=talks&from=%00', '?q=talks&to=2026-1-1', '?q=talks&utm_source=x&fbclid=y',
  '?&&&=&=', '?=talks', '?q=%2B%2B%2B', '?q=%25', '?q=%00%00', '?q=%F0%9F%99%82',
];

describe.each(testDialects)('hostile input to the search routes on %s', (dialect) => {
  let t: TestApp;
  const get = (target: string) => t.app.request(`https://news.example.org${target}`);

  beforeAll(async () => {
    t = await createTestApp(dialect, { SEARCH_LIMIT_PER_IP: '100000/60', SEARCH_SUGGEST_LIMIT_PER_IP: '100000/60', SEARCH_TIME_SHARE: '1' });
    const n = await createNewsroom(t.db, t.clock, t.events);
    await publishArticle({ db: t.db, clock: t.clock, events: t.events }, n);
  });
  afterAll(async () => t?.destroy());

  it(`answers ${QUERIES.length} hostile queries and ${ODD_TARGETS.length} odd addresses with a search page, on the page and the suggestions`, async () => {
    const failures: string[] = [];
    const targets = [...QUERIES.map((q) => `?q=${encodeURIComponent(q)}`), ...ODD_TARGETS];
    for (const target of targets) {
      const page = await get(`/search${target}`);
      const html = await page.text();
      if (page.status !== 200 || !html.includes('<input id="search-q" type="search" name="q"')) failures.push(`/search${target.slice(0, 60)} → ${page.status}`);
      // Nothing typed comes back as markup, and nothing HTML forbids comes back at all.
      if (/<script>alert|<img src=x|[\u0000-\u0008\u000b\u000e-\u001f\ufffe\uffff]/.test(html)) failures.push(`/search${target.slice(0, 60)} echoes markup or control characters`);
      const suggest = await get(`/search/suggest${target}`);
      const body = await suggest.text();
      if (suggest.status !== 200 || !Array.isArray((JSON.parse(body) as { items?: unknown }).items)) failures.push(`/search/suggest${target.slice(0, 60)} → ${suggest.status}`);
    }
    expect(failures).toEqual([]);
    // The SQL stayed text: the tables are there and the article still found.
    expect(await (await get('/search?q=crossings')).text()).toContain('1 result for “crossings”');
  }, 120_000);

  it('says when part of a long query was ignored', async () => {
    const html = await (await get(`/search?q=${'talks '.repeat(1_700)}`)).text();
    expect(html).toContain('Your search was longer than we read');
    expect(html).toContain('1 result for');
  });

  it('answers malformed percent-encoding with 400 before routing, on the page and the suggestions', async () => {
    for (const target of MALFORMED_TARGETS) {
      for (const path of ['/search', '/search/suggest']) {
        const res = await get(`${path}${target}`);
        expect([path + target, res.status, await res.text()]).toEqual([path + target, 400, 'Bad request: malformed percent-encoding.']);
      }
    }
  });
});
