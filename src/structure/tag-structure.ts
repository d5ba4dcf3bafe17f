import { z } from 'zod';
import { type Actor, assertCan } from '../accounts/index.js';
import { countArticlesUsingTag, forgetListCount, moveArticlesToTag } from '../content/index.js';
import { recordMovedPaths } from '../redirects/index.js';
import { reindexArticleNames } from '../search/index.js';
import { NotFoundError, ValidationError } from '../shared/errors.js';
import { parseInput } from '../shared/validate.js';
import type { WriteDeps } from '../shared/write-deps.js';
import { applyTagRename, deleteTagRow, findTagById, NewTag, planTagRename, type Tag, tagUrl } from '../taxonomy/index.js';

/** Renames a tag; a new slug moves its pages and feeds, and its old URL answers 301 to the new one. */
export async function renameTag(deps: WriteDeps, actor: Actor, tagId: string, input: NewTag): Promise<Tag> {
  assertCan(actor, 'manage_taxonomy', 'rename tags');
  const now = deps.clock.now().toISOString();
  const { before, after } = await deps.db.transaction().execute(async (trx) => {
    const renamed = await planTagRename(trx, tagId, input);
    await applyTagRename(trx, renamed.after);
    if (renamed.after.slug !== renamed.before.slug) {
      await recordMovedPaths(trx, [{ fromPath: tagUrl(renamed.before.slug), toPath: tagUrl(renamed.after.slug) }], now);
    }
    return renamed;
  });
  await deps.events.emit({ type: 'tag.changed', tagId, isUrlChanged: before.slug !== after.slug });
  return after;
}

export const TagMerge = z.object({
  fromTagId: z.string().min(1, 'choose the tag to merge'),
  intoTagId: z.string().min(1, 'choose the tag to keep'),
});
export type TagMerge = z.input<typeof TagMerge>;

/**
 * Merges tag A into tag B: A's articles carry B (once), B's list and size follow, A is
 * deleted, and A's URL answers 301 to B's (redirects that led to A lead to B) — in one
 * transaction.
 */
export async function mergeTags(deps: WriteDeps, actor: Actor, input: TagMerge): Promise<{ from: Tag; into: Tag; articleIds: string[] }> {
  assertCan(actor, 'manage_taxonomy', 'merge tags');
  const { fromTagId, intoTagId } = parseInput(TagMerge, input, 'merge');
  if (fromTagId === intoTagId) throw new ValidationError('a tag cannot be merged into itself', { intoTagId: 'choose another tag to keep' });
  const now = deps.clock.now().toISOString();
  const merged = await deps.db.transaction().execute(async (trx) => {
    const [from, into] = await Promise.all([findTagById(trx, fromTagId), findTagById(trx, intoTagId)]);
    if (!from) throw new ValidationError('no such tag', { fromTagId: 'no such tag' });
    if (!into) throw new ValidationError('no such tag', { intoTagId: 'no such tag' });
    const refiled = await moveArticlesToTag(trx, from.id, into.id);
    await deleteTagRow(trx, from.id);
    await reindexArticleNames(trx, refiled.articleIds);
    await recordMovedPaths(trx, [{ fromPath: tagUrl(from.slug), toPath: tagUrl(into.slug) }], now);
    return { from, into, articleIds: refiled.articleIds };
  });
  await deps.events.emit({ type: 'tag.changed', tagId: merged.from.id, isUrlChanged: true, mergedIntoId: merged.into.id });
  return merged;
}

/** Deletes a tag no article carries (drafts and withdrawn ones count). */
export async function deleteTag(deps: WriteDeps, actor: Actor, tagId: string): Promise<void> {
  assertCan(actor, 'manage_taxonomy', 'delete tags');
  await deps.db.transaction().execute(async (trx) => {
    const tag = await findTagById(trx, tagId);
    if (!tag) throw new NotFoundError('tag', tagId);
    const used = await countArticlesUsingTag(trx, tagId);
    if (used > 0) {
      throw new ValidationError(`"${tag.name}" cannot be deleted: ${used} article${used === 1 ? ' carries' : 's carry'} it. Merge it into another tag instead.`);
    }
    await deleteTagRow(trx, tagId);
    await forgetListCount(trx, 'tag', tagId);
  });
  await deps.events.emit({ type: 'tag.changed', tagId, isUrlChanged: true });
}
