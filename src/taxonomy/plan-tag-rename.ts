import type { Database } from '../db/database.js';
import { NotFoundError, ValidationError } from '../shared/errors.js';
import { reindexArticlesNaming } from '../search/index.js';
import { parseInput } from '../shared/validate.js';
import { suggestTagSlug, takenMessage } from './slug-suggestions.js';
import { NewTag } from './taxonomy.schema.js';
import { findTagById, findTagBySlug, updateTagRow } from './taxonomy.queries.js';
import type { Tag } from './topic.js';

/** Checks a tag's new name and slug: the slug must be free (a free one is suggested). */
export async function planTagRename(db: Database, tagId: string, input: NewTag): Promise<{ before: Tag; after: Tag }> {
  const data = parseInput(NewTag, input, 'tag');
  const before = await findTagById(db, tagId);
  if (!before) throw new NotFoundError('tag', tagId);
  if (data.slug !== before.slug && (await findTagBySlug(db, data.slug))) {
    const message = takenMessage(`the tag "${data.slug}" exists (to combine the two, merge them)`, await suggestTagSlug(db, data.slug));
    throw new ValidationError(message, { slug: message });
  }
  return { before, after: { id: before.id, slug: data.slug, name: data.name } };
}

/** Writes a planned rename (in the caller's transaction); the tag's articles are searchable under the new name at once. */
export async function applyTagRename(db: Database, after: Tag): Promise<void> {
  const before = await findTagById(db, after.id);
  await updateTagRow(db, after);
  if (before?.name !== after.name) await reindexArticlesNaming(db, { tagId: after.id });
}
