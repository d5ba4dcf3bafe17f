import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { articleInput, createNewsroom, type Newsroom } from '../../../test/factories.js';
import { createTestApp, type TestApp } from '../../../test/test-app.js';
import { testDialects } from '../../../test/test-db.js';
import { SYSTEM_ACTOR } from '../../accounts/index.js';
import { type ArticleInput, saveArticle, trashArticle, withdrawArticle } from '../../content/index.js';
import { createTopic } from '../../taxonomy/index.js';

/*
 * The reader's search page and the header box's suggestions, through the real app on both
 * dialects: what a reader sees for a query, its filters, order and pages, the topic cards
 * (one, or two sharing an acronym), "did you mean", the help pages, and that nothing but
 * published articles is ever found.
 */

/** The result titles of a search page, in order, as text. */
function titlesOf(html: string): string[] {
  return [...html.matchAll(/<h3 class="search-hit-title"><a href="[^"]*">(.*?)<\/a><\/h3>/g)].map((m) => m[1]!.replace(/<\/?mark>/g, ''));
}
function countLineOf(html: string): string | null {
  return /<p class="list-count" role="status">(.*?)<\/p>/.exec(html)?.[1]?.replace(/&quot;/g, '"') ?? null;
}
function hrefsOf(html: string, pattern: RegExp): string[] {
  return [...html.matchAll(/href="([^"]*)"/g)].map((m) => m[1]!.replace(/&amp;/g, '&')).filter((h) => pattern.test(h));
}

describe.each(testDialects)('the search page on %s', (dialect) => {
  let t: TestApp;
  let n: Newsroom;
  let topics: { council: string; broadcaster: string } = { council: '', broadcaster: '' };
  const deps = () => ({ db: t.db, clock: t.clock, events: t.events });
  const save = (overrides: Partial<ArticleInput>) => saveArticle(deps(), articleInput(n, overrides));
  const get = async (path: string) => {
    const res = await t.app.request(`https://news.example.org${path}`);
    return { res, html: await res.text() };
  };
  const search = async (query: string) => {
    const { res, html } = await get(`/search?${query}`);
    expect(res.status, query).toBe(200);
    return html;
  };

  beforeAll(async () => {
    // All of a test's requests come from one unknown address: the limits are tested on their own.
    t = await createTestApp(dialect, { SEARCH_LIMIT_PER_IP: '100000/60', SEARCH_SUGGEST_LIMIT_PER_IP: '100000/60', SEARCH_TIME_SHARE: '1' });
    n = await createNewsroom(t.db, t.clock, t.events);
    const council = await createTopic(deps(), SYSTEM_ACTOR, {
      slug: 'calvane-basin-council', name: 'Calvane Basin Council', kind: 'organization', aliases: ['CBC', 'Basin Council'],
      description: 'The regional organisation of the five Calvane states.',
    });
    const broadcaster = await createTopic(deps(), SYSTEM_ACTOR, {
      slug: 'coastal-broadcasting', name: 'Coastal Broadcasting Corporation', kind: 'organization', aliases: ['C.B.C.', 'Coastal TV'],
      description: 'The public broadcaster of the coast.',
    });
    topics = { council: council.id, broadcaster: broadcaster.id };
    // A topic named by a word further in: "basin" begins the Council's alias "Basin Council", and only a word of this one.
    await createTopic(deps(), SYSTEM_ACTOR, { slug: 'river-basin-authority', name: 'River Basin Authority', kind: 'organization' });
    const p = (text: string) => `<p>${text}</p>`;
    const articles: Partial<ArticleInput>[] = [
      { slug: 'crossings', title: 'Talks resume over the northern crossings', publishedAt: new Date('2026-11-10T09:00:00Z') },
      {
        slug: 'convoys', title: 'Convoys wait at the border', dek: 'Drivers sleep in their cabs.', body: p('The northern crossings stayed shut while customs sheds filled.'),
        publishedAt: new Date('2026-11-12T09:00:00Z'), tagIds: [n.ports.id], authorIds: [n.ben.id],
      },
      {
        slug: 'harbour', title: 'The harbour <script>alert(1)</script> reopens', dek: 'Cranes move again.', primaryTopicId: n.economy.id, topicIds: [],
        body: p('Dockworkers returned to the crossings on Tuesday. The &lt;img src=x onerror=alert(2)&gt; banner read “welcome back”.'),
        publishedAt: new Date('2026-10-01T09:00:00Z'), tagIds: [n.ports.id],
      },
      { slug: 'council', title: 'Basin ministers meet', primaryTopicId: council.id, topicIds: [council.id], body: p('The ministers argued over water quotas.') },
      { slug: 'bulletin', title: 'A new evening bulletin', primaryTopicId: broadcaster.id, topicIds: [broadcaster.id], body: p('The channel will air a bulletin at nine.') },
      // A word used often, so that its misspelling has a clear correction.
      ...Array.from({ length: 3 }, (_, i) => ({ slug: `pipeline-${i}`, title: `Pipeline survey ${i + 1}`, body: p('The pipeline route crosses the desert.'), primaryTopicId: n.economy.id, topicIds: [] })),
      // Twenty-three articles that share a rare word: three pages of ten.
      ...Array.from({ length: 23 }, (_, i) => ({
        slug: `ledger-${i}`, title: `Ledger entry ${i + 1}`, body: p('A quillwort ledger.'), primaryTopicId: n.economy.id, topicIds: [],
        publishedAt: new Date(Date.UTC(2026, 0, 1 + i, 9)),
      })),
      // Never found by readers: every status but published.
      { slug: 'draft', title: 'Zanzibar draft', status: 'draft', publishedAt: null },
      { slug: 'pending', title: 'Zanzibar pending', status: 'pending', publishedAt: null },
      { slug: 'scheduled', title: 'Zanzibar scheduled', status: 'scheduled', publishedAt: new Date('2027-01-01T09:00:00Z') },
      // A draft whose title begins with a word the published articles use.
      { slug: 'convoys-memo', title: 'Convoys leak memo', status: 'draft', publishedAt: null },
    ];
    for (const article of articles) await save(article);
    const withdrawn = await save({ slug: 'withdrawn', title: 'Zanzibar withdrawn' });
    await withdrawArticle(deps(), SYSTEM_ACTOR, withdrawn.id);
    const trashed = await save({ slug: 'trashed', title: 'Zanzibar trashed', status: 'draft', publishedAt: null });
    await trashArticle(deps(), SYSTEM_ACTOR, trashed.id);
  }, 120_000);
  afterAll(async () => t?.destroy());

  it('shows ranked results with their topic, byline, date and highlighted snippet, the query in the box, and is not for indexing', async () => {
    const html = await search('q=crossings');
    expect(titlesOf(html)).toEqual(['Talks resume over the northern crossings', 'Convoys wait at the border', 'The harbour &lt;script&gt;alert(1)&lt;/script&gt; reopens']);
    expect(countLineOf(html)).toBe('3 results for “crossings”');
    expect(html).toContain('<input id="search-q" type="search" name="q" value="crossings"');
    expect(html).toContain('<meta name="robots" content="noindex"/>');
    expect(html).toContain('<a href="/world/levant/northern-front/crossings/">Talks resume over the northern <mark>crossings</mark></a>');
    // The second hit: its topic above it, the snippet marked, the byline and date below.
    const convoys = html.slice(html.indexOf('/northern-front/convoys/') - 200, html.indexOf('/northern-front/convoys/') + 700);
    expect(convoys).toContain('<p class="kicker"><a href="/world/levant/northern-front/">Northern Front</a></p>');
    // (PostgreSQL's ts_headline starts and ends the passage on words of its choosing.)
    expect(convoys).toMatch(/<p class="search-hit-snippet">(The )?northern <mark>crossings<\/mark> stayed shut while customs sheds filled\.?<\/p>/);
    expect(convoys).toContain('<span>Ben Okafor</span><time datetime="2026-11-12T09:00:00.000Z">12 November 2026</time>');
  });

  it('prints what an article or a reader wrote as text: only the engine’s <mark> is a tag', async () => {
    const html = await search('q=dockworkers');
    expect(titlesOf(html)).toEqual(['The harbour &lt;script&gt;alert(1)&lt;/script&gt; reopens']);
    expect(html).toContain('&lt;img src=x onerror=alert(2)&gt;');
    expect(html).not.toMatch(/<script>alert|<img src=x/);
    const hostile = await search(`q=${encodeURIComponent('"><script>alert(3)</script>')}`);
    expect(hostile).not.toContain('<script>alert(3)');
    expect(hostile).toContain('value="&quot;&gt;&lt;script&gt;alert(3)&lt;/script&gt;"');
    expect(hostile).toContain('Nothing matched “&quot;&gt;&lt;script&gt;alert(3)&lt;/script&gt;”');
    // The titles and snippets hold no tag but <mark>.
    const page = await search('q=crossings');
    const marked = [...page.matchAll(/<p class="search-hit-snippet">(.*?)<\/p>|<h3 class="search-hit-title"><a href="[^"]*">(.*?)<\/a>/g)].map((m) => m[1] ?? m[2]!);
    expect(marked).toHaveLength(6);
    for (const text of marked) expect(text.replace(/<\/?mark>/g, '')).not.toMatch(/[<>]/);
  });

  it('narrows by topic (with the topics below it), tag, author and dates, and orders by date', async () => {
    expect(titlesOf(await search(`q=crossings&topic=${n.world.id}`)).sort()).toEqual(['Convoys wait at the border', 'Talks resume over the northern crossings']);
    expect(titlesOf(await search(`q=crossings&topic=${n.economy.id}`))).toEqual(['The harbour &lt;script&gt;alert(1)&lt;/script&gt; reopens']);
    expect(titlesOf(await search(`q=crossings&tag=${n.ports.id}`)).sort()).toEqual(['Convoys wait at the border', 'The harbour &lt;script&gt;alert(1)&lt;/script&gt; reopens']);
    expect(titlesOf(await search(`q=crossings&author=${n.ben.id}`))).toEqual(['Convoys wait at the border']);
    // Days in the site's zone, both ends included.
    expect(titlesOf(await search('q=crossings&from=2026-11-10&to=2026-11-10'))).toEqual(['Talks resume over the northern crossings']);
    expect(titlesOf(await search('q=crossings&from=2026-11-11'))).toEqual(['Convoys wait at the border']);
    expect(titlesOf(await search('q=crossings&to=2026-10-31'))).toEqual(['The harbour &lt;script&gt;alert(1)&lt;/script&gt; reopens']);
    expect(titlesOf(await search('q=crossings&sort=date'))).toEqual(['Convoys wait at the border', 'Talks resume over the northern crossings', 'The harbour &lt;script&gt;alert(1)&lt;/script&gt; reopens']);
    // The form shows the filters in force, open.
    const html = await search(`q=crossings&tag=${n.ports.id}&sort=date`);
    expect(html).toContain('<details class="search-filters" open="">');
    expect(html).toContain(`<option value="${n.ports.id}" selected="">Ports</option>`);
    expect(html).toContain('<option value="date" selected="">Newest first</option>');
    expect(hrefsOf(html, /^\/search\?/)).toContain('/search?q=crossings&sort=date');
  });

  it('counts and pages: ten a page, links that keep the query and filters, and a page past the end that says so', async () => {
    const first = await search(`q=quillwort&topic=${n.economy.id}&sort=date`);
    expect(countLineOf(first)).toBe('23 results for “quillwort” · page 1 of 3');
    expect(titlesOf(first)).toEqual(Array.from({ length: 10 }, (_, i) => `Ledger entry ${23 - i}`));
    expect(hrefsOf(first, /page=/)).toEqual(expect.arrayContaining([`/search?q=quillwort&topic=${n.economy.id}&sort=date&page=2`, `/search?q=quillwort&topic=${n.economy.id}&sort=date&page=3`]));
    const third = await search(`q=quillwort&topic=${n.economy.id}&sort=date&page=3`);
    expect(titlesOf(third)).toEqual(['Ledger entry 3', 'Ledger entry 2', 'Ledger entry 1']);
    expect(third).toContain('<ol class="search-hits" start="21">');
    expect(hrefsOf(third, /rel=|page=2/)).toContain(`/search?q=quillwort&topic=${n.economy.id}&sort=date&page=2`);
    const past = await search('q=quillwort&page=9');
    expect(titlesOf(past)).toEqual([]);
    expect(past).toContain('There is no page 9 of these results.');
    expect(hrefsOf(past, /page=3$/)).toEqual(['/search?q=quillwort&page=3']);
    expect(countLineOf(await search('q=cabs'))).toBe('1 result for “cabs”');
  });

  it('opens with the card of the topic an alias names: name, other names, description, its page', async () => {
    const html = await search('q=NLF');
    expect(html).toContain('<h3 class="topic-card-name" id="topic-card-');
    expect(html).toContain('<a href="/world/levant/northern-front/">Northern Front</a></h3>');
    expect(html).toContain('<p class="tagline">Also: NLF · NLA · ANL · The Northern Front</p>');
    expect(html).toContain('<p class="topic-card-description">An armed coalition active in the north.</p>');
    expect(html).not.toContain('Only this topic'); // one topic: nothing to narrow
    expect(titlesOf(html).sort()).toEqual(['Convoys wait at the border', 'Talks resume over the northern crossings']);
    // With dots, in another case: the same topic.
    expect(await search('q=n.l.f.')).toContain('<p class="tagline">Also: NLF · NLA · ANL · The Northern Front</p>');
  });

  it('shows both topics of a shared acronym, narrows to one, and offers the way back', async () => {
    const both = await search('q=CBC');
    expect(both).toContain('>Calvane Basin Council</a></h3>');
    expect(both).toContain('>Coastal Broadcasting Corporation</a></h3>');
    expect(both).toContain('Your search names 2 topics; results for all of them are below.');
    expect(titlesOf(both).sort()).toEqual(['A new evening bulletin', 'Basin ministers meet']);
    const narrow = hrefsOf(both, /Only|topic=/);
    expect(narrow.sort()).toEqual([`/search?q=CBC&topic=${topics.council}`, `/search?q=CBC&topic=${topics.broadcaster}`].sort());

    const council = await search(`q=CBC&topic=${topics.council}`);
    expect(titlesOf(council)).toEqual(['Basin ministers meet']);
    expect(council).toContain('<article class="topic-card is-chosen"');
    expect(council).toContain('Showing only Calvane Basin Council.');
    expect(council).toContain('<a href="/search?q=CBC">Show every topic’s results</a>');
    expect(council).toContain(`<a href="/search?q=CBC&amp;topic=${topics.broadcaster}">Only this topic</a>`);
    expect(titlesOf(await search(`q=CBC&topic=${topics.broadcaster}`))).toEqual(['A new evening bulletin']);
  });

  it('asks "did you mean" for a misspelling, with a link that searches the correction', async () => {
    const html = await search('q=pipelnie');
    expect(titlesOf(html)).toEqual([]);
    expect(html).toContain('Did you mean <a href="/search?q=pipeline">pipeline</a>?');
    expect(titlesOf(await search('q=pipeline'))).toHaveLength(3);
    expect(await search('q=pipeline')).not.toContain('Did you mean');
  });

  it('helps on an empty search and when nothing matches: tips, fewer words, topics to browse', async () => {
    const empty = await search('');
    expect(countLineOf(empty)).toBeNull();
    expect(empty).toContain('How to search');
    expect(empty).toContain('<input id="search-q" type="search" name="q" value=""');
    expect(hrefsOf(empty, /^\/world\/levant\//)).toEqual(expect.arrayContaining(['/world/levant/', '/world/levant/northern-front/']));
    const none = await search('q=xylophonist');
    expect(none).toContain('Nothing matched “xylophonist”');
    expect(none).toContain('Use fewer words');
    expect(none).toContain('Browse topics');
    expect(await search(`q=xylophonist&tag=${n.ports.id}`)).toContain('<a href="/search?q=xylophonist">Search again without the filters</a>');
    const onlyExcluded = await search('q=-crossings');
    expect(onlyExcluded).toContain('Your search only says what to leave out');
    expect(titlesOf(onlyExcluded)).toEqual([]);
    expect(await search(`q=${encodeURIComponent('*** ( ) ^')}`)).toContain('There is no word to search for');
  });

  it('never finds or suggests what readers cannot see: drafts, pending, scheduled, withdrawn, trashed', async () => {
    const html = await search('q=zanzibar');
    expect(titlesOf(html)).toEqual([]);
    expect(html).toContain('Nothing matched');
    const { res, html: json } = await get('/search/suggest?q=zanzib');
    expect(res.status).toBe(200);
    expect(JSON.parse(json)).toEqual({ items: [] });
    const convoys = JSON.parse((await get('/search/suggest?q=convoy')).html) as { items: { label: string }[] };
    expect(convoys.items.map((i) => i.label)).toEqual(['Convoys wait at the border']);
  });

  it('leaves out filters that name nothing here, and says so', async () => {
    const html = await search(`q=crossings&topic=nope&tag=${'a'.repeat(26)}&from=2026-02-30&sort=sideways&page=zero`);
    expect(html).toContain('The topic in the address is not one this site has, so that filter was left out.');
    expect(html).toContain('The tag in the address is not one this site has, so that filter was left out.');
    expect(html).toContain('“2026-02-30” is not a date (the form takes year-month-day), so the “From” date was left out.');
    expect(titlesOf(html)).toHaveLength(3);
    const swapped = await search('q=crossings&from=2026-11-10&to=2026-10-01');
    expect(swapped).toContain('The dates were the wrong way round; they have been swapped.');
    expect(titlesOf(swapped).sort()).toEqual(['Talks resume over the northern crossings', 'The harbour &lt;script&gt;alert(1)&lt;/script&gt; reopens']);
  });

  it('has one spelling: /search/ answers 301 to /search with the query', async () => {
    const { res } = await get('/search/?q=crossings&page=2');
    expect(res.status).toBe(301);
    expect(res.headers.get('location')).toBe('/search?q=crossings&page=2');
  });

  it('suggests topics under any of their names, then article titles, at most eight, briefly cacheable', async () => {
    const ask = async (q: string) => {
      const { res, html } = await get(`/search/suggest?q=${encodeURIComponent(q)}`);
      expect(res.status, q).toBe(200);
      expect(res.headers.get('content-type')).toMatch(/^application\/json/);
      expect(res.headers.get('cache-control')).toBe('public, max-age=60');
      return (JSON.parse(html) as { items: { kind: string; label: string; detail: string; url: string }[] }).items;
    };
    expect((await ask('nl'))[0]).toEqual({ kind: 'topic', label: 'Northern Front', detail: 'Topic, also called NLA', url: '/world/levant/northern-front/' });
    expect((await ask('N.L.F'))[0]).toMatchObject({ kind: 'topic', label: 'Northern Front', detail: 'Topic, also called NLF' });
    expect((await ask('coastal tv')).filter((i) => i.kind === 'topic').map((i) => i.label)).toEqual(['Coastal Broadcasting Corporation']);
    // A name or alias that begins with the text comes before one with a later word that does.
    expect((await ask('basin')).filter((i) => i.kind === 'topic').map((i) => [i.label, i.detail])).toEqual([
      ['Calvane Basin Council', 'Topic, also called Basin Council'],
      ['River Basin Authority', 'Topic'],
    ]);
    expect((await ask('cbc')).filter((i) => i.kind === 'topic').map((i) => i.label).sort()).toEqual(['Calvane Basin Council', 'Coastal Broadcasting Corporation']);
    // Titles with a word beginning with each typed word, newest first; they come back as text.
    expect((await ask('harb')).map((i) => [i.kind, i.label, i.detail, i.url])).toEqual([['article', 'The harbour <script>alert(1)</script> reopens', '1 October 2026', '/economy/harbour/']]);
    expect((await ask('northern cross')).map((i) => i.label)).toEqual(['Talks resume over the northern crossings']);
    expect(await ask('dockworkers')).toEqual([]); // a word of the body only: the results page finds it
    const many = await ask('ledg');
    expect(many.map((i) => i.label)).toEqual(Array.from({ length: 8 }, (_, i) => `Ledger entry ${23 - i}`));
    expect(await ask('')).toEqual([]);
    expect(await ask('x')).toEqual([]);
  });
});
