import { NotFoundError } from '../shared/errors.js';
import { newId } from '../shared/ids.js';
import { parseInput } from '../shared/validate.js';
import { ArticleInput, type ValidArticleInput } from './article.schema.js';
import type { ArticleRow } from './article.table.js';
import { ArticleConflictError } from './article-conflict.js';
import {
  articleRowOf,
  assertReferencesKnown,
  findBodyMedia,
  findKnownReferences,
  relationsOf,
  type RevisionAction,
  revisionOf,
  slugOf,
  slugTakenError,
} from './article-row.js';
import { findArticleRowById, insertArticleRow, insertRevisions, isSlugTaken, replaceArticleRelations } from './article-writes.queries.js';
import { deleteWorkingCopy, findVersionHolder, rowChanges, updateArticleAtVersion } from './article-versions.queries.js';
import type { ContentDeps } from './content-deps.js';
import { writeArticle } from './write-article.js';

export interface SaveArticleOptions {
  /** absent: a new article */
  articleId?: string;
  /** who saved it, for the revision */
  editorId?: string | null;
  /** imports keep the source's modification time; otherwise it is now */
  updatedAt?: Date;
}

export interface SavedArticle {
  id: string;
  slug: string;
  status: string;
  version: number;
}

/**
 * Creates or updates an article: validates references, sanitizes the body against the
 * subset, keeps a revision, and, when readers can see the result, files it on its lists
 * and refreshes related articles. Publishing with a future time schedules instead.
 * The trusted path (seeding, imports): staff saves go through saveArticleAs, which checks
 * the actor's role and the version the editor loaded.
 */
export async function saveArticle(deps: ContentDeps, input: ArticleInput, options: SaveArticleOptions = {}): Promise<SavedArticle> {
  const data = parseInput(ArticleInput, input, 'article');
  const existing = options.articleId ? await findArticleRowById(deps.db, options.articleId) : undefined;
  if (options.articleId && !existing) throw new NotFoundError('article', options.articleId);
  await assertSaveable(deps, data, existing?.id ?? null);
  return applyArticleSave(deps, data, { existing, editorId: options.editorId ?? null, updatedAt: options.updatedAt, expectedVersion: null, action: 'save' });
}

/** The checks every save passes before it writes: references that exist, a free slug. */
export async function assertSaveable(deps: ContentDeps, data: ValidArticleInput, articleId: string | null): Promise<string> {
  const known = await findKnownReferences(deps.db, [data]);
  assertReferencesKnown(data, known);
  const slug = slugOf(data);
  if (await isSlugTaken(deps.db, slug, articleId)) throw slugTakenError(slug);
  return slug;
}

export interface ApplySaveOptions {
  existing: ArticleRow | undefined;
  editorId: string | null;
  updatedAt?: Date | undefined;
  /** the version the editor loaded; null: no check (trusted writers) */
  expectedVersion: number | null;
  action: RevisionAction;
}

/**
 * Writes a validated save: the row (making the next version, when the stored one is still
 * the version the editor loaded), its relations, a revision; the working copy is applied,
 * so it goes. A version mismatch rolls everything back and names who saved in between.
 */
export async function applyArticleSave(deps: ContentDeps, data: ValidArticleInput, options: ApplySaveOptions): Promise<SavedArticle> {
  const { db, clock } = deps;
  const { existing } = options;
  const id = existing?.id ?? newId();
  const now = clock.now();
  const slug = slugOf(data);
  const media = await findBodyMedia(db, [data.body]);
  const row = articleRowOf(data, media, { id, slug, now, updatedAt: options.updatedAt, existing, editorId: options.editorId });
  let version = 1;
  await writeArticle(deps, id, async (trx) => {
    if (existing) {
      const next = await updateArticleAtVersion(trx, id, rowChanges(row), options.expectedVersion);
      if (next === null) throw await conflictOn(trx, id);
      version = next;
    } else {
      await insertArticleRow(trx, row);
    }
    await replaceArticleRelations(trx, id, relationsOf(data));
    await insertRevisions(trx, [revisionOf(row, options.editorId, now, { version, action: options.action })]);
    await deleteWorkingCopy(trx, id);
  });
  return { id, slug, status: row.status, version };
}

/** The conflict of a save that lost the version race: who holds the version now. */
export async function conflictOn(db: ContentDeps['db'], articleId: string): Promise<ArticleConflictError> {
  const holder = await findVersionHolder(db, articleId);
  if (!holder) throw new NotFoundError('article', articleId);
  return new ArticleConflictError(holder.editedBy ?? 'Someone', holder.editedAt, holder.version);
}
