import { deleteCookie } from 'hono/cookie';
import { commentPermalink, findCommentById } from '../comments/index.js';
import { COMMENT_RECEIPT_COOKIE, commentReceiptOf } from '../http/comment-receipt.js';
import { commentNodeOf } from './comments/comment-routes.js';
import type { OwnComment } from './views/comment-thread.js';
import { Hono, type Context } from 'hono';
import {
  countSitemapArticles,
  type ArticlePage,
  type CommentFeedData,
  type FeedScope,
  loadArchiveIndex,
  loadArchiveMonth,
  loadArticlePage,
  loadAuthorPage,
  loadArticleCommentFeed,
  loadFeed,
  loadHomePage,
  loadSiteCommentFeed,
  loadPreviewPage,
  loadSitemapArticles,
  loadSitemapSections,
  loadStaticPage,
  loadTagPage,
  loadTopicPage,
  locateComment,
  parseCommentPageSegment,
  commentPageUrl,
  type ListPath,
  resolveAuthorPath,
  resolvePublicPath,
  resolveTagPath,
} from './pages/index.js';
import { findPreviewedArticleId } from '../content/index.js';
import type { RedirectHitRecorder } from '../redirects/index.js';
import type { Database } from '../db/database.js';
import type { AppEnv } from '../http/app-env.js';
import { cacheable } from '../http/cache/page-cache-middleware.js';
import type { Clock } from '../shared/clock.js';
import { GoneError, MovedError, NotFoundError } from '../shared/errors.js';
import { isReservedSegment } from '../shared/reserved-paths.js';
import { monthRange } from '../shared/zoned-time.js';
import { pathTag, SITE_TAG } from '../http/cache/cache-tags.js';
import {
  archiveIndexTags,
  archiveMonthTags,
  articlePageTags,
  authorPageTags,
  commentFeedTags,
  feedTags,
  homePageTags,
  sitemapTags,
  staticPageTags,
  tagPageTags,
  topicPageTags,
} from '../http/cache/page-tags.js';
import { renderCommentFeed } from './comment-feeds.js';
import { FEED_CONTENT_TYPES, type FeedFormat } from './feed-writer.js';
import { renderFeed } from './feeds.js';
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
  type SiteChrome,
} from './views/index.js';

export interface SiteDeps {
  db: Database;
  siteUrl: URL;
  /** the site chrome, kept between requests (see chromeLoader) */
  chrome: () => Promise<SiteChrome>;
  clock: Clock;
  sitemapChunkSize?: number;
  /** counts each answer a redirect row gives (in memory; see redirects/count-hits.ts) */
  redirectHits?: RedirectHitRecorder;
  /** verifies a commenter's receipt (http/comment-receipt.ts) */
  sessionSecret: Buffer;
}

const FEED_FORMATS: Record<string, FeedFormat> = { '': 'rss', atom: 'atom', json: 'json' };
/** Where each feed lives below its list's URL. */
const FEED_PATHS: Record<FeedFormat, string> = { rss: 'feed/', atom: 'feed/atom/', json: 'feed/json/' };

