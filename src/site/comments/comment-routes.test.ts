import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM_ACTOR } from '../../accounts/index.js';
import { moderateComments } from '../../comments/index.js';
import { COMMENT_RECEIPT_COOKIE } from '../../http/comment-receipt.js';
import { signInAs } from '../../../test/admin-session.js';
import { createNewsroom, type Newsroom, publishArticle } from '../../../test/factories.js';
import { createTestApp, type TestApp } from '../../../test/test-app.js';
import { TestBrowser } from '../../../test/test-browser.js';
import { testDialects } from '../../../test/test-db.js';

/*
 * Posting a comment through the public routes, as a browser without the page script does
 * (form posts, 303s, cookies) and as the script does (JSON): the token per response, the
 * too-fast and spent-token rules, cross-site posts, the honeypot, refusals that keep every
 * field, the receipt that shows a held comment to its author alone, and the rate limit; on
 * SQLite and PostgreSQL (the token's single use and the limits are counters in the database).
 */
describe.each(testDialects)('posting a comment on %s', (dialect) => {
  let t: TestApp;
  let n: Newsroom;
  let articleId = '';
  const path = '/world/levant/northern-front/comment-routes/';
  const later = (seconds: number) => t.clock.set(new Date(t.clock.now().getTime() + seconds * 1000).toISOString());
  /** "3 comments" in the thread's heading; "Comments" alone is none */
  const countOnPage = (html: string) => Number(/<h2 id="comments-title"[^>]*>(\d+) comments?<\/h2>/.exec(html)?.[1] ?? 0);
  const tokenOf = (html: string) => /name="token" value="([^"]*)"/.exec(html)?.[1] ?? '';
  const reader = (ip = '198.51.100.7') => new TestBrowser(t.app, ip);
  const form = (extra: Record<string, string> = {}) => ({ articleId, parentId: '', token: '', name: 'Lena Okafor', email: 'lena@example.net', website: '', body: 'The harbour figures do not add up.', homepage: '', ...extra });
  /** A token as the page script gets it, old enough to pass. */
  const freshToken = async (browser: TestBrowser) => {
    const res = await browser.get(`/comments/token/?article=${articleId}`);
    expect(res.headers.get('cache-control')).toBe('private, no-store');
    const { token } = (await res.json()) as { token: string };
    later(5);
    return token;
  };

  beforeAll(async () => {
    t = await createTestApp(dialect, { COMMENT_LIMIT_PER_IP: '4/600', COMMENT_LIMIT_PER_EMAIL: '1000/600' });
    n = await createNewsroom(t.db, t.clock, t.events);
    articleId = (await publishArticle({ db: t.db, clock: t.clock, events: t.events }, n, { slug: 'comment-routes' })).id;
  });
  afterAll(() => t.destroy());

  it('puts the form under the cached article with no token and nothing personal, and the one script', async () => {
    const html = await (await reader().get(path)).text();
    expect(html).toContain('<form class="comment-form" method="post" action="/comments/"');
    expect(tokenOf(html)).toBe('');
    expect(html).toMatch(/<script type="module" src="\/assets\/comments\.js\?v=[\w-]+"><\/script>/);
    expect(html.match(/<script/g)?.length).toBe(1 + (html.match(/application\/ld\+json/g)?.length ?? 0));
  });

  it('without the script: the first press comes back with a token and every field; the second, seconds later, posts and shows the held comment to its author alone', async () => {
    const lena = reader();
    const first = await lena.post('/comments/', form({ website: 'https://lena.example.net/', remember: '1' }));
    expect(first.status).toBe(200);
    const page = await first.text();
    expect(page).toContain('Almost there');
    for (const typed of ['Lena Okafor', 'lena@example.net', 'https://lena.example.net/', 'The harbour figures do not add up.']) expect(page).toContain(typed);
    const token = tokenOf(page);
    expect(token).not.toBe('');

    later(4);
    const posted = await lena.post('/comments/', form({ website: 'https://lena.example.net/', remember: '1', token }));
    expect(posted.status).toBe(303);
    expect(posted.headers.get('location')).toBe(`${path}#comments`);
    expect(lena.cookies.has(COMMENT_RECEIPT_COOKIE)).toBe(true);
    expect(lena.cookies.has('dossier_commenter')).toBe(true);

    const mine = await lena.get(path);
    expect(mine.headers.get('cache-control')).toBe('private, no-store');
    const mineHtml = await mine.text();
    expect(mineHtml).toContain('Your comment is awaiting moderation');
    expect(mineHtml).toContain('The harbour figures do not add up.');
    const someoneElse = await (await reader('203.0.113.9').get(path)).text();
    expect(someoneElse).not.toContain('The harbour figures do not add up.');
    expect(someoneElse).not.toContain('lena@example.net');

    // Approved, it is in everyone's thread, and the receipt has done its work.
    const [held] = await t.db.selectFrom('comments').select('id').where('body', '=', 'The harbour figures do not add up.').execute();
    await moderateComments({ db: t.db, clock: t.clock, events: t.events }, SYSTEM_ACTOR, [held!.id], 'approve');
    const published = await (await lena.get(path)).text();
    expect(published).toContain('your comment</a> is published');
    expect(lena.cookies.has(COMMENT_RECEIPT_COOKIE)).toBe(false);
    expect(await (await reader('203.0.113.9').get(path)).text()).toContain('The harbour figures do not add up.');
  });

  it('refuses a post sooner than a person types, and a token spent once, keeping the text', async () => {
    const fast = reader('198.51.100.20');
    const { token } = (await (await fast.get(`/comments/token/?article=${articleId}`)).json()) as { token: string };
    const tooFast = await fast.post('/comments/', form({ token, body: 'Quick words.' }));
    expect(tooFast.status).toBe(400);
    const html = await tooFast.text();
    expect(html).toContain('That was quick');
    expect(html).toContain('Quick words.');
    later(5);
    expect((await fast.post('/comments/', form({ token, body: 'Quick words.' }))).status).toBe(303);
    const again = await fast.post('/comments/', form({ token, body: 'Quick words, twice.' }));
    expect(again.status).toBe(400);
    expect(await again.text()).toContain('already sent once');
  });

  it('refuses posts that another site’s page makes, and the honeypot', async () => {
    const browser = reader('198.51.100.21');
    const token = await freshToken(browser);
    const count = async () => (await t.db.selectFrom('comments').select('id').execute()).length;
    const before = await count();
    expect((await browser.post('/comments/', form({ token }), { 'sec-fetch-site': 'cross-site' })).status).toBe(403);
    expect((await browser.post('/comments/', form({ token }), { origin: 'https://evil.example' })).status).toBe(403);
    expect((await browser.post('/comments/', form({ token, homepage: 'http://spam.example/' }))).status).toBe(400);
    expect(await count()).toBe(before);
  });

  it('answers a mistake next to its field, every field as typed, with a new token', async () => {
    const browser = reader('198.51.100.22');
    const token = await freshToken(browser);
    const res = await browser.post('/comments/', form({ token, name: '', email: 'not-an-address', body: 'Kept <b>as typed</b>.' }));
    expect(res.status).toBe(400);
    const html = await res.text();
    expect(html).toMatch(/id="comment-name-error">Enter your name\./);
    expect(html).toMatch(/id="comment-email-error">[^<]+/);
    expect(html).toContain('Kept &lt;b&gt;as typed&lt;/b&gt;.');
    expect(tokenOf(html)).not.toBe(token);
  });

  it('answers the page script in JSON: the comment’s HTML, or the errors', async () => {
    const browser = reader('198.51.100.23');
    const token = await freshToken(browser);
    const res = await browser.post('/comments/', form({ token, email: 'new.reader@example.net', body: 'Sent *inline*.' }), { accept: 'application/json' });
    expect(res.status).toBe(201);
    const answer = (await res.json()) as { status: string; html: string; token: string };
    expect(answer.status).toBe('held');
    expect(answer.html).toContain('<em>inline</em>');
    expect(answer.html).not.toContain('lena@example.net');
    later(5);
    const refused = await browser.post('/comments/', form({ token: answer.token, body: '' }), { accept: 'application/json' });
    expect(refused.status).toBe(400);
    expect(((await refused.json()) as { errors: Record<string, string> }).errors.body).toBe('Write your comment.');
  });

  it('offers a reply form of its own to readers without the script, only under a shown comment', async () => {
    const [shown] = await t.db.selectFrom('comments').select('id').where('status', '=', 'approved').execute();
    const page = await reader().get(`/comments/reply/${shown!.id}/`);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain(`name="parentId" value="${shown!.id}"`);
    expect(tokenOf(html)).not.toBe('');
    const [held] = await t.db.selectFrom('comments').select('id').where('status', '=', 'pending').execute();
    expect((await reader().get(`/comments/reply/${held!.id}/`)).status).toBe(404);
  });

  it('shows a known reader’s reply at once, threaded under the comment it answers, and the cached page’s count follows', async () => {
    // Lena's first comment was approved above: her next ones need no moderator.
    const parent = await t.db.selectFrom('comments').select('id').where('body', '=', 'The harbour figures do not add up.').executeTakeFirstOrThrow();
    for (const _visit of [1, 2]) await reader('203.0.113.40').get(path);
    const before = countOnPage(await (await reader('203.0.113.40').get(path)).text());
    const lena = reader('198.51.100.30');
    const token = await freshToken(lena);
    const posted = await lena.post('/comments/', form({ token, parentId: parent.id, body: 'Replying to myself: the March figures were revised.' }));
    expect(posted.status).toBe(303);
    const replyId = new RegExp(`^${path}#comment-([0-9a-z]+)$`).exec(posted.headers.get('location') ?? '')?.[1];
    expect(replyId).toBeDefined();
    const html = await (await reader('203.0.113.41').get(path)).text();
    expect(html).toMatch(new RegExp(`id="comment-${parent.id}"[^]*?</article><ol class="comment-replies"><li class="comment-item"><article class="comment" id="comment-${replyId}"`));
    expect(countOnPage(html)).toBe(before + 1);
  });

  it('posts a signed-in editor’s comment under their account, shown at once with the staff badge', async () => {
    const editor = await signInAs(t, 'editor', 'Ana Desk');
    const token = await freshToken(editor.browser);
    const posted = await editor.browser.post('/comments/', form({ token, name: 'Typed Name', email: 'typed@example.net', body: 'From the desk: the figures are being checked.' }), { accept: 'application/json' });
    expect(posted.status).toBe(201);
    const answer = (await posted.json()) as { status: string; commentId: string };
    expect(answer.status).toBe('approved');
    const html = await (await reader('203.0.113.42').get(path)).text();
    const item = new RegExp(`<article class="comment" id="comment-${answer.commentId}"[^]*?</article>`).exec(html)?.[0] ?? '';
    expect(item).toContain('Ana Desk');
    expect(item).toContain('<span class="comment-staff">Staff</span>');
    expect(item).not.toContain('Typed Name');
  });

  it('serves a forged receipt from the cache, like any reader', async () => {
    await reader().get(path);
    await reader().get(path);
    const res = await reader().get(path, { cookie: `${COMMENT_RECEIPT_COOKIE}=01kbx0000000000000000000aa.${articleId}.9999999999.AAAA` });
    expect(res.headers.get('cache-control')).not.toBe('private, no-store');
  });

  it('limits comments per address, and lifts the limit when its window ends', async () => {
    const flood = reader('192.0.2.50');
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++) {
      const token = await freshToken(flood);
      statuses.push((await flood.post('/comments/', form({ token, email: `flood${i}@example.net`, body: `Comment number ${i}.` }))).status);
    }
    expect(statuses).toEqual([303, 303, 303, 303, 429]);
    later(600);
    const token = await freshToken(flood);
    expect((await flood.post('/comments/', form({ token, email: 'flood9@example.net', body: 'After the window.' }))).status).toBe(303);
  });
});
