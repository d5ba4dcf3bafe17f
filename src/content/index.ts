export * from './article.js';
export { ArticleInput } from './article.schema.js';
export { type TocEntry, BODY_IMAGE_SIZES, htmlToText, readingMinutes, shorten } from './body-html.js';
export { saveArticle } from './save-article.js';
export type { ContentDeps } from './content-deps.js';
export { publishDueArticles, withdrawArticle } from './write-article.js';
export { createPage, deletePage, PAGE_STATUSES, PageInput, updatePage } from './save-page.js';
export { findPageById, findPageBySlug, listAllPages, listPublishedPages } from './page.queries.js';
export { type ListKind } from './listing.queries.js';
export { recordCommentCount, recountCommentCounts } from './article-writes.queries.js';
export { type NewArticle, saveNewArticles, type SaveNewArticlesOptions } from './save-new-articles.js';
export { articleCountsByTag, articleCountsByTopic, bylineCounts, countArticlesUsingTag, countArticlesUsingTopic, listSizes } from './usage.queries.js';
// List refiling for structure/'s moves and merges, run inside their transactions.
export { forgetListCount, moveArticlesToTag, type Refiled, refileTopicLists } from './refile-lists.queries.js';