/** The public site: every reader-facing URL of DESIGN.md §2. */
export function siteRoutes(deps: SiteDeps): Hono<AppEnv> {
  const { db, siteUrl, clock, chrome } = deps;
  const origin = siteUrl.href.replace(/\/$/, '');
  const chunkSize = deps.sitemapChunkSize ?? SITEMAP_CHUNK_SIZE;
  const site = new Hono<AppEnv>();

  /** Every cached page shows the site chrome and is the document at its path. */
  const cache = (c: Context<AppEnv>, tags: string[], expiresAt: Date | null = null) =>
    cacheable(c, { tags: [SITE_TAG, pathTag(c.req.path), ...tags], lastModified: clock.now(), expiresAt });
  const html = async (c: Context<AppEnv>, tags: string[], element: Parameters<typeof renderDocument>[0], expiresAt: Date | null = null) => {
    cache(c, tags, expiresAt);
    return c.html(await renderDocument(element));
  };
  /** An article's page (or a later page of its comments): cached until its comment form closes by the clock. */
  const articleHtml = (c: Context<AppEnv>, ch: SiteChrome, page: ArticlePage, own?: OwnComment) =>
    html(c, articlePageTags(page), <ArticleView chrome={ch} page={page} own={own} />, page.commenting.closesAt);
  const articleOptions = (ch: SiteChrome, commentPage?: number) => ({
    threadDepth: ch.settings.commentThreadDepth,
    closing: { afterDays: ch.settings.commentsCloseAfterDays, now: clock.now() },
    ...(commentPage ? { commentPage } : {}),
  });
  const xml = (c: Context<AppEnv>, body: string) => {
    cache(c, sitemapTags());
    return c.body(body, 200, { 'content-type': 'application/xml; charset=utf-8' });
  };

  site.get('/robots.txt', (c) => {
    assertNotPaginated(c);
    cache(c, []);
    return c.text(renderRobots(origin));
  });

  site.get('/sitemap.xml', async (c) => {
    assertNotPaginated(c);
    const chunks = Math.max(1, Math.ceil((await countSitemapArticles(db)) / chunkSize));
    const files = [{ path: '/sitemap-pages.xml', lastModified: null }];
    for (let i = 1; i <= chunks; i++) files.push({ path: `/sitemap-articles-${i}.xml`, lastModified: null });
    return xml(c, renderSitemapIndex(origin, files));
  });
  site.get('/sitemap-pages.xml', async (c) => {
    assertNotPaginated(c);
    return xml(c, renderUrlSet(origin, await loadSitemapSections(db)));
  });
  site.get('/:file{sitemap-articles-[0-9]{1,4}\\.xml}', async (c) => {
    assertNotPaginated(c);
    const n = Number(c.req.param('file').match(/\d+/)![0]);
    const urls = n >= 1 ? await loadSitemapArticles(db, (n - 1) * chunkSize, chunkSize) : [];
    if (urls.length === 0) throw new NotFoundError('sitemap', c.req.param('file'));
    return xml(c, renderUrlSet(origin, urls));
  });

  /** A redirect row answered: count it (memory only) and send the reader on. */
  const followRedirect = (c: Context<AppEnv>, fromPath: string, location: string) => {
    deps.redirectHits?.record(fromPath, clock.now());
    return c.redirect(/^https?:/.test(location) ? location : origin + location, 301);
  };
  /** A tag's or author's path that is not the list: a redirect row's answer, or nothing. */
  const answerListPath = (c: Context<AppEnv>, resolved: Exclude<ListPath<unknown>, { kind: 'found' }>) => {
    if (resolved.kind === 'redirect') return followRedirect(c, resolved.fromPath, resolved.location);
    if (resolved.kind === 'gone') {
      deps.redirectHits?.record(resolved.fromPath, clock.now());
      throw new GoneError('path', c.req.path);
    }
    throw new NotFoundError('path', c.req.path);
  };

  /**
   * The reader's own comment on this article, from their receipt (such requests skip the page
   * cache, see skipsPageCache). Once it is published, or gone, the receipt has done its work.
   */
  const ownComment = async (c: Context<AppEnv>, articleId: string): Promise<OwnComment | undefined> => {
    const receipt = commentReceiptOf(deps.sessionSecret, c.req.header('cookie'), clock.now().getTime());
    if (!receipt || receipt.articleId !== articleId) return undefined;
    const comment = await findCommentById(db, receipt.commentId);
    if (!comment || comment.articleId !== articleId || comment.status === 'trash') {
      deleteCookie(c, COMMENT_RECEIPT_COOKIE, { path: '/' });
      return undefined;
    }
    const isShown = comment.status === 'approved';
    if (isShown) deleteCookie(c, COMMENT_RECEIPT_COOKIE, { path: '/' });
    // Spam is shown to its author as held: probing the filter teaches nothing.
    return { node: commentNodeOf(comment), isShown };
  };

  const feed = async (c: Context<AppEnv>, scope: FeedScope, format: FeedFormat) => {
    assertNotPaginated(c);
    const [data, ch] = await Promise.all([loadFeed(db, scope, FEED_PATHS[format]), chrome()]);
    cache(c, feedTags(data));
    return c.body(renderFeed(data, format, ch.settings, origin, clock.now()), 200, { 'content-type': FEED_CONTENT_TYPES[format] });
  };
  const commentFeed = async (c: Context<AppEnv>, load: Promise<CommentFeedData>, format: FeedFormat) => {
    assertNotPaginated(c);
    const [data, ch] = await Promise.all([load, chrome()]);
    cache(c, commentFeedTags(data));
    return c.body(renderCommentFeed(data, format, ch.settings, origin, clock.now()), 200, { 'content-type': FEED_CONTENT_TYPES[format] });
  };
  // Registered before the catch-all so "/feed/" is never read as a topic.
  site.get('/feed/comments/', (c) => commentFeed(c, loadSiteCommentFeed(db), 'rss'));
  site.get('/feed/comments/:format{atom|json}/', (c) => commentFeed(c, loadSiteCommentFeed(db), FEED_FORMATS[c.req.param('format')]!));
  site.get('/feed/:format{(atom|json)?}/', (c) => feed(c, { kind: 'site' }, FEED_FORMATS[c.req.param('format') ?? '']!));
  site.get('/feed/', (c) => feed(c, { kind: 'site' }, 'rss'));

  site.get('/tag/:slug/', async (c) => {
    const slug = validSlug(c.req.param('slug'));
    const [resolved, ch] = await Promise.all([resolveTagPath(db, slug), chrome()]);
    if (resolved.kind !== 'found') return answerListPath(c, resolved);
    const page = await loadTagPage(db, resolved.item, parsePage(c.req.query('page')));
    return html(c, tagPageTags(page), <TagView chrome={ch} page={page} />);
  });
  site.get('/tag/:slug/feed/', (c) => feed(c, { kind: 'tag', slug: validSlug(c.req.param('slug')) }, 'rss'));
  site.get('/tag/:slug/feed/:format{atom|json}/', (c) =>
    feed(c, { kind: 'tag', slug: validSlug(c.req.param('slug')) }, FEED_FORMATS[c.req.param('format')]!),
  );

  site.get('/author/:slug/', async (c) => {
    const slug = validSlug(c.req.param('slug'));
    const [resolved, ch] = await Promise.all([resolveAuthorPath(db, slug), chrome()]);
    if (resolved.kind !== 'found') return answerListPath(c, resolved);
    const page = await loadAuthorPage(db, resolved.item, parsePage(c.req.query('page')));
    return html(c, authorPageTags(page), <AuthorView chrome={ch} page={page} />);
  });
  site.get('/author/:slug/feed/', (c) => feed(c, { kind: 'author', slug: validSlug(c.req.param('slug')) }, 'rss'));
  site.get('/author/:slug/feed/:format{atom|json}/', (c) =>
    feed(c, { kind: 'author', slug: validSlug(c.req.param('slug')) }, FEED_FORMATS[c.req.param('format')]!),
  );

  site.get('/archive/', async (c) => {
    assertNotPaginated(c);
    const ch = await chrome();
    const page = await loadArchiveIndex(db, ch.settings.timeZone);
    return html(c, archiveIndexTags(), <ArchiveIndexView chrome={ch} page={page} />);
  });
  site.get('/archive/:year/:month/', async (c) => {
    const ym = parseYearMonth(c.req.param('year'), c.req.param('month'));
    if (!ym) throw new NotFoundError('archive', c.req.path);
    const ch = await chrome();
    const page = await loadArchiveMonth(db, ym, ch.settings.timeZone, parsePage(c.req.query('page')));
    return html(c, archiveMonthTags(monthRange(ym, ch.settings.timeZone), page), <ArchiveMonthView chrome={ch} page={page} />);
  });
  site.get('/archive/:year/', () => {
    throw new MovedError('/archive/');
  });

  site.get('/', async (c) => {
    assertNotPaginated(c);
    const [page, ch] = await Promise.all([loadHomePage(db), chrome()]);
    return html(c, homePageTags(page), <HomeView chrome={ch} page={page} />);
  });

  // A draft at its secret preview URL: never cached (no cacheable()), never indexed.
  site.get('/preview/:token/', async (c) => {
    const articleId = await findPreviewedArticleId(db, c.req.param('token'));
    if (!articleId) throw new NotFoundError('preview', '');
    const ch = await chrome();
    const page = await loadPreviewPage(db, articleId, { threadDepth: ch.settings.commentThreadDepth });
    c.header('cache-control', 'private, no-store');
    c.header('x-robots-tag', 'noindex, nofollow');
    return c.html(await renderDocument(<ArticleView chrome={ch} page={page} isPreview />));
  });

  // A comment's permalink: the page of its article's thread that holds it. Not cached here or
  // by browsers (no-cache): the page that holds a comment changes when earlier threads go.
  // Routed at the permalink itself, with an id's pattern in the id's place.
  site.get(commentPermalink(':id{[0-9a-z]{26}}'), async (c) => {
    assertNotPaginated(c);
    const ch = await chrome();
    const location = await locateComment(db, c.req.param('id'), ch.settings.commentThreadDepth);
    if (!location) throw new NotFoundError('comment', c.req.param('id'));
    c.header('cache-control', 'no-cache');
    return c.redirect(origin + location, 301);
  });

  // Everything else: a topic, a topic's feed, a standalone page, an article, or a redirect.
  site.get('*', async (c) => {
    const segments = c.req.path.split('/').filter(Boolean);
    if (segments.length === 0 || isReservedSegment(segments[0]!) || !segments.every(isValidSlug)) {
      throw new NotFoundError('path', c.req.path);
    }
    const feedAt = segments.indexOf('feed');
    if (feedAt > 0) {
      const rest = segments.slice(feedAt + 1).join('/');
      if (!(rest in FEED_FORMATS)) throw new NotFoundError('feed', c.req.path);
      const format = FEED_FORMATS[rest]!;
      try {
        return await feed(c, { kind: 'topic', path: segments.slice(0, feedAt).join('/') }, format);
      } catch (error) {
        // Not a topic (nor a topic's redirect): an article's comment feed, which costs a lookup only then.
        if (!(error instanceof NotFoundError)) throw error;
        const resolved = await resolvePublicPath(db, segments.slice(0, feedAt));
        if (resolved.kind === 'moved') throw new MovedError(`${resolved.location}${FEED_PATHS[format]}`);
        if (resolved.kind !== 'article') throw error;
        return commentFeed(c, loadArticleCommentFeed(db, resolved.articleId, resolved.primaryTopicPath), format);
      }
    }
    // An article's later page of comments; a topic or page that happens to bear the name is still itself.
    const commentPage = segments.length > 1 ? parseCommentPageSegment(segments.at(-1)!) : null;
    if (commentPage !== null) {
      assertNotPaginated(c);
      const [article, ch] = await Promise.all([resolvePublicPath(db, segments.slice(0, -1)), chrome()]);
      if (article.kind === 'moved') throw new MovedError(commentPageUrl(article.location, commentPage));
      if (article.kind === 'article') {
        // Page 1 is the article itself: one spelling per page.
        if (commentPage === 1) throw new MovedError(`/${segments.slice(0, -1).join('/')}/`);
        const articlePage = await loadArticlePage(db, article.articleId, article.primaryTopicPath, articleOptions(ch, commentPage));
        return articleHtml(c, ch, articlePage);
      }
    }
    const [resolved, ch] = await Promise.all([resolvePublicPath(db, segments), chrome()]);
    if (resolved.kind !== 'topic') assertNotPaginated(c);
    switch (resolved.kind) {
      case 'topic': {
        const topicPage = await loadTopicPage(db, segments.join('/'), parsePage(c.req.query('page')));
        return html(c, topicPageTags(topicPage), <TopicView chrome={ch} page={topicPage} />);
      }
      case 'page': {
        const staticPage = await loadStaticPage(db, resolved.pageId);
        return html(c, staticPageTags(staticPage), <StaticPageView chrome={ch} page={staticPage} />);
      }
      case 'article': {
        const articlePage = await loadArticlePage(db, resolved.articleId, resolved.primaryTopicPath, articleOptions(ch));
        return articleHtml(c, ch, articlePage, await ownComment(c, resolved.articleId));
      }
      case 'moved':
        throw new MovedError(resolved.location);
      case 'redirect':
        return followRedirect(c, resolved.fromPath, resolved.location);
      case 'gone':
        if (resolved.fromPath) deps.redirectHits?.record(resolved.fromPath, clock.now());
        throw new GoneError('path', c.req.path, resolved.title ?? undefined);
      case 'none':
        throw new NotFoundError('path', c.req.path);
    }
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
