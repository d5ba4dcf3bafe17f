export * from './comment.js';
export { listApprovedComments } from './comment.queries.js';
export { importComments, type ImportedComment } from './import-comments.js';
