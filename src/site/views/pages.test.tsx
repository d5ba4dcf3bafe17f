import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import * as F from './fixtures/index.js';
import {
  ArchiveIndexView,
  ArchiveMonthView,
  ArticleView,
  AuthorView,
  ErrorView,
  GoneView,
  HomeView,
  NotFoundView,
  StaticPageView,
  TagView,
  TopicView,
} from './index.js';
import { type Page, renderPage } from './test-html.js';

const chrome = F.fixtureChrome();

const VIEWS: Record<string, () => unknown> = {
  home: () => <HomeView chrome={chrome} page={F.homePage()} />,
  topic: () => <TopicView chrome={chrome} page={F.topicPage(2)} />,
  tag: () => <TagView chrome={chrome} page={F.tagPage()} />,
  author: () => <AuthorView chrome={chrome} page={F.authorPage()} />,
  'archive month': () => <ArchiveMonthView chrome={chrome} page={F.archiveMonthPage()} />,
  'archive index': () => <ArchiveIndexView chrome={chrome} page={F.archiveIndexPage()} />,
  article: () => <ArticleView chrome={chrome} page={F.articlePage()} />,
  'static page': () => <StaticPageView chrome={chrome} page={F.staticPage()} />,
  'not found': () => <NotFoundView chrome={chrome} />,
  gone: () => <GoneView chrome={chrome} title="A withdrawn story" />,
  error: () => <ErrorView chrome={chrome} status={500} message="The page could not be built just now." />,
};

const hrefs = (p: Page) => p.all('a').map((a) => p.attr(a, 'href'));

describe.each(Object.entries(VIEWS))('the %s page', (name, view) => {
  it('is a complete, accessible document; every page has the header search box and its script, an article the comment form and its script too', async () => {
    const p = await renderPage(view());
    expect(p.html.startsWith('<!doctype html><html lang="en">')).toBe(true);
    expect(p.all('title')).toHaveLength(1);
    expect(p.all('meta', { name: 'description' })).toHaveLength(1);
    expect(p.all('meta', { name: 'viewport' })).toHaveLength(1);
    expect(p.html).toContain(`<style>${chrome.assets.inlineStyle}</style>`);
    expect(p.all('link', { rel: 'preload', as: 'font' }).map((l) => p.attr(l, 'href'))).toEqual(chrome.assets.fonts);
    expect(p.all('link', { rel: 'icon' }).map((l) => p.attr(l, 'href'))).toEqual(['/favicon.ico', '/assets/favicon.svg']);
    expect(p.all('h1')).toHaveLength(1);
    expect(p.attr(p.one('a', { class: 'skip-link' }), 'href')).toBe('#main');
    expect(p.all('main', { id: 'main' })).toHaveLength(1);
    expect(p.all('header', { class: 'site-header' })).toHaveLength(1);
    expect(p.all('footer', { class: 'site-footer' })).toHaveLength(1);
    // Every page's header searches this site with a GET form; an article's other form is
    // "Leave a Comment", posting to this site. The script files are those two forms' own.
    const isArticle = name === 'article';
    expect(p.all('form').map((f) => [p.attr(f, 'action'), p.attr(f, 'method')])).toEqual([['/search', 'get'], ...(isArticle ? [['/comments/', 'post']] : [])]);
    expect(p.all('button').map((b) => p.text(b))).toEqual(['Search', ...(isArticle ? ['Post comment'] : [])]);
    if (!isArticle) expect(p.all('input').map((i) => p.attr(i, 'name'))).toEqual(['q']);
    const scripts = p.all('script').filter((s) => p.attr(s, 'type') !== 'application/ld+json').map((s) => p.attr(s, 'src'));
    expect(scripts.sort()).toEqual([chrome.assets.searchScript, ...(isArticle ? [chrome.assets.commentsScript] : [])].sort());
    expect(p.html).not.toMatch(/\son[a-z]+=/i);
    // The masthead links home; the navigation lists the top-level topics.
    expect(p.attr(p.one('a', { class: 'site-title' }), 'href')).toBe('/');
    expect(p.all('nav', { 'aria-label': 'Sections' })).toHaveLength(1);
    // The footer: pages, archive, feeds, and who made the software.
    expect(hrefs(p)).toEqual(expect.arrayContaining(['/about/', '/privacy/', '/contact/', '/archive/', '/feed/', '/feed/atom/', '/feed/json/']));
    expect(p.text(p.one('footer', { class: 'site-footer' }))).toContain('Powered by Dossier');
    // Headings never skip a level.
    const levels = p.all('h1').concat(p.all('h2'), p.all('h3'), p.all('h4'));
    const order = p.html.match(/<h[1-4]\b/g)!.map((h) => Number(h[2]));
    expect(order.length).toBe(levels.length);
    order.forEach((level, i) => i > 0 && expect(level - order[i - 1]!).toBeLessThanOrEqual(1));
  });
});

