import type { Database } from '../db/database.js';
import type { Clock } from '../shared/clock.js';
import { ConflictError, NotFoundError, ValidationError } from '../shared/errors.js';
import { newId } from '../shared/ids.js';
import { NewTag, NewTopic, reservedSlugProblem } from './taxonomy.schema.js';
import {
  findTagBySlug,
  findTopicById,
  findTopicByPath,
  insertTag,
  insertTopic,
  isTopLevelSlugTakenByPage,
} from './taxonomy.queries.js';
import type { Tag, Topic } from './topic.js';

/** Files a new topic under its parent; its URL path follows from the parent's. */
export async function createTopic(db: Database, clock: Clock, input: NewTopic): Promise<Topic> {
  const data = NewTopic.parse(input);
  const parent = data.parentId ? await findTopicById(db, data.parentId) : null;
  if (data.parentId && !parent) throw new NotFoundError('topic', data.parentId);
  const reserved = reservedSlugProblem(data.slug, parent === null);
  if (reserved) throw new ValidationError(reserved, { slug: reserved });
  if (parent === null && (await isTopLevelSlugTakenByPage(db, data.slug))) {
    throw new ConflictError(`a page already lives at /${data.slug}/`);
  }
  const path = parent ? `${parent.path}/${data.slug}` : data.slug;
  if (await findTopicByPath(db, path)) throw new ConflictError(`a topic already lives at /${path}/`);
  const topic: Topic = {
    id: newId(),
    slug: data.slug,
    name: data.name,
    parentId: parent?.id ?? null,
    path,
    depth: parent ? parent.depth + 1 : 0,
    description: data.description,
    aliases: data.aliases,
    kind: data.kind,
    position: data.position,
  };
  await insertTopic(db, topic, clock.now().toISOString());
  return topic;
}

export async function createTag(db: Database, clock: Clock, input: NewTag): Promise<Tag> {
  const data = NewTag.parse(input);
  if (await findTagBySlug(db, data.slug)) throw new ConflictError(`the tag "${data.slug}" exists`);
  const tag: Tag = { id: newId(), slug: data.slug, name: data.name };
  await insertTag(db, tag, clock.now().toISOString());
  return tag;
}
