export * from './comment.js';
export { listApprovedComments, recountApprovedCommentsOf } from './comment.queries.js';
export { importComments, importedCommentRows, insertCommentRows, type ImportedComment } from './import-comments.js';
