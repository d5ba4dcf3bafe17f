import { findUsersByIds, type User } from '../../accounts/index.js';
import { bylineCounts, listSizes } from '../../content/index.js';
import type { Database } from '../../db/database.js';
import { findMediaByIds, listMediaIds, type MediaImage } from '../../media/index.js';

export interface AuthorRow {
  user: User;
  /** articles of any status that name them */
  bylines: number;
  /** published articles on their author page */
  published: number;
}

/** People named on at least one byline, by name, with their counts. */
export async function loadAuthorList(db: Database): Promise<AuthorRow[]> {
  const bylines = await bylineCounts(db);
  const ids = [...bylines.keys()];
  const [users, published] = await Promise.all([findUsersByIds(db, ids), listSizes(db, 'author', ids)]);
  return users
    .map((user) => ({ user, bylines: bylines.get(user.id) ?? 0, published: published.get(user.id) ?? 0 }))
    .sort((a, b) => a.user.name.localeCompare(b.user.name));
}

const RECENT_IMAGES = 30;

/** The photos offered for an author page: the most recent images (ids are time-ordered), and the current one. */
export async function loadPhotoChoices(db: Database, currentId: string | null): Promise<MediaImage[]> {
  const recent = (await listMediaIds(db)).sort().reverse().slice(0, RECENT_IMAGES);
  const ids = currentId && !recent.includes(currentId) ? [currentId, ...recent] : recent;
  const found = await findMediaByIds(db, ids);
  return ids.flatMap((id) => found.get(id) ?? []);
}
