/** The read model: one loader per page type, the only place where reads join across features' tables. */
export * from './reader-pages.js';
export { loadArticlePage, loadPreviewPage } from './load-article-page.js';
export { loadHomePage } from './load-home-page.js';
export { archiveMonthUrl, loadArchiveIndex, loadArchiveMonth, loadAuthorPage, loadTagPage, loadTopicPage, PER_PAGE } from './load-list-pages.js';
export { loadStaticPage } from './load-static-page.js';
export { FEED_SIZE, loadFeed, type FeedData, type FeedEntry, type FeedScope } from './load-feed.js';
export { countSitemapArticles, loadSitemapArticles, loadSitemapSections, type SitemapUrl } from './load-sitemap.js';
export { resolvePublicPath, type PublicPath } from './resolve-public-path.js';
export { type AuthorRecord, type ListPath, resolveAuthorPath, resolveTagPath } from './resolve-list-path.js';
export { type CommentFeedData, type CommentFeedEntry, loadArticleCommentFeed, loadSiteCommentFeed } from './load-comment-feed.js';
export { COMMENT_THREADS_PER_PAGE, type CommentPaging, commentPageUrl, locateComment, pageOfThreads, parseCommentPageSegment } from './comment-pages.js';
