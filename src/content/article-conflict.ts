import { ConflictError } from '../shared/errors.js';

/**
 * A save or autosave made from a version someone else has saved over since: refused, never
 * a silent overwrite. It names who made the current version and when, for the notice.
 */
export class ArticleConflictError extends ConflictError {
  override name = 'ArticleConflictError';
  constructor(
    /** the name of who saved the current version ('someone' when unknown) */
    readonly savedBy: string,
    /** when, as an ISO instant */
    readonly savedAt: string,
    readonly currentVersion: number,
  ) {
    super(`${savedBy} saved this article after you opened it (version ${currentVersion}); your changes were not saved over theirs.`);
  }
}
