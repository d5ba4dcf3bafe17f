import { describe, expect, it } from 'vitest';
import { threadComments } from '../../comments/index.js';
import { ArticleView } from './article-view.js';
import * as F from './fixtures/index.js';
import { renderPage } from './test-html.js';

const chrome = F.fixtureChrome();

describe('ArticleView', () => {
  it('shows every part of the article page, in order', async () => {
    const p = await renderPage(<ArticleView chrome={chrome} page={F.articlePage()} />);

    // Breadcrumb: Home » Organizations » Armed groups » Tolvane Freedom Movement » Title
    const crumbs = p.one('nav', { class: 'breadcrumb' });
    const crumbItems = p.all('li').filter((li) => li.parent?.parent === crumbs).map((li) => p.text(li));
    expect(crumbItems).toEqual(['Home', 'Organizations', 'Armed groups', 'Tolvane Freedom Movement', F.LEAD.title]);
    expect(p.all('a', {}).some((a) => p.attr(a, 'href') === '/organizations/armed-groups/')).toBe(true);

    expect(p.all('h1')).toHaveLength(1);
    expect(p.text(p.one('h1'))).toBe(F.LEAD.title);
    expect(p.text(p.one('p', { class: 'dek' }))).toBe(F.LEAD.dek);
    expect(p.text(p.one('p', { class: 'tagline' }))).toBe('TFM · TLF · MLT · The Northern Front');

    // Byline: author links, dates in <time datetime>, reading time.
    const byline = p.one('div', { class: 'byline' });
    expect(p.all('a', { rel: 'author' }).map((a) => p.attr(a, 'href'))).toEqual(['/author/tobias-wren/', '/author/jonas-petrakis/']);
    expect(p.text(byline)).toContain('Tobias Wren and Jonas Petrakis');
    const times = p.all('time').filter((t) => byline.children.length && p.text(byline).includes(p.text(t)));
    expect(times.map((t) => p.attr(t, 'datetime'))).toEqual(expect.arrayContaining(['2026-03-12T08:30:00.000Z', '2026-03-14T16:05:00.000Z']));
    expect(p.text(byline)).toContain('12 March 2026');
    expect(p.text(byline)).toMatch(/\d+ min read/);

    // Featured figure: picture with WebP and JPEG srcsets, size, alt, caption and credit; not lazy.
    const featured = p.one('figure', { class: 'featured' });
    const source = p.all('source').find((s) => featured.children.includes(s.parent as never));
    expect(source && p.attr(source, 'type')).toBe('image/webp');
    const img = p.all('img').find((i) => p.attr(i, 'src') === F.IMAGES.bridge.url)!;
    expect(p.attr(img, 'width')).toBe('1600');
    expect(p.attr(img, 'height')).toBe('900');
    expect(p.attr(img, 'alt')).toBe(F.IMAGES.bridge.alt);
    expect(p.attr(img, 'srcset')).toContain('/media/bridge-480.jpg 480w');
    expect(p.attr(img, 'loading')).toBe('eager');
    expect(p.attr(img, 'fetchpriority')).toBe('high');
    expect(p.text(featured)).toContain(F.IMAGES.bridge.caption);
    expect(p.text(p.all('small', { class: 'credit' })[0])).toBe(F.IMAGES.bridge.credit);

    // Table of contents: 4+ headings, each linking to its anchor in the body.
    const toc = p.one('nav', { class: 'toc' });
    const tocLinks = p.all('a').filter((a) => p.attr(a, 'href')?.startsWith('#') && p.text(toc).includes(p.text(a)));
    expect(tocLinks.length).toBeGreaterThanOrEqual(4);
    for (const link of tocLinks) expect(p.html).toContain(`id="${p.attr(link, 'href')!.slice(1)}"`);

    // The body as stored: body images as lazy pictures, the pull quote kept.
    const body = p.one('div', { class: 'article-body' });
    expect(p.text(body)).toContain('We painted the line so that everyone would know where to stop.');
    expect(p.all('blockquote', { class: 'pull-quote' })).toHaveLength(1);
    const bodyImg = p.all('img').find((i) => p.attr(i, 'src') === F.IMAGES.valley.url)!;
    expect(p.attr(bodyImg, 'loading')).toBe('lazy');
    expect(bodyImg.parent && (bodyImg.parent as { name?: string }).name).toBe('picture');

    // A syndicated piece is credited once, in the byline: original author, outlet linked to the original, country.
    expect(p.text(p.one('p', { class: 'byline-syndicated' }))).toBe('By Mira Okonkwo · first published by The Harbour Gazette, Orsenia');
    expect(p.all('a').filter((a) => p.attr(a, 'href') === 'https://harbour-gazette.example/tolvane-settlement')).toHaveLength(1);
    expect(p.text(p.one('main')).split('Mira Okonkwo')).toHaveLength(2);
    expect(p.text(byline)).toContain('Republished by Tobias Wren and Jonas Petrakis');

    // Topics and tags.
    const terms = p.one('nav', { class: 'terms' });
    expect(p.text(terms)).toContain('Belcastro talks');
    expect(p.text(terms)).toContain('Ceasefire');

    // You may also like: cards with image and title.
    const related = p.one('section', { class: 'related' });
    expect(p.text(related)).toContain('You may also like');
    const relatedCards = p.all('article').filter((a) => a.attribs.class?.includes('card') && p.text(related).includes(p.text(a)));
    expect(relatedCards.length).toBeGreaterThanOrEqual(3);

    // Comments: count, threaded replies, nofollow websites.
    const comments = p.one('section', { class: 'comments' });
    expect(p.text(p.one('h2', { id: 'comments-title' }))).toBe('6 comments');
    expect(p.all('ol', { class: 'comment-replies' }).length).toBeGreaterThanOrEqual(2);
    const nested = p.all('article', { id: 'comment-c3' })[0]!;
    expect(p.text(nested)).toContain('And include the annex on compensation');
    let depth = 0;
    for (let n = nested.parent; n; n = n.parent) if ((n as { name?: string }).name === 'ol') depth++;
    expect(depth).toBe(3);
    const website = p.all('a').find((a) => p.attr(a, 'href') === 'https://arkadi.example.net')!;
    expect(p.attr(website, 'rel')).toBe('nofollow ugc noopener');
    expect(p.text(comments)).not.toContain('No comments yet');
  });

  it('leaves out the table of contents for short pieces, and says when there are no comments', async () => {
    const page = {
      ...F.articlePage({ rawBody: '<p>One short paragraph.</p><h2>Only heading</h2><p>More.</p>' }),
      comments: { count: 0, roots: [] },
    };
    const p = await renderPage(<ArticleView chrome={chrome} page={page} />);
    expect(p.all('nav', { class: 'toc' })).toHaveLength(0);
    expect(p.text(p.one('section', { class: 'comments' }))).toContain('No comments yet.');
  });

  it('escapes hostile titles, names and comment bodies', async () => {
    const hostile = '<script>alert("x")</script><img src=x onerror=alert(1)>';
    const rows = [
      {
        id: 'h1',
        parentId: null,
        authorName: hostile,
        authorUrl: 'javascript:alert(1)',
        isStaff: false,
        body: `${hostile}\n\nsecond`,
        bodyHtml: '',
        renderVersion: 0,
        avatarSeed: '',
        createdAt: new Date('2026-03-12T10:00:00Z'),
      },
    ];
    const page = {
      ...F.articlePage({ title: `Title ${hostile}`, dek: hostile, tagline: [hostile] }),
      comments: threadComments(rows),
    };
    const p = await renderPage(<ArticleView chrome={chrome} page={page} />);
    expect(p.html).not.toContain('<script>alert');
    expect(p.html).not.toContain('<img src=x');
    expect(p.html).not.toContain('href="javascript:');
    expect(p.text(p.one('h1'))).toBe(`Title ${hostile}`);
    expect(p.text(p.one('article', { id: 'comment-h1' }))).toContain(hostile);
    // The only scripts are JSON-LD blocks, which stay closed, and the comment form's and search box's files.
    const [jsonLd, code] = [p.all('script').filter((s) => p.attr(s, 'type') === 'application/ld+json'), p.all('script').filter((s) => p.attr(s, 'type') !== 'application/ld+json')];
    for (const script of jsonLd) expect(() => JSON.parse(p.text(script))).not.toThrow();
    expect(code.map((s) => [p.attr(s, 'type'), p.attr(s, 'src'), p.text(s)])).toEqual([
      ['module', F.fixtureChrome().assets.commentsScript, ''],
      ['module', F.fixtureChrome().assets.searchScript, ''],
    ]);
  });

  it('prints comment bodies as their sanitized HTML, with a staff badge and avatars drawn on the page', async () => {
    const rows = F.commentRows().map((r) =>
      r.id === 'c4' ? { ...r, body: 'I grew up in *Veld*.\n\n> people want schools first\n\nSee https://veld.example.org/schools.' } : r,
    );
    const page = { ...F.articlePage(), comments: threadComments(rows, 5) };
    const p = await renderPage(<ArticleView chrome={chrome} page={page} />);
    const c4 = p.one('article', { id: 'comment-c4' });
    const inside = (node: { parent: unknown }, ancestor: unknown) => {
      for (let n = node.parent as { parent: unknown } | null; n; n = n.parent as { parent: unknown } | null) if (n === ancestor) return true;
      return false;
    };
    expect(p.all('em').filter((e) => inside(e, c4)).map((e) => p.text(e))).toEqual(['Veld']);
    expect(p.all('blockquote').filter((q) => inside(q, c4)).map((q) => p.text(q))).toEqual(['people want schools first']);
    const link = p.all('a').find((a) => p.attr(a, 'href') === 'https://veld.example.org/schools')!;
    expect(p.attr(link, 'rel')).toBe('nofollow ugc noopener');
    // The staff reply carries a badge; nobody else's does.
    expect(p.all('span', { class: 'comment-staff' }).map((b) => p.text(b))).toEqual(['Staff']);
    expect(p.text(p.one('article', { id: 'comment-c2' }))).toContain('Staff');
    // One avatar per comment, drawn inline: initials, no image fetched from anywhere.
    const avatars = p.all('svg', { class: 'comment-avatar' });
    expect(avatars).toHaveLength(6);
    expect(p.text(avatars[0]!)).toBe('HV');
    expect(p.attr(avatars[0]!, 'aria-hidden')).toBe('true');
    expect(p.all('img').filter((i) => /gravatar|avatar/i.test(p.attr(i, 'src') ?? ''))).toHaveLength(0);
  });

  it('writes canonical, OpenGraph and Twitter metadata with the configured site URL', async () => {
    const p = await renderPage(<ArticleView chrome={chrome} page={F.articlePage()} />);
    const url = `${F.SITE_URL}${F.LEAD.url}`;
    expect(p.attr(p.one('link', { rel: 'canonical' }), 'href')).toBe(url);
    const og = (property: string) => p.all('meta', { property }).map((m) => p.attr(m, 'content'));
    expect(og('og:url')).toEqual([url]);
    expect(og('og:type')).toEqual(['article']);
    expect(og('og:title')).toEqual([F.LEAD.title]);
    expect(og('og:site_name')).toEqual(['The Sextant Review']);
    expect(og('og:image')).toEqual([`${F.SITE_URL}${F.IMAGES.bridge.url}`]);
    expect(og('article:published_time')).toEqual(['2026-03-12T08:30:00.000Z']);
    expect(og('article:modified_time')).toEqual(['2026-03-14T16:05:00.000Z']);
    expect(og('article:author')).toEqual([`${F.SITE_URL}/author/tobias-wren/`, `${F.SITE_URL}/author/jonas-petrakis/`]);
    expect(p.attr(p.one('meta', { name: 'twitter:card' }), 'content')).toBe('summary_large_image');
    expect(p.text(p.one('title'))).toBe(`${F.LEAD.title} — The Sextant Review`);
    const types = p.all('script', { type: 'application/ld+json' }).map((s) => (JSON.parse(p.text(s)) as { '@type': string })['@type']);
    expect(types).toEqual(['NewsArticle', 'BreadcrumbList']);
  });

  it('points rel=canonical at the original when the editor says it is canonical', async () => {
    const page = F.articlePage({
      source: { outlet: 'The Harbour Gazette', author: 'Mira Okonkwo', country: 'Orsenia', url: 'https://harbour-gazette.example/x', isCanonical: true },
    });
    const p = await renderPage(<ArticleView chrome={chrome} page={page} />);
    expect(p.attr(p.one('link', { rel: 'canonical' }), 'href')).toBe('https://harbour-gazette.example/x');
  });
});
