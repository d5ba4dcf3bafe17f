/** The public site's views: each returns a complete document ('<!doctype html>' + toString()). */
export type { SiteChrome } from './chrome.js';
export { HomeView } from './home-view.js';
export { TopicView } from './topic-view.js';
export { TagView } from './tag-view.js';
export { AuthorView } from './author-view.js';
export { ArchiveIndexView, ArchiveMonthView } from './archive-views.js';
export { ArticleView } from './article-view.js';
export { StaticPageView } from './static-page-view.js';
export { ErrorView, GoneView, NoSuchPageView, NotFoundView } from './error-views.js';
export { formatDate, formatDateTime, isoDateTime } from './dates.js';
