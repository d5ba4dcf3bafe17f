import { ConflictError, NotFoundError, ValidationError } from '../shared/errors.js';
import { newId } from '../shared/ids.js';
import type { WriteDeps } from '../shared/write-deps.js';
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
export async function createTopic(deps: WriteDeps, input: NewTopic): Promise<Topic> {
  const { db, clock } = deps;
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
  // A new top-level topic joins the navigation of every page; a subtopic joins its parent's page.
  await deps.events.emit({ type: 'topic.changed', topicId: parent?.id ?? topic.id, isUrlChanged: false, isInNavigation: parent === null });
  return topic;
}

export async function createTag(deps: WriteDeps, input: NewTag): Promise<Tag> {
  const data = NewTag.parse(input);
  if (await findTagBySlug(deps.db, data.slug)) throw new ConflictError(`the tag "${data.slug}" exists`);
  const tag: Tag = { id: newId(), slug: data.slug, name: data.name };
  await insertTag(deps.db, tag, deps.clock.now().toISOString());
  await deps.events.emit({ type: 'tag.changed', tagId: tag.id });
  return tag;
}
