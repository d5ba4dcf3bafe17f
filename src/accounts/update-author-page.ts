import { z } from 'zod';
import { ForbiddenError, NotFoundError, ValidationError } from '../shared/errors.js';
import { parseInput } from '../shared/validate.js';
import type { WriteDeps } from '../shared/write-deps.js';
import { type Actor, can, type User } from './role.js';
import { updateProfile } from './update-profile.js';
import { findUserById, isStoredImage } from './user.queries.js';

/** What the author page shows beyond the byline: the bio and the photo (a stored image). */
export const AuthorPageChanges = z.object({
  bio: z.string().trim().max(2000, 'a bio has at most 2,000 characters'),
  avatarMediaId: z.string().min(1).nullable(),
});
export type AuthorPageChanges = z.input<typeof AuthorPageChanges>;

/**
 * Edits a person's author page: their bio and photo, through updateProfile (which announces
 * `author.changed`). Anyone may edit their own; editing someone else's takes manage_taxonomy.
 */
export async function updateAuthorPage(deps: WriteDeps, actor: Actor, userId: string, input: AuthorPageChanges): Promise<User> {
  if (actor.id !== userId && !can(actor.role, 'manage_taxonomy')) throw new ForbiddenError(`Your role (${actor.role}) may not edit other people's author pages.`);
  const changes = parseInput(AuthorPageChanges, input, 'author page');
  if (!(await findUserById(deps.db, userId))) throw new NotFoundError('user', userId);
  if (changes.avatarMediaId !== null && !(await isStoredImage(deps.db, changes.avatarMediaId))) {
    throw new ValidationError('no such image', { avatarMediaId: 'that image is not in the library' });
  }
  return updateProfile(deps, userId, changes);
}
