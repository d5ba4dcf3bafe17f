import { sql } from 'kysely';
import type { Database } from '../db/database.js';
import type { Tag, Topic, TopicKind } from './topic.js';
import type { TagRow, TopicRow } from './taxonomy.table.js';

const topicColumns = ['id', 'slug', 'name', 'parent_id', 'path', 'depth', 'description', 'aliases', 'kind', 'position'] as const;

export function toTopic(row: Pick<TopicRow, (typeof topicColumns)[number]>): Topic {
  return {
    id: row.id,
    slug: row.slug,
    name: row.name,
    parentId: row.parent_id,
    path: row.path,
    depth: row.depth,
    description: row.description,
    aliases: JSON.parse(row.aliases) as string[],
    kind: row.kind as TopicKind,
    position: row.position,
  };
}

export async function findTopicByPath(db: Database, path: string): Promise<Topic | null> {
  const row = await db.selectFrom('topics').select(topicColumns).where('path', '=', path).executeTakeFirst();
  return row ? toTopic(row) : null;
}

export async function findTopicById(db: Database, id: string): Promise<Topic | null> {
  const row = await db.selectFrom('topics').select(topicColumns).where('id', '=', id).executeTakeFirst();
  return row ? toTopic(row) : null;
}

export async function findTopicsByPaths(db: Database, paths: string[]): Promise<Topic[]> {
  if (paths.length === 0) return [];
  const rows = await db.selectFrom('topics').select(topicColumns).where('path', 'in', paths).execute();
  return rows.map(toTopic);
}

export async function findTopicsByIds(db: Database, ids: readonly string[]): Promise<Topic[]> {
  if (ids.length === 0) return [];
  const rows = await db.selectFrom('topics').select(topicColumns).where('id', 'in', [...new Set(ids)]).execute();
  return rows.map(toTopic);
}

export async function listChildTopics(db: Database, parentId: string | null): Promise<Topic[]> {
  let query = db.selectFrom('topics').select(topicColumns);
  query = parentId === null ? query.where('parent_id', 'is', null) : query.where('parent_id', '=', parentId);
  const rows = await query.orderBy('position').orderBy('name').execute();
  return rows.map(toTopic);
}

export async function insertTopic(db: Database, topic: Topic, now: string): Promise<void> {
  await db
    .insertInto('topics')
    .values({
      id: topic.id,
      slug: topic.slug,
      name: topic.name,
      parent_id: topic.parentId,
      path: topic.path,
      depth: topic.depth,
      description: topic.description,
      aliases: JSON.stringify(topic.aliases),
      kind: topic.kind,
      position: topic.position,
      created_at: now,
      updated_at: now,
    })
    .execute();
}

export async function isTopLevelSlugTakenByPage(db: Database, slug: string): Promise<boolean> {
  const row = await db.selectFrom('pages').select('id').where('slug', '=', slug).executeTakeFirst();
  return row !== undefined;
}

const toTag = (row: Pick<TagRow, 'id' | 'slug' | 'name'>): Tag => ({ id: row.id, slug: row.slug, name: row.name });

export async function findTagBySlug(db: Database, slug: string): Promise<Tag | null> {
  const row = await db.selectFrom('tags').select(['id', 'slug', 'name']).where('slug', '=', slug).executeTakeFirst();
  return row ? toTag(row) : null;
}

export async function findTagsBySlugs(db: Database, slugs: string[]): Promise<Tag[]> {
  if (slugs.length === 0) return [];
  const rows = await db.selectFrom('tags').select(['id', 'slug', 'name']).where('slug', 'in', slugs).execute();
  return rows.map(toTag);
}

export async function insertTag(db: Database, tag: Tag, now: string): Promise<void> {
  await db.insertInto('tags').values({ id: tag.id, slug: tag.slug, name: tag.name, created_at: now }).execute();
}

export async function findTagsByIds(db: Database, ids: readonly string[]): Promise<Tag[]> {
  if (ids.length === 0) return [];
  const rows = await db.selectFrom('tags').select(['id', 'slug', 'name']).where('id', 'in', [...new Set(ids)]).execute();
  const order = new Map(ids.map((id, i) => [id, i]));
  return rows.map(toTag).sort((a, b) => order.get(a.id)! - order.get(b.id)!);
}

export async function listAllTopics(db: Database): Promise<Topic[]> {
  const rows = await db.selectFrom('topics').select(topicColumns).orderBy('path').execute();
  return rows.map(toTopic);
}

export async function listAllTags(db: Database): Promise<Tag[]> {
  const rows = await db.selectFrom('tags').select(['id', 'slug', 'name']).orderBy('slug').execute();
  return rows.map(toTag);
}

export async function updateTopicRow(
  db: Database,
  id: string,
  changes: Pick<Topic, 'slug' | 'name' | 'description' | 'aliases' | 'kind' | 'position'>,
  now: string,
): Promise<void> {
  await db
    .updateTable('topics')
    .set({
      slug: changes.slug,
      name: changes.name,
      description: changes.description,
      aliases: JSON.stringify(changes.aliases),
      kind: changes.kind,
      position: changes.position,
      updated_at: now,
    })
    .where('id', '=', id)
    .execute();
}

