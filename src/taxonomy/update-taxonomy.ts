import { ConflictError, NotFoundError, ValidationError } from '../shared/errors.js';
import { parseInput } from '../shared/validate.js';
import type { WriteDeps } from '../shared/write-deps.js';
import { reservedSlugProblem, TagChanges, TopicChanges } from './taxonomy.schema.js';
import {
  findTagById,
  findTagBySlug,
  findTopicById,
  findTopicByPath,
  isTopLevelSlugTakenByPage,
  movePathPrefix,
  updateTagRow,
  updateTopicRow,
} from './taxonomy.queries.js';
import type { Tag, Topic } from './topic.js';

/**
 * Renames a topic or changes its aliases, description, kind or order. A new slug moves its
 * URL and every URL below it (articles under a wrong path answer 301 to the new one).
 */
export async function updateTopic(deps: WriteDeps, topicId: string, input: TopicChanges): Promise<Topic> {
  const { db, clock } = deps;
  const changes = parseInput(TopicChanges, input, 'topic');
  const before = await findTopicById(db, topicId);
  if (!before) throw new NotFoundError('topic', topicId);
  const after: Topic = { ...before, ...stripUndefined(changes) };
  const isUrlChanged = after.slug !== before.slug;
  if (isUrlChanged) {
    const isTopLevel = before.parentId === null;
    const reserved = reservedSlugProblem(after.slug, isTopLevel);
    if (reserved) throw new ValidationError(reserved, { slug: reserved });
    if (isTopLevel && (await isTopLevelSlugTakenByPage(db, after.slug))) throw new ConflictError(`a page already lives at /${after.slug}/`);
    after.path = [...before.path.split('/').slice(0, -1), after.slug].join('/');
    if (await findTopicByPath(db, after.path)) throw new ConflictError(`a topic already lives at /${after.path}/`);
  }
  await db.transaction().execute(async (trx) => {
    await updateTopicRow(trx, topicId, after, clock.now().toISOString());
    if (isUrlChanged) await movePathPrefix(trx, before.path, after.path);
  });
  await deps.events.emit({ type: 'topic.changed', topicId, isUrlChanged, isInNavigation: before.parentId === null });
  return after;
}

/** Renames a tag or changes its slug (its page and feeds move with it). */
export async function updateTag(deps: WriteDeps, tagId: string, input: TagChanges): Promise<Tag> {
  const changes = parseInput(TagChanges, input, 'tag');
  const before = await findTagById(deps.db, tagId);
  if (!before) throw new NotFoundError('tag', tagId);
  const after: Tag = { ...before, ...stripUndefined(changes) };
  if (after.slug !== before.slug && (await findTagBySlug(deps.db, after.slug))) throw new ConflictError(`the tag "${after.slug}" exists`);
  await updateTagRow(deps.db, after);
  await deps.events.emit({ type: 'tag.changed', tagId });
  return after;
}

function stripUndefined<T extends object>(value: T): { [K in keyof T]: Exclude<T[K], undefined> } {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as { [K in keyof T]: Exclude<T[K], undefined> };
}
