export * from './comment.js';
export { listApprovedComments } from './comment.queries.js';
export { importComments, importedCommentRows, insertCommentRows, type ImportedComment } from './import-comments.js';
export { moderateComment } from './moderate-comment.js';
