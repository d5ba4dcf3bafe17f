import { Hono, type Context } from 'hono';
import {
  countSitemapArticles,
  type FeedScope,
  loadArchiveIndex,
  loadArchiveMonth,
  loadArticlePage,
  loadAuthorPage,
  loadFeed,
  loadHomePage,
  loadSitemapArticles,
  loadSitemapSections,
  loadStaticPage,
  loadTagPage,
  loadTopicPage,
} from './pages/index.js';
import type { Database } from '../db/database.js';
import type { AppEnv } from '../http/app-env.js';
import { cacheable } from '../http/cache/page-cache-middleware.js';
import type { AssetStore } from '../http/static-assets.js';
import type { Clock } from '../shared/clock.js';
import { MovedError, NotFoundError } from '../shared/errors.js';
import { isReservedSegment } from '../shared/reserved-paths.js';
import { monthRange } from '../shared/zoned-time.js';
import { articleTag, ARCHIVE_INDEX_TAG, archiveTagsForRange, LATEST_TAG, listTag, pageTag, SITE_TAG, tagsOfArticles } from '../http/cache/cache-tags.js';
import { canonicalPath } from './canonical-path.js';
import { loadChrome } from './chrome.js';
import { FEED_CONTENT_TYPES, type FeedFormat, renderFeed } from './feeds.js';
import { isValidSlug, parsePage, parseYearMonth } from './parse-params.js';
import { renderDocument } from './render-document.js';
import { renderRobots, renderSitemapIndex, renderUrlSet, SITEMAP_CHUNK_SIZE } from './sitemap.js';
import {
  ArchiveIndexView,
  ArchiveMonthView,
  ArticleView,
  AuthorView,
  HomeView,
  StaticPageView,
  TagView,
  TopicView,
} from './views/index.js';

export interface SiteDeps {
  db: Database;
  siteUrl: URL;
  assets: AssetStore;
  clock: Clock;
  sitemapChunkSize?: number;
}

const FEED_FORMATS: Record<string, FeedFormat> = { '': 'rss', atom: 'atom', json: 'json' };

