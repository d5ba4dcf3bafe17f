import { type Actor, assertCan } from '../accounts/index.js';
import type { Database } from '../db/database.js';
import { NotFoundError } from '../shared/errors.js';
import { reindexArticlesNaming, reindexTopic } from '../search/index.js';
import { inTransaction } from '../shared/in-transaction.js';
import { parseInput } from '../shared/validate.js';
import type { WriteDeps } from '../shared/write-deps.js';
import { TagChanges, TopicChanges } from './taxonomy.schema.js';
import { findTagById, findTopicById, updateTagRow, updateTopicRow } from './taxonomy.queries.js';
import type { Tag, Topic } from './topic.js';

/** Renames a topic or changes its aliases, description, kind or order (its URL stays: see structure/'s moveTopic). */
export async function updateTopic(deps: WriteDeps, actor: Actor, topicId: string, input: TopicChanges): Promise<Topic> {
  assertCan(actor, 'manage_taxonomy', 'edit topics');
  const changes = parseInput(TopicChanges, input, 'topic');
  const after = await inTransaction(deps.db, (trx) => writeTopicChanges(trx, topicId, changes, deps.clock.now().toISOString()));
  await deps.events.emit({ type: 'topic.changed', topicId, isUrlChanged: false, isInNavigation: after.parentId === null });
  return after;
}

/**
 * The write of updateTopic, for a use case that changes more in the same transaction (pass
 * it): a new name or alias is searchable under at once, for the topic and its articles.
 */
export async function writeTopicChanges(db: Database, topicId: string, changes: ReturnType<typeof TopicChanges.parse>, now: string): Promise<Topic> {
  const before = await findTopicById(db, topicId);
  if (!before) throw new NotFoundError('topic', topicId);
  const after: Topic = { ...before, ...stripUndefined(changes) };
  await updateTopicRow(db, topicId, after, now);
  if (after.name !== before.name || JSON.stringify(after.aliases) !== JSON.stringify(before.aliases)) await reindexTopic(db, after);
  return after;
}

/** Renames a tag (its slug, its URL, changes through structure/'s renameTag). */
export async function updateTag(deps: WriteDeps, actor: Actor, tagId: string, input: TagChanges): Promise<Tag> {
  assertCan(actor, 'manage_taxonomy', 'rename tags');
  const changes = parseInput(TagChanges, input, 'tag');
  const before = await findTagById(deps.db, tagId);
  if (!before) throw new NotFoundError('tag', tagId);
  const after: Tag = { ...before, ...stripUndefined(changes) };
  await inTransaction(deps.db, async (trx) => {
    await updateTagRow(trx, after);
    if (after.name !== before.name) await reindexArticlesNaming(trx, { tagId });
  });
  await deps.events.emit({ type: 'tag.changed', tagId });
  return after;
}

function stripUndefined<T extends object>(value: T): { [K in keyof T]: Exclude<T[K], undefined> } {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as { [K in keyof T]: Exclude<T[K], undefined> };
}
