import { z } from 'zod';
import { type Actor, assertCan } from '../accounts/index.js';
import { type Refiled, refileTopicLists } from '../content/index.js';
import { recordMovedPaths } from '../redirects/index.js';
import type { TopicMoved } from '../shared/domain-events.js';
import { parseInput } from '../shared/validate.js';
import type { WriteDeps } from '../shared/write-deps.js';
import { applyTopicMove, planTopicMove, type Topic, TopicChanges, type TopicMove, TopicPlace, topicUrl, writeTopicChanges } from '../taxonomy/index.js';

/** Everything the topic form edits: the fields in place, and its place in the tree (slug, parent). */
export const TopicEdit = TopicChanges.extend(TopicPlace.shape);
export type TopicEdit = z.input<typeof TopicEdit>;

/**
 * Moves a topic under another parent (or to the top level), or gives it a new slug: its
 * path and its subtree's change, its articles' URLs follow (an article under an old path
 * answers 301 to its new one), each old topic path answers 301 to the new one (redirect
 * rows, listed and counted in the redirect manager), and the topic lists of the old and new
 * ancestors are refiled — all in one transaction, so readers see the old tree or the new.
 */
export async function moveTopic(deps: WriteDeps, actor: Actor, topicId: string, place: TopicPlace): Promise<Topic> {
  return editTopic(deps, actor, topicId, place);
}

/** Edits a topic: its fields in place, and a move when its slug or parent changed (see moveTopic), in one transaction. */
export async function editTopic(deps: WriteDeps, actor: Actor, topicId: string, input: TopicEdit): Promise<Topic> {
  assertCan(actor, 'manage_taxonomy', 'edit topics');
  const { parentId, slug, ...fields } = parseInput(TopicEdit, input, 'topic');
  const now = deps.clock.now().toISOString();
  const { topic, move, refiled } = await deps.db.transaction().execute(async (trx) => {
    const move = await planTopicMove(trx, topicId, { parentId, slug });
    if (move) await applyTopicMove(trx, move, now);
    const topic = await writeTopicChanges(trx, topicId, fields, now);
    if (!move) return { topic, move, refiled: null };
    const refiled = await refileTopicLists(trx, move.subtree.map((t) => t.id));
    await recordMovedPaths(
      trx,
      move.subtree.map((t) => ({ fromPath: topicUrl(t.fromPath), toPath: topicUrl(t.toPath) })),
      now,
    );
    return { topic, move, refiled };
  });
  await deps.events.emit({
    type: 'topic.changed',
    topicId,
    isUrlChanged: move !== null,
    // The navigation names the top-level topics: it changed if the topic is or was one.
    isInNavigation: topic.parentId === null || (move !== null && move.before.parentId === null),
    ...(move && refiled ? { move: movedEvent(move, refiled) } : {}),
  });
  return topic;
}

function movedEvent(move: TopicMove, refiled: Refiled): TopicMoved {
  return {
    subtreeTopicIds: move.subtree.map((t) => t.id),
    parentIds: [...new Set([move.before.parentId, move.after.parentId].filter((id): id is string => id !== null))],
    refiledListIds: refiled.listIds,
    articleIds: refiled.articleIds,
  };
}