export async function updateTagRow(db: Database, tag: Tag): Promise<void> {
  await db.updateTable('tags').set({ slug: tag.slug, name: tag.name }).where('id', '=', tag.id).execute();
}

export async function findTagById(db: Database, id: string): Promise<Tag | null> {
  const row = await db.selectFrom('tags').select(['id', 'slug', 'name']).where('id', '=', id).executeTakeFirst();
  return row ? toTag(row) : null;
}

/** A topic and every topic below it, the topic first: what moves when it moves. */
export async function findSubtree(db: Database, path: string): Promise<Pick<Topic, 'id' | 'path' | 'depth'>[]> {
  const rows = await db
    .selectFrom('topics')
    .select(['id', 'path', 'depth'])
    .where((eb) => eb.or([eb('path', '=', path), eb('path', 'like', `${path}/%`)]))
    .orderBy('depth')
    .orderBy('path')
    .execute();
  return rows;
}

/** Gives a topic its new parent and slug (its path, and its subtree's, follow with moveSubtree). */
export async function setTopicPlace(db: Database, id: string, place: { parentId: string | null; slug: string }, now: string): Promise<void> {
  await db.updateTable('topics').set({ parent_id: place.parentId, slug: place.slug, updated_at: now }).where('id', '=', id).execute();
}

/**
 * Moves a subtree's paths and depths: "a/b" and "a/b/…" become "c/b" and "c/b/…", each one
 * level deeper or shallower by `depthDelta`. No new path can equal an old one of the same
 * subtree (a topic never moves under itself), so the unique index holds row by row.
 */
export async function moveSubtree(db: Database, from: string, to: string, depthDelta: number): Promise<void> {
  await db
    .updateTable('topics')
    .set({ path: sql<string>`${to} || substr(path, ${from.length + 1})`, depth: sql<number>`depth + ${depthDelta}` })
    .where((eb) => eb.or([eb('path', '=', from), eb('path', 'like', `${from}/%`)]))
    .execute();
}

export async function countChildTopics(db: Database, id: string): Promise<number> {
  const row = await db.selectFrom('topics').select((eb) => eb.fn.countAll<number>().as('n')).where('parent_id', '=', id).executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function deleteTopicRow(db: Database, id: string): Promise<void> {
  await db.deleteFrom('topics').where('id', '=', id).execute();
}

export async function deleteTagRow(db: Database, id: string): Promise<void> {
  await db.deleteFrom('tags').where('id', '=', id).execute();
}

/** Which of these topic paths are taken. */
export async function takenTopicPaths(db: Database, paths: readonly string[]): Promise<Set<string>> {
  if (paths.length === 0) return new Set();
  const rows = await db.selectFrom('topics').select('path').where('path', 'in', [...paths]).execute();
  return new Set(rows.map((r) => r.path));
}

/** Which of these slugs standalone pages use (they share the top level with topics). */
export async function pageSlugsAmong(db: Database, slugs: readonly string[]): Promise<Set<string>> {
  if (slugs.length === 0) return new Set();
  const rows = await db.selectFrom('pages').select('slug').where('slug', 'in', [...slugs]).execute();
  return new Set(rows.map((r) => r.slug));
}

export async function tagSlugsAmong(db: Database, slugs: readonly string[]): Promise<Set<string>> {
  if (slugs.length === 0) return new Set();
  const rows = await db.selectFrom('tags').select('slug').where('slug', 'in', [...slugs]).execute();
  return new Set(rows.map((r) => r.slug));
}

/** Whether a redirect row answers for this URL path: it would hide a topic created there. */
export async function isRedirectedPath(db: Database, urlPath: string): Promise<boolean> {
  const row = await db.selectFrom('redirects').select('from_path').where('from_path', 'in', [urlPath, urlPath.replace(/\/$/, '')]).executeTakeFirst();
  return row !== undefined;
}

/** Tags whose name or slug contains `contains`, by name, a page at a time. */
export async function listTagsMatching(db: Database, filter: { contains?: string; limit: number; offset: number }): Promise<{ items: Tag[]; total: number }> {
  let query = db.selectFrom('tags');
  if (filter.contains) {
    const like = `%${filter.contains.toLowerCase().replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;
    query = query.where((eb) => eb.or([eb(eb.fn('lower', ['name']), 'like', sql<string>`${like} escape '\\'`), eb('slug', 'like', sql<string>`${like} escape '\\'`)]));
  }
  const [{ n }, rows] = await Promise.all([
    query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
    query.select(['id', 'slug', 'name']).orderBy('name').orderBy('slug').limit(filter.limit).offset(filter.offset).execute(),
  ]);
  return { items: rows.map(toTag), total: Number(n) };
}
