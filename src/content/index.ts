export * from './article.js';
export { ArticleInput } from './article.schema.js';
export { type TocEntry, BODY_IMAGE_SIZES, htmlToText, readingMinutes, shorten } from './body-html.js';
export { saveArticle, type SavedArticle } from './save-article.js';
export type { ContentDeps } from './content-deps.js';
export { publishDueArticles } from './write-article.js';
export { createPage, deletePage, PAGE_STATUSES, PageInput, updatePage } from './save-page.js';
export { findPageById, findPageBySlug, listAllPages, listPublishedPages } from './page.queries.js';
export { type ListKind } from './listing.queries.js';
export { lockCommentCounts, recordCommentCount, recountCommentCounts } from './article-writes.queries.js';
export { type CommentableArticle, type CommentedArticleNotice, findCommentableArticle, findCommentedArticleNotice } from './article-comments.queries.js';
export { type NewArticle, saveNewArticles, type SaveNewArticlesOptions } from './save-new-articles.js';

// The newsroom's workflow: every staff write takes the actor and checks its role.
export { ArticleConflictError } from './article-conflict.js';
export { ArticleFields, emptyArticleFields, tagNamesOf } from './article-fields.js';
export { canEditArticle, canPublishArticle, isLiveStatus } from './article-permissions.js';
export { saveArticleAs, STAFF_SAVE_ACTIONS, type StaffSave, type StaffSaveAction } from './save-article-as.js';
export { autosaveArticle, type Autosaved } from './autosave-article.js';
export {
  publishArticle,
  purgeTrashedArticles,
  restoreArticleFromTrash,
  TRASH_DAYS,
  trashArticle,
  unpublishArticle,
  withdrawArticle,
} from './change-article-status.js';
export { compareArticleRevisions, listArticleRevisions, restoreArticleRevision, type RevisionComparison, type RevisionEntry } from './article-revisions.js';
export type { DiffBlock, DiffPart } from './revision-diff.js';
export { createPreviewLink, findPreviewedArticleId, previewPath, revokePreviewLink } from './preview-link.js';
export { findArticleLinks, findArticleTitles } from './article-admin.queries.js';
export { type ArticleEditorState, type ArticleFormOptions, loadArticleEditor, loadArticleFormOptions } from './load-article-editor.js';
export {
  type ArticleActivity,
  defaultAuthorFilter,
  editUrlOf,
  listArticlesAwaitingReview,
  listRecentArticleActivity,
  listScheduledArticles,
  listStaffArticles,
  listStaffArticlesByIds,
  type QueuedArticle,
  STAFF_LIST_TABS,
  STAFF_PER_PAGE,
  type StaffList,
  type StaffListItem,
  type StaffListQuery,
  type StaffListTab,
} from './list-staff-articles.js';
export { articleCountsByTag, articleCountsByTopic, bylineCounts, countArticlesUsingTag, countArticlesUsingTopic, listSizes } from './usage.queries.js';
// List refiling for structure/'s moves and merges, run inside their transactions.
export { forgetListCount, moveArticlesToTag, type Refiled, refileTopicLists } from './refile-lists.queries.js';
