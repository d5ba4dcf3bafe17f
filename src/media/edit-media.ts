import { type Actor, assertCan } from '../accounts/index.js';
import { ConflictError, NotFoundError } from '../shared/errors.js';
import { parseInput } from '../shared/validate.js';
import { removeMediaFiles } from './media-files.js';
import type { MediaItem } from './media.js';
import { deleteMediaRow, findMediaItemById, updateMediaDetailsRow } from './media.queries.js';
import { MediaDetails } from './media.schema.js';
import type { MediaDeps } from './upload-media.js';
import { describeUsage, findMediaUsage, isInUse } from './media-usage.js';

/** Opens one image with where it is used, for someone who may upload. */
export async function openMedia(deps: Pick<MediaDeps, 'db'>, actor: Actor, id: string) {
  assertCan(actor, 'upload_media', 'open the media library');
  const item = await findMediaItemById(deps.db, id);
  if (!item) throw new NotFoundError('media', id);
  return { item, usage: await findMediaUsage(deps.db, id) };
}

/**
 * Changes what is written about an image: the library's copy, offered the next time it is
 * inserted. Bodies that already show it keep the alt text and caption they were saved
 * with (they are the article's words), so only what reads the library itself changes on
 * the site: featured images on cards and article pages, an author's avatar, the logo.
 */
export async function updateMediaDetails(deps: MediaDeps, actor: Actor, id: string, input: unknown): Promise<MediaItem> {
  assertCan(actor, 'upload_media', 'edit images');
  const details = parseInput(MediaDetails, input, 'image details');
  if (!(await updateMediaDetailsRow(deps.db, id, details))) throw new NotFoundError('media', id);
  const usage = await findMediaUsage(deps.db, id);
  // Drafts among them have no cached page; dropping their tag costs nothing and keeps one rule.
  const articleIds = usage.articles.filter((a) => a.isFeatured).map((a) => a.id);
  if (articleIds.length > 0 || usage.users.length > 0 || usage.isSiteLogo) {
    await deps.events.emit({ type: 'media.changed', mediaId: id, articleIds, userIds: usage.users.map((u) => u.id), isSiteLogo: usage.isSiteLogo });
  }
  return (await findMediaItemById(deps.db, id))!;
}

/**
 * Deletes an image and its files, refused while anything uses it (a featured image, a
 * body, an avatar, the logo) with a message naming where. Nothing readers see showed
 * an unused image, so no event is announced.
 */
export async function deleteMedia(deps: MediaDeps, actor: Actor, id: string): Promise<void> {
  assertCan(actor, 'upload_media', 'delete images');
  // In one transaction, so an article saved with the image meanwhile is not left without it.
  const item = await deps.db.transaction().execute(async (trx) => {
    const found = await findMediaItemById(trx, id);
    if (!found) throw new NotFoundError('media', id);
    const usage = await findMediaUsage(trx, id);
    if (isInUse(usage)) throw new ConflictError(`This image cannot be deleted while it is used: ${describeUsage(usage)}.`);
    await deleteMediaRow(trx, id);
    return found;
  });
  await removeMediaFiles(deps.mediaDir, id, item.variants);
}
