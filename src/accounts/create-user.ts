import type { Database } from '../db/database.js';
import type { Clock } from '../shared/clock.js';
import { ConflictError } from '../shared/errors.js';
import { newId } from '../shared/ids.js';
import { slugify } from '../shared/slugify.js';
import { parseInput } from '../shared/validate.js';
import { hashPassword } from './password.js';
import type { User } from './role.js';
import { NewUser } from './user.schema.js';
import { insertUser, isEmailTaken, isUserSlugTaken } from './user.queries.js';

export async function createUser(db: Database, clock: Clock, input: NewUser): Promise<User> {
  const data = parseInput(NewUser, input, 'user');
  if (await isEmailTaken(db, data.email)) throw new ConflictError(`an account for ${data.email} exists`);
  const base = data.slug ?? (slugify(data.name) || 'author');
  let slug = base;
  for (let n = 2; await isUserSlugTaken(db, slug); n++) slug = `${base}-${n}`;
  const user: User = { id: newId(), email: data.email, name: data.name, slug, role: data.role, bio: data.bio, avatarMediaId: null };
  await insertUser(db, user, await hashPassword(data.password), clock.now().toISOString());
  return user;
}
