import { ConflictError } from '../shared/errors.js';
import { newId } from '../shared/ids.js';
import { slugify } from '../shared/slugify.js';
import { parseInput } from '../shared/validate.js';
import type { WriteDeps } from '../shared/write-deps.js';
import { hashPassword } from './password.js';
import type { User } from './role.js';
import { NewUser } from './user.schema.js';
import { insertUser, isEmailTaken, isUserSlugTaken } from './user.queries.js';

/** Opens an account. Nothing public shows a person until they write, so the event changes no page yet. */
export async function createUser(deps: WriteDeps, input: NewUser): Promise<User> {
  const { db, clock } = deps;
  const data = parseInput(NewUser, input, 'user');
  if (await isEmailTaken(db, data.email)) throw new ConflictError(`an account for ${data.email} exists`);
  const base = data.slug ?? (slugify(data.name) || 'author');
  let slug = base;
  for (let n = 2; await isUserSlugTaken(db, slug); n++) slug = `${base}-${n}`;
  const user: User = { id: newId(), email: data.email, name: data.name, slug, role: data.role, bio: data.bio, avatarMediaId: null };
  await insertUser(db, user, await hashPassword(data.password), clock.now().toISOString());
  await deps.events.emit({ type: 'account.changed', userId: user.id });
  return user;
}
