import { articleCountsByTag, listSizes } from '../../content/index.js';
import type { Database } from '../../db/database.js';
import { listTagsMatching, type Tag } from '../../taxonomy/index.js';

export const TAGS_PER_PAGE = 50;

export interface TagRow {
  tag: Tag;
  /** articles of any status that carry it */
  used: number;
  /** published articles on its list */
  listed: number;
}

export interface TagList {
  rows: TagRow[];
  total: number;
  page: number;
  pageCount: number;
  filter: string;
}

/** A page of tags, filtered by name or slug, with what each holds. */
export async function loadTagList(db: Database, filter: string, page: number): Promise<TagList> {
  const contains = filter.trim();
  const { items, total } = await listTagsMatching(db, { ...(contains ? { contains } : {}), limit: TAGS_PER_PAGE, offset: (page - 1) * TAGS_PER_PAGE });
  const ids = items.map((t) => t.id);
  const [used, listed] = await Promise.all([articleCountsByTag(db, ids), listSizes(db, 'tag', ids)]);
  return {
    rows: items.map((tag) => ({ tag, used: used.get(tag.id) ?? 0, listed: listed.get(tag.id) ?? 0 })),
    total,
    page,
    pageCount: Math.max(1, Math.ceil(total / TAGS_PER_PAGE)),
    filter: contains,
  };
}
