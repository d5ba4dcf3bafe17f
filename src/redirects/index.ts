export { canonicalRedirectPath, type Redirect, type RedirectCode, type RedirectEntry } from './redirect.js';
export { RedirectInput, unreachableFromPathProblem } from './redirect.schema.js';
export { deleteRedirect, saveRedirect, type SaveRedirectOptions } from './save-redirect.js';
export { findRedirect, listRedirects, type RedirectFilter } from './redirect.queries.js';
export { type CsvProblem, type CsvRow, MAX_IMPORT_ROWS, parseRedirectCsv } from './redirect-csv.js';
export { describeProblems, type ImportChange, importRedirects, type ImportPreview, type ImportPreviewRow, previewRedirectImport } from './import-redirects.js';
export { RedirectHitCounter, type RedirectHitCounterOptions, type RedirectHitRecorder } from './count-hits.js';
export { type PathMove, recordMovedPaths } from './record-moved-paths.js';
