import { z } from 'zod';
import { reindexArticlesNaming } from '../search/index.js';
import { NotFoundError, ValidationError } from '../shared/errors.js';
import { inTransaction } from '../shared/in-transaction.js';
import { parseInput } from '../shared/validate.js';
import type { WriteDeps } from '../shared/write-deps.js';
import type { User } from './role.js';
import { findUserById, isUserSlugTaken, updateProfileRow } from './user.queries.js';

/** What readers see of a person: the name on bylines, the author page's slug, bio and avatar. */
export const ProfileChanges = z.object({
  name: z.string().trim().min(1, 'a name is required').max(120).optional(),
  slug: z
    .string()
    .trim()
    .min(1, 'a slug is required')
    .max(80, 'at most 80 characters')
    .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'lowercase letters, digits and single hyphens, such as ana-ferreira')
    .optional(),
  bio: z.string().trim().max(2000, 'at most 2,000 characters').optional(),
  avatarMediaId: z.string().min(1).nullable().optional(),
});
export type ProfileChanges = z.input<typeof ProfileChanges>;

/** Edits a person's public profile; every byline and their author page and feeds follow. */
export async function updateProfile(deps: WriteDeps, userId: string, input: ProfileChanges): Promise<User> {
  const changes = parseInput(ProfileChanges, input, 'profile');
  const before = await findUserById(deps.db, userId);
  if (!before) throw new NotFoundError('user', userId);
  const after: User = {
    ...before,
    name: changes.name ?? before.name,
    slug: changes.slug ?? before.slug,
    bio: changes.bio ?? before.bio,
    avatarMediaId: changes.avatarMediaId === undefined ? before.avatarMediaId : changes.avatarMediaId,
  };
  if (after.slug !== before.slug && (await isUserSlugTaken(deps.db, after.slug))) {
    throw new ValidationError('invalid profile', { slug: `Another person already uses /author/${after.slug}/.` });
  }
  await inTransaction(deps.db, async (trx) => {
    await updateProfileRow(trx, after, deps.clock.now().toISOString());
    // Bylines are searched: the new name finds the person's articles from this commit on.
    if (after.name !== before.name) await reindexArticlesNaming(trx, { authorId: userId });
  });
  const isBylineChanged = after.name !== before.name || after.slug !== before.slug;
  await deps.events.emit({ type: 'author.changed', userId, isBylineChanged });
  return after;
}
