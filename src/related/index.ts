/*
 * Related articles ("You may also like"): the public surface. The method, its formula
 * and weights are documented in related-method.ts.
 */
export { refreshRelatedArticles, type RefreshRelatedResult } from './refresh-related-articles.js';
export {
  rebuildAllRelated,
  type RebuildProgress,
  type RebuildRelatedOptions,
  type RebuildRelatedSummary,
} from './rebuild-all-related.js';
export { relatedArticleIds } from './related.queries.js';
export { RELATED_LIST_SIZE } from './related-method.js';
export { refreshRelatedOnArticleChange, type RelatedSubscriberDeps } from './refresh-on-article-change.js';
