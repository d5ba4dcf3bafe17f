import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addBlock, type Comment } from '../../comments/index.js';
import { SYSTEM_ACTOR } from '../../accounts/index.js';
import { signInAs, type StaffBrowser } from '../../../test/admin-session.js';
import { createModerationWorld, type ModerationWorld } from '../../../test/moderation-world.js';
import { testDialects } from '../../../test/test-db.js';

/** The text of an HTML page with tags removed and spaces collapsed, for reading sentences across elements. */
function textOf(html: string): string {
  return html
    .replace(/<[^>]+>/g, ' ')
    .replace(/&amp;/g, '&')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/\s+/g, ' ');
}

/** The queue's rows, by comment id, as the list prints them (each row is an <li> of its own). */
function rowsOf(html: string): Map<string, string> {
  const rows = new Map<string, string>();
  for (const m of html.matchAll(/<li class="queue-item[^"]*">([\s\S]*?)<\/article><\/li>/g)) {
    const id = /name="ids" value="([0-9a-z]+)"/.exec(m[1]!)?.[1];
    if (id) rows.set(id, m[1]!);
  }
  return rows;
}

describe.each(testDialects)('the moderation queue, on %s', (dialect) => {
  let w: ModerationWorld;
  let editor: StaffBrowser;
  let held: Comment;
  let filtered: Comment;
  let fromOther: Comment;
  let shown: Comment;

  beforeAll(async () => {
    w = await createModerationWorld(dialect);
    editor = await signInAs(w.t, 'editor');
    held = await w.post({ name: 'Hanna Voss', email: 'Hanna@Example.org', website: 'https://hanna.example.net/notes', body: 'The **berth** allocation is the point <script>alert(1)</script> nobody makes.' });
    await addBlock(w.deps, SYSTEM_ACTOR, { kind: 'word', value: 'cheap pills', note: 'a campaign' });
    filtered = await w.post({ name: 'Promo Desk', body: 'Buy cheap pills today.', ip: '203.0.113.9' });
    fromOther = await w.post({ articleId: w.other.id, name: 'Tomas Reyes', body: 'Fees are passed on to importers.', ip: '203.0.113.9' });
    shown = await w.post({ name: 'Staffless Reader', body: 'An approved one.' });
    await w.t.db.updateTable('comments').set({ status: 'approved', status_reason: 'moderator', status_note: 'Approved by a moderator.' }).where('id', '=', shown.id).execute();
  });
  afterAll(() => w?.t.destroy());

  it('lists held comments first, with who wrote them, from where, why they are held, their score and their words as readers would see them', async () => {
    const res = await editor.get('/admin/comments/');
    expect(res.status).toBe(200);
    const html = await res.text();
    const rows = rowsOf(html);
    // Pending is the default tab: held comments only (fromOther is held too, on the other article).
    expect([...rows.keys()].sort()).toEqual([held.id, fromOther.id].sort());
    const row = rows.get(held.id)!;
    expect(row).toContain('Hanna Voss');
    expect(row).toContain('Hanna@Example.org');
    expect(row).toContain('<a href="https://hanna.example.net/notes" rel="nofollow ugc noopener noreferrer">');
    expect(row).toContain(`<code>${held.ipHash}</code>`);
    // The stored rendering, printed as HTML; the script tag the commenter typed is text.
    expect(row).toContain('<strong>berth</strong>');
    expect(row).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(row).not.toContain('<script>');
    expect(textOf(row)).toContain('Why pending New commenter : First comment from this email address.');
    expect(textOf(row)).toMatch(/Spam score (not scored|\d+%)/);
    // Its place on the public site: the article (readers do not see a held comment there)…
    expect(row).toContain(`<a href="/world/levant/northern-front/talks-resume/">Talks resume over the northern crossings</a>`);
    // …and for an approved one its permalink, which finds the thread page that holds it.
    const approvedRow = rowsOf(await (await editor.get('/admin/comments/?status=approved')).text()).get(shown.id)!;
    expect(approvedRow).toContain(`<a href="/comments/${shown.id}/">Talks resume over the northern crossings</a>`);
    // Tabs count per status.
    // Its edit screen keeps the way back to this list.
    expect(row).toContain(`href="/admin/comments/${held.id}/edit?back=%2Fadmin%2Fcomments%2F"`);
    const tabs = textOf(/<nav aria-label="Comments by status"[\s\S]*?<\/nav>/.exec(html)![0]);
    expect(tabs).toContain('Pending 2 ');
    expect(tabs).toContain('Approved 1 ');
    expect(tabs).toContain('Spam 1 ');
    expect(tabs).toContain('Trash 0 ');
    expect(tabs).toContain('All 4 ');
    // The tab being shown is marked as the current page.
    const current = (page: string) => /<nav aria-label="Comments by status"[\s\S]*?aria-current="page">([^<]*)/.exec(page)?.[1]?.trim();
    expect(current(html)).toBe('Pending');
    expect(current(await (await editor.get('/admin/comments/?status=spam')).text())).toBe('Spam');
  });

  it('says why a comment went to the spam folder', async () => {
    const html = await (await editor.get('/admin/comments/?status=spam')).text();
    const rows = rowsOf(html);
    expect([...rows.keys()]).toEqual([filtered.id]);
    expect(textOf(rows.get(filtered.id)!)).toContain('Why spam Block list : Contains “cheap pills”, which is on the block list.');
  });

  it('filters by words, email, IP hash and article, each row linking to the lists of its email and IP hash', async () => {
    const ids = async (url: string) => [...rowsOf(await (await editor.get(url)).text()).keys()].sort();
    expect(await ids('/admin/comments/?status=all&q=BERTH')).toEqual([held.id]);
    expect(await ids('/admin/comments/?status=all&q=tomas')).toEqual([fromOther.id]);
    expect(await ids('/admin/comments/?status=all&email=hanna%40example.org')).toEqual([held.id]);
    expect(await ids(`/admin/comments/?status=all&ip=${filtered.ipHash}`)).toEqual([filtered.id, fromOther.id].sort());
    expect(await ids(`/admin/comments/?status=all&article=${w.other.id}`)).toEqual([fromOther.id]);
    // A filter that is not an IP hash is dropped, never applied or echoed.
    expect(await ids('/admin/comments/?status=all&ip=%3Cb%3E')).toHaveLength(4);

    const row = rowsOf(await (await editor.get('/admin/comments/?status=all')).text()).get(fromOther.id)!;
    const links = [...row.matchAll(/<a href="([^"]+)">all from this (email|IP hash)<\/a>/g)].map((m) => m[1]!.replace(/&amp;/g, '&'));
    expect(links).toEqual([`/admin/comments/?status=all&email=${encodeURIComponent(fromOther.authorEmail)}`, `/admin/comments/?status=all&ip=${fromOther.ipHash}`]);
    expect(await ids(links[1]!)).toEqual([filtered.id, fromOther.id].sort());
    const onArticle = /<a href="([^"]+)">all on this article<\/a>/.exec(row)![1]!.replace(/&amp;/g, '&');
    expect(onArticle).toBe(`/admin/comments/?status=all&article=${w.other.id}`);
    const narrowed = await (await editor.get(onArticle)).text();
    expect(textOf(narrowed)).toContain('Showing only: On “Port fees rise for the third time”');
  });

  it('pages through a long queue, newest first, keeping the filters', async () => {
    const many: string[] = [];
    for (let i = 0; i < 22; i++) many.push((await w.post({ articleId: w.other.id, body: `Paged comment ${i} about fees.` })).id);
    const first = await (await editor.get(`/admin/comments/?article=${w.other.id}&q=paged`)).text();
    expect([...rowsOf(first).keys()]).toEqual(many.slice(-20).reverse());
    expect(textOf(first)).toContain('22 comments, page 1 of 2');
    const next = /<a href="([^"]+)">Older<\/a>/.exec(first)![1]!.replace(/&amp;/g, '&');
    expect(next).toBe(`/admin/comments/?article=${w.other.id}&q=paged&page=2`);
    expect([...rowsOf(await (await editor.get(next)).text()).keys()]).toEqual(many.slice(0, 2).reverse());
  });

  it('shows moderators the number of held comments in the navigation, and nobody else the area', async () => {
    const pending = Number((await w.t.db.selectFrom('comments').select((eb) => eb.fn.countAll<number>().as('n')).where('status', '=', 'pending').executeTakeFirstOrThrow()).n);
    expect(pending).toBeGreaterThan(2);
    const nav = /<nav class="admin-nav"[\s\S]*?<\/nav>/.exec(await (await editor.get('/admin/')).text())![0];
    expect(textOf(nav)).toContain(`Comments ${pending} pending`);
    for (const role of ['author', 'contributor'] as const) {
      const who = await signInAs(w.t, role);
      expect(await (await who.get('/admin/')).text()).not.toContain('/admin/comments/');
    }
  });
});