describe('list and other pages', () => {
  it('home shows the lead story with a high-priority image, the latest, and a section per topic', async () => {
    const p = await renderPage(VIEWS.home!());
    const lead = p.one('section', { class: 'home-lead' });
    expect(p.text(lead)).toContain(F.LEAD.title);
    const leadImg = p.all('img').find((i) => p.attr(i, 'src') === F.IMAGES.bridge.url)!;
    expect(p.attr(leadImg, 'fetchpriority')).toBe('high');
    expect(p.attr(leadImg, 'loading')).toBe('eager');
    expect(p.text(p.one('section', { class: 'home-latest' }))).toContain(F.STORIES[0]!.title);
    expect(p.all('section', { class: 'home-section' })).toHaveLength(3);
    expect(hrefs(p)).toContain('/regions/');
    expect(p.all('img', { fetchpriority: 'high' })).toHaveLength(1);
  });

  it('topic page: breadcrumb, aliases, description, subtopics, cards and page links', async () => {
    const p = await renderPage(VIEWS.topic!());
    const page = F.topicPage(2);
    expect(p.text(p.one('h1'))).toBe('Tolvane Freedom Movement');
    expect(p.text(p.one('p', { class: 'tagline' }))).toBe('TFM · TLF · MLT · The Northern Front');
    expect(p.text(p.one('p', { class: 'list-description' }))).toContain('armed movement');
    expect(hrefs(p)).toEqual(expect.arrayContaining(['/organizations/', '/organizations/armed-groups/', page.subtopics[0]!.url]));
    expect(p.all('article', { class: 'card' })).toHaveLength(8);
    const pagination = p.one('nav', { class: 'pagination' });
    const pageLinks = p.all('a').filter((a) => p.text(pagination).includes(p.text(a)) && a.attribs.href?.startsWith(page.topic.url));
    expect(pageLinks.map((a) => p.attr(a, 'href'))).toEqual(
      expect.arrayContaining([page.topic.url, `${page.topic.url}?page=3`, `${page.topic.url}?page=6`]),
    );
    expect(p.all('a', { rel: 'prev' }).map((a) => p.attr(a, 'href'))).toEqual([page.topic.url]);
    expect(p.all('span', { 'aria-current': 'page' }).map((s) => p.text(s))).toEqual(['2']);
    expect(p.all('a', { 'aria-current': 'true' }).map((a) => p.attr(a, 'href'))).toEqual(['/organizations/']);
    expect(p.all('img', { loading: 'eager' })).toHaveLength(1);
  });

  it('author page shows the avatar and bio', async () => {
    const p = await renderPage(VIEWS.author!());
    expect(p.text(p.one('h1'))).toBe('Tobias Wren');
    expect(p.text(p.one('p', { class: 'list-description' }))).toContain('Deputy editor');
    expect(p.all('img').some((i) => p.attr(i, 'src') === F.IMAGES.avatar.url)).toBe(true);
  });

  it('archive month links to the older month; the index groups months by year', async () => {
    const month = await renderPage(VIEWS['archive month']!());
    expect(p1(month)).toBe('March 2026');
    expect(month.all('a', { rel: 'prev' }).map((a) => month.attr(a, 'href'))).toContain('/archive/2026/02/');
    const index = await renderPage(VIEWS['archive index']!());
    expect(index.all('h2').map((h) => index.text(h))).toEqual(['2026', '2025']);
    expect(index.text()).toContain('February31 articles');
    expect(index.text()).toContain('June1 article');
  });

  it('404 helps: home, the archive and the main topics', async () => {
    const p = await renderPage(VIEWS['not found']!());
    expect(p1(p)).toBe('Page not found');
    expect(hrefs(p)).toEqual(expect.arrayContaining(['/', '/archive/', ...chrome.primaryNav.map((l) => l.url)]));
    expect(p.attr(p.one('meta', { name: 'robots' }), 'content')).toBe('noindex');
    expect(p.all('link', { rel: 'canonical' })).toHaveLength(0);
  });

  it('410 names the withdrawn article, escaped', async () => {
    const p = await renderPage(<GoneView chrome={chrome} title={'<b>Bold</b> claim'} />);
    expect(p.text()).toContain('“<b>Bold</b> claim” has been withdrawn');
    expect(p.html).not.toContain('<b>Bold</b>');
    const untitled = await renderPage(<GoneView chrome={chrome} title={null} />);
    expect(untitled.text()).toContain('The article at this address has been withdrawn');
  });

  it('error pages show the short message and nothing more', async () => {
    const bad = await renderPage(<ErrorView chrome={chrome} status={400} message="The page number is not a number." />);
    expect(p1(bad)).toBe('That request could not be understood');
    expect(bad.text()).toContain('The page number is not a number.');
    const failed = await renderPage(VIEWS.error!());
    expect(p1(failed)).toBe('Something went wrong');
  });
});

function p1(p: Page): string {
  return p.text(p.one('h1'));
}

describe('the one door for raw HTML', () => {
  it('is TrustedHtml: no other view uses raw() or dangerouslySetInnerHTML', () => {
    const dir = path.dirname(fileURLToPath(import.meta.url));
    const offenders = fs
      .readdirSync(dir, { recursive: true, encoding: 'utf8' })
      .filter((f) => /\.tsx?$/.test(f) && !f.includes('.test.') && f !== 'trusted-html.tsx')
      .filter((f) => /\braw\(|dangerouslySetInnerHTML|from 'hono\/html'/.test(fs.readFileSync(path.join(dir, f), 'utf8')));
    expect(offenders).toEqual([]);
  });
});