/** The public site: every reader-facing URL of DESIGN.md §2. */
export function siteRoutes(deps: SiteDeps): Hono<AppEnv> {
  const { db, siteUrl, assets, clock } = deps;
  const origin = siteUrl.href.replace(/\/$/, '');
  const chunkSize = deps.sitemapChunkSize ?? SITEMAP_CHUNK_SIZE;
  const site = new Hono<AppEnv>();
  site.use(canonicalPath());

  const html = async (c: Context<AppEnv>, tags: string[], element: Parameters<typeof renderDocument>[0]) => {
    cacheable(c, { tags: [SITE_TAG, ...tags], lastModified: clock.now() });
    return c.html(await renderDocument(element));
  };
  const chrome = () => loadChrome(db, siteUrl, assets);

  site.get('/robots.txt', (c) => {
    assertNotPaginated(c);
    cacheable(c, { tags: [SITE_TAG], lastModified: clock.now() });
    return c.text(renderRobots(origin));
  });

  site.get('/sitemap.xml', async (c) => {
    assertNotPaginated(c);
    const chunks = Math.max(1, Math.ceil((await countSitemapArticles(db)) / chunkSize));
    const files = [{ path: '/sitemap-pages.xml', lastModified: null }];
    for (let i = 1; i <= chunks; i++) files.push({ path: `/sitemap-articles-${i}.xml`, lastModified: null });
    cacheable(c, { tags: [SITE_TAG, LATEST_TAG], lastModified: clock.now() });
    return c.body(renderSitemapIndex(origin, files), 200, { 'content-type': 'application/xml; charset=utf-8' });
  });
  site.get('/sitemap-pages.xml', async (c) => {
    assertNotPaginated(c);
    cacheable(c, { tags: [SITE_TAG, LATEST_TAG], lastModified: clock.now() });
    return c.body(renderUrlSet(origin, await loadSitemapSections(db)), 200, { 'content-type': 'application/xml; charset=utf-8' });
  });
  site.get('/:file{sitemap-articles-[0-9]{1,4}\\.xml}', async (c) => {
    assertNotPaginated(c);
    const n = Number(c.req.param('file').match(/\d+/)![0]);
    const urls = n >= 1 ? await loadSitemapArticles(db, (n - 1) * chunkSize, chunkSize) : [];
    if (urls.length === 0) throw new NotFoundError('sitemap', c.req.param('file'));
    cacheable(c, { tags: [SITE_TAG, LATEST_TAG], lastModified: clock.now() });
    return c.body(renderUrlSet(origin, urls), 200, { 'content-type': 'application/xml; charset=utf-8' });
  });

  const feed = async (c: Context<AppEnv>, scope: FeedScope, format: FeedFormat) => {
    assertNotPaginated(c);
    const [data, ch] = await Promise.all([loadFeed(db, scope), chrome()]);
    const tags = [SITE_TAG, data.list ? listTag(data.list.kind, data.list.id) : LATEST_TAG, ...tagsOfArticles(data.entries)];
    cacheable(c, { tags, lastModified: clock.now() });
    return c.body(renderFeed(data, format, ch.settings, origin, clock.now()), 200, { 'content-type': FEED_CONTENT_TYPES[format] });
  };
  // Registered before the catch-all so "/feed/" is never read as a topic.
  site.get('/feed/:format{(atom|json)?}/', (c) => feed(c, { kind: 'site' }, FEED_FORMATS[c.req.param('format') ?? '']!));
  site.get('/feed/', (c) => feed(c, { kind: 'site' }, 'rss'));

  site.get('/tag/:slug/', async (c) => {
    const slug = validSlug(c.req.param('slug'));
    const [page, ch] = await Promise.all([loadTagPage(db, slug, parsePage(c.req.query('page'))), chrome()]);
    return html(c, [listTag('tag', page.tag.id), ...tagsOfArticles(page.articles.items)], <TagView chrome={ch} page={page} />);
  });
  site.get('/tag/:slug/feed/', (c) => feed(c, { kind: 'tag', slug: validSlug(c.req.param('slug')) }, 'rss'));
  site.get('/tag/:slug/feed/:format{atom|json}/', (c) =>
    feed(c, { kind: 'tag', slug: validSlug(c.req.param('slug')) }, FEED_FORMATS[c.req.param('format')]!),
  );

  site.get('/author/:slug/', async (c) => {
    const slug = validSlug(c.req.param('slug'));
    const [page, ch] = await Promise.all([loadAuthorPage(db, slug, parsePage(c.req.query('page'))), chrome()]);
    return html(c, [listTag('author', page.author.id), ...tagsOfArticles(page.articles.items)], <AuthorView chrome={ch} page={page} />);
  });
  site.get('/author/:slug/feed/', (c) => feed(c, { kind: 'author', slug: validSlug(c.req.param('slug')) }, 'rss'));
  site.get('/author/:slug/feed/:format{atom|json}/', (c) =>
    feed(c, { kind: 'author', slug: validSlug(c.req.param('slug')) }, FEED_FORMATS[c.req.param('format')]!),
  );

  site.get('/archive/', async (c) => {
    assertNotPaginated(c);
    const ch = await chrome();
    const page = await loadArchiveIndex(db, ch.settings.timeZone);
    return html(c, [ARCHIVE_INDEX_TAG, LATEST_TAG], <ArchiveIndexView chrome={ch} page={page} />);
  });
  site.get('/archive/:year/:month/', async (c) => {
    const ym = parseYearMonth(c.req.param('year'), c.req.param('month'));
    if (!ym) throw new NotFoundError('archive', c.req.path);
    const ch = await chrome();
    const page = await loadArchiveMonth(db, ym, ch.settings.timeZone, parsePage(c.req.query('page')));
    const range = monthRange(ym, ch.settings.timeZone);
    return html(c, [...archiveTagsForRange(range.from, range.to), ...tagsOfArticles(page.articles.items)], <ArchiveMonthView chrome={ch} page={page} />);
  });
  site.get('/archive/:year/', () => {
    throw new MovedError('/archive/');
  });

  site.get('/', async (c) => {
    assertNotPaginated(c);
    const [page, ch] = await Promise.all([loadHomePage(db), chrome()]);
    const shown = [...(page.lead ? [page.lead] : []), ...page.latest, ...page.sections.flatMap((s) => s.articles)];
    return html(c, [LATEST_TAG, ...tagsOfArticles(shown)], <HomeView chrome={ch} page={page} />);
  });

  // Everything else: a topic, a topic's feed, a standalone page, or an article.
  site.get('*', async (c) => {
    const segments = c.req.path.split('/').filter(Boolean);
    if (segments.length === 0 || isReservedSegment(segments[0]!) || !segments.every(isValidSlug)) {
      throw new NotFoundError('path', c.req.path);
    }
    const feedAt = segments.indexOf('feed');
    if (feedAt > 0) {
      const rest = segments.slice(feedAt + 1).join('/');
      if (!(rest in FEED_FORMATS)) throw new NotFoundError('feed', c.req.path);
      return feed(c, { kind: 'topic', path: segments.slice(0, feedAt).join('/') }, FEED_FORMATS[rest]!);
    }
    const page = parsePage(c.req.query('page'));
    const path = segments.join('/');
    const ch = await chrome();
    try {
      const topicPage = await loadTopicPage(db, path, page);
      const tags = [listTag('topic', topicPage.topic.id), ...tagsOfArticles(topicPage.articles.items)];
      return await html(c, tags, <TopicView chrome={ch} page={topicPage} />);
    } catch (error) {
      if (!(error instanceof NotFoundError) || error.entity !== 'topic') throw error;
    }
    assertNotPaginated(c);
    if (segments.length === 1) {
      try {
        const staticPage = await loadStaticPage(db, path);
        return await html(c, [pageTag(staticPage.id)], <StaticPageView chrome={ch} page={staticPage} />);
      } catch (error) {
        if (!(error instanceof NotFoundError)) throw error;
      }
    }
    const slug = segments.at(-1)!;
    const topicPath = segments.length > 1 ? segments.slice(0, -1).join('/') : null;
    const articlePage = await loadArticlePage(db, topicPath, slug);
    const tags = [articleTag(articlePage.article.id), ...tagsOfArticles(articlePage.related)];
    return html(c, tags, <ArticleView chrome={ch} page={articlePage} />);
  });

  return site;
}

/**
 * `?page=N` exists only on list pages. Elsewhere it would make one cache entry per number
 * for the same document, so it answers 301 to the URL without it.
 */
function assertNotPaginated(c: Context<AppEnv>): void {
  if (c.req.query('page') !== undefined) throw new MovedError(c.req.path);
}

function validSlug(value: string): string {
  if (!isValidSlug(value)) throw new NotFoundError('slug', value);
  return value;
}
