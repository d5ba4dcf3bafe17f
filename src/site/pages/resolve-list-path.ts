import { sql } from 'kysely';
import type { Database } from '../../db/database.js';
import type { Tag } from '../../taxonomy/index.js';

/** What a tag's or author's path is: the list, or a redirect row that answers for it first. */
export type ListPath<T> =
  | { kind: 'found'; item: T }
  | { kind: 'redirect'; location: string; fromPath: string }
  | { kind: 'gone'; fromPath: string }
  | { kind: 'none' };

/** The author-page fields of a person. */
export interface AuthorRecord {
  id: string;
  name: string;
  slug: string;
  bio: string;
  avatarMediaId: string | null;
}

interface Candidate {
  kind: 'redirect' | 'item';
  /** the redirect's target, or the item's id */
  ref: string;
  /** the redirect's from path, or the item's slug */
  key: string;
  name: string | null;
  bio: string | null;
  avatar: string | null;
  code: number | null;
}

/**
 * A redirect row from /tag/<slug>/ wins over the tag, as it does for every other path (an
 * editor who redirects a live URL means it); a merged or renamed tag leaves one. Both are
 * read in the one statement that used to read the tag, so the page costs what it did.
 */
export async function resolveTagPath(db: Database, slug: string): Promise<ListPath<Tag>> {
  const path = `/tag/${slug}/`;
  const { rows } = await sql<Candidate>`
    select 'redirect' as kind, to_path as ref, from_path as key, cast(null as text) as name, cast(null as text) as bio, cast(null as text) as avatar, code
      from redirects where from_path in (${path}, ${path.slice(0, -1)})
    union all
    select 'item', id, slug, name, null, null, null from tags where slug = ${slug}
  `.execute(db);
  return pick(rows, path, (r) => ({ id: r.ref, slug: r.key, name: r.name ?? '' }));
}

/** The same for /author/<slug>/ (a person's slug may change; an import may keep old author URLs). */
export async function resolveAuthorPath(db: Database, slug: string): Promise<ListPath<AuthorRecord>> {
  const path = `/author/${slug}/`;
  const { rows } = await sql<Candidate>`
    select 'redirect' as kind, to_path as ref, from_path as key, cast(null as text) as name, cast(null as text) as bio, cast(null as text) as avatar, code
      from redirects where from_path in (${path}, ${path.slice(0, -1)})
    union all
    select 'item', id, slug, name, bio, avatar_media_id, null from users where slug = ${slug}
  `.execute(db);
  return pick(rows, path, (r) => ({ id: r.ref, slug: r.key, name: r.name ?? '', bio: r.bio ?? '', avatarMediaId: r.avatar }));
}

function pick<T>(rows: Candidate[], path: string, toItem: (row: Candidate) => T): ListPath<T> {
  // A row for the exact spelling wins over one stored without the trailing slash.
  const redirect = rows.find((r) => r.kind === 'redirect' && r.key === path) ?? rows.find((r) => r.kind === 'redirect');
  if (redirect) return Number(redirect.code) === 410 ? { kind: 'gone', fromPath: redirect.key } : { kind: 'redirect', location: redirect.ref, fromPath: redirect.key };
  const item = rows.find((r) => r.kind === 'item');
  return item ? { kind: 'found', item: toItem(item) } : { kind: 'none' };
}

/** Where a redirect row from this list URL leads, for the list's feeds once the list itself is gone. */
export async function findListRedirect(db: Database, listUrl: string): Promise<{ toPath: string; code: number } | null> {
  const row = await db
    .selectFrom('redirects')
    .select(['to_path', 'code'])
    .where('from_path', 'in', [listUrl, listUrl.slice(0, -1)])
    .orderBy('from_path', 'desc')
    .executeTakeFirst();
  return row ? { toPath: row.to_path, code: Number(row.code) } : null;
}
