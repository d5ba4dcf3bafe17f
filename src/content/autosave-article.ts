import type { Actor } from '../accounts/index.js';
import { ConflictError, NotFoundError } from '../shared/errors.js';
import { ArticleFields } from './article-fields.js';
import { assertCanEditArticle } from './article-permissions.js';
import { findArticleRowById } from './article-writes.queries.js';
import { findAuthorIds, updateArticleAtVersion, upsertWorkingCopy } from './article-versions.queries.js';
import type { ContentDeps } from './content-deps.js';
import { conflictOn } from './save-article.js';

export interface Autosaved {
  version: number;
  savedAt: string;
}

/**
 * Keeps the editor's fields as typed in the article's working copy, never in the live
 * article: readers see nothing change, so nothing is announced. Each autosave makes a new
 * version, so a second editor working from an older one is told (ArticleConflictError)
 * instead of overwriting it. "Save draft", "Update" and "Publish" apply the working copy.
 */
export async function autosaveArticle(deps: ContentDeps, actor: Actor, articleId: string, fields: ArticleFields, version: number): Promise<Autosaved> {
  const row = await findArticleRowById(deps.db, articleId);
  if (!row) throw new NotFoundError('article', articleId);
  if (row.status === 'trashed') throw new ConflictError('This article is in the trash; restore it before editing it.');
  assertCanEditArticle(actor, { status: row.status, authorIds: await findAuthorIds(deps.db, articleId) });
  const stored = ArticleFields.parse(fields);
  const savedAt = deps.clock.now().toISOString();
  const next = await deps.db.transaction().execute(async (trx) => {
    const made = await updateArticleAtVersion(trx, articleId, { edited_by: actor.id, edited_at: savedAt }, version);
    if (made === null) throw await conflictOn(trx, articleId);
    await upsertWorkingCopy(trx, { article_id: articleId, fields: JSON.stringify(stored), base_version: made, saved_by: actor.id, saved_at: savedAt });
    return made;
  });
  return { version: next, savedAt };
}
