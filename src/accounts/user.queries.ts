import type { Database } from '../db/database.js';
import type { Role, User } from './role.js';
import type { UserRow } from './accounts.table.js';

const columns = ['id', 'email', 'name', 'slug', 'role', 'bio', 'avatar_media_id'] as const;

export function toUser(row: Pick<UserRow, (typeof columns)[number]>): User {
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    slug: row.slug,
    role: row.role as Role,
    bio: row.bio,
    avatarMediaId: row.avatar_media_id,
  };
}

export async function findUserByEmailWithHash(db: Database, email: string): Promise<(User & { passwordHash: string }) | null> {
  const row = await db.selectFrom('users').select([...columns, 'password_hash']).where('email', '=', email).executeTakeFirst();
  return row ? { ...toUser(row), passwordHash: row.password_hash } : null;
}

export async function findUserById(db: Database, id: string): Promise<User | null> {
  const row = await db.selectFrom('users').select(columns).where('id', '=', id).executeTakeFirst();
  return row ? toUser(row) : null;
}

export async function findUserBySlug(db: Database, slug: string): Promise<User | null> {
  const row = await db.selectFrom('users').select(columns).where('slug', '=', slug).executeTakeFirst();
  return row ? toUser(row) : null;
}

export async function findUsersByIds(db: Database, ids: readonly string[]): Promise<User[]> {
  if (ids.length === 0) return [];
  const rows = await db.selectFrom('users').select(columns).where('id', 'in', [...new Set(ids)]).execute();
  return rows.map(toUser);
}

export async function isUserSlugTaken(db: Database, slug: string): Promise<boolean> {
  return (await db.selectFrom('users').select('id').where('slug', '=', slug).executeTakeFirst()) !== undefined;
}

export async function isEmailTaken(db: Database, email: string): Promise<boolean> {
  return (await db.selectFrom('users').select('id').where('email', '=', email).executeTakeFirst()) !== undefined;
}

export async function insertUser(db: Database, user: User, passwordHash: string, now: string): Promise<void> {
  await db
    .insertInto('users')
    .values({
      id: user.id,
      email: user.email,
      name: user.name,
      slug: user.slug,
      password_hash: passwordHash,
      role: user.role,
      bio: user.bio,
      avatar_media_id: user.avatarMediaId,
      created_at: now,
      updated_at: now,
    })
    .execute();
}

export async function countUsers(db: Database): Promise<number> {
  const row = await db.selectFrom('users').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function updateProfileRow(db: Database, user: Pick<User, 'id' | 'name' | 'slug' | 'bio' | 'avatarMediaId'>, now: string): Promise<void> {
  await db
    .updateTable('users')
    .set({ name: user.name, slug: user.slug, bio: user.bio, avatar_media_id: user.avatarMediaId, updated_at: now })
    .where('id', '=', user.id)
    .execute();
}

/** Whether an image of the library has this id (for avatars: read only, the media feature owns the table). */
export async function isStoredImage(db: Database, mediaId: string): Promise<boolean> {
  return (await db.selectFrom('media').select('id').where('id', '=', mediaId).executeTakeFirst()) !== undefined;
}
