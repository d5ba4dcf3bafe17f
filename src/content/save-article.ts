import { NotFoundError } from '../shared/errors.js';
import { newId } from '../shared/ids.js';
import { parseInput } from '../shared/validate.js';
import { ArticleInput } from './article.schema.js';
import {
  articleRowOf,
  assertReferencesKnown,
  findBodyMedia,
  findKnownReferences,
  relationsOf,
  revisionOf,
  slugOf,
  slugTakenError,
} from './article-row.js';
import { findArticleRowById, insertRevisions, isSlugTaken, replaceArticleRelations, upsertArticleRow } from './article-writes.queries.js';
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

/**
 * Creates or updates an article: validates references, sanitizes the body against the
 * subset, keeps a revision, and, when readers can see the result, files it on its lists
 * and refreshes related articles. Publishing with a future time schedules instead.
 */
export async function saveArticle(
  deps: ContentDeps,
  input: ArticleInput,
  options: SaveArticleOptions = {},
): Promise<{ id: string; slug: string; status: string }> {
  const { db, clock } = deps;
  const data = parseInput(ArticleInput, input, 'article');
  const existing = options.articleId ? await findArticleRowById(db, options.articleId) : undefined;
  if (options.articleId && !existing) throw new NotFoundError('article', options.articleId);
  const id = existing?.id ?? newId();
  const now = clock.now();

  const known = await findKnownReferences(db, [data]);
  assertReferencesKnown(data, known);
  const slug = slugOf(data);
  if (await isSlugTaken(db, slug, id)) throw slugTakenError(slug);

  const media = await findBodyMedia(db, [data.body]);
  const row = articleRowOf(data, media, { id, slug, now, updatedAt: options.updatedAt, existing });
  await writeArticle(deps, id, async (trx) => {
    await upsertArticleRow(trx, row, !existing);
    await replaceArticleRelations(trx, id, relationsOf(data));
    await insertRevisions(trx, [revisionOf(row, options.editorId ?? null, now)]);
  });
  const { status } = row;
  return { id, slug, status };
}
