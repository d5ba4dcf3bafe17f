import { type Actor, assertCan } from '../accounts/index.js';
import { countArticlesUsingTopic, forgetListCount } from '../content/index.js';
import { NotFoundError, ValidationError } from '../shared/errors.js';
import type { WriteDeps } from '../shared/write-deps.js';
import { countChildTopics, deleteTopicRow, findTopicById } from '../taxonomy/index.js';

/**
 * Deletes a topic no article uses (drafts and withdrawn ones count) and with no subtopics.
 * The checks run in the delete's transaction; the foreign keys refuse a concurrent filing.
 */
export async function deleteTopic(deps: WriteDeps, actor: Actor, topicId: string): Promise<void> {
  assertCan(actor, 'manage_taxonomy', 'delete topics');
  const topic = await deps.db.transaction().execute(async (trx) => {
    const topic = await findTopicById(trx, topicId);
    if (!topic) throw new NotFoundError('topic', topicId);
    const used = await countArticlesUsingTopic(trx, topicId);
    if (used > 0) {
      throw new ValidationError(`${topic.name} cannot be deleted: ${used} article${used === 1 ? ' is' : 's are'} filed under it. Move ${used === 1 ? 'it' : 'them'} to another topic first.`);
    }
    const children = await countChildTopics(trx, topicId);
    if (children > 0) {
      throw new ValidationError(`${topic.name} cannot be deleted: it has ${children} subtopic${children === 1 ? '' : 's'}. Move or delete ${children === 1 ? 'it' : 'them'} first.`);
    }
    await deleteTopicRow(trx, topicId);
    await forgetListCount(trx, 'topic', topicId);
    return topic;
  });
  await deps.events.emit({ type: 'topic.changed', topicId, isUrlChanged: true, isInNavigation: topic.parentId === null, move: { subtreeTopicIds: [topicId], parentIds: topic.parentId ? [topic.parentId] : [], refiledListIds: [], articleIds: [] } });
}
