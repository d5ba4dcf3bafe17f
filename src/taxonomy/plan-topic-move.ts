import type { Database } from '../db/database.js';
import { NotFoundError, ValidationError } from '../shared/errors.js';
import { parseInput } from '../shared/validate.js';
import { suggestTopicSlug, takenMessage } from './slug-suggestions.js';
import { reservedSlugProblem, TopicPlace } from './taxonomy.schema.js';
import { findSubtree, findTopicById, findTopicByPath, findTopicsByPaths, isTopLevelSlugTakenByPage, moveSubtree, setTopicPlace } from './taxonomy.queries.js';
import { pathPrefixes, type Topic } from './topic.js';

/** What moving a topic (a new parent, a new slug, or both) changes, worked out before any write. */
export interface TopicMove {
  before: Topic;
  after: Topic;
  /** the topic and every topic below it, with their paths before and after */
  subtree: { id: string; fromPath: string; toPath: string }[];
  /** ancestors (not the topic itself), root first */
  oldAncestorIds: string[];
  newAncestorIds: string[];
}

/**
 * Checks a move and works out what it changes; null when the topic stays where it is. The
 * rules: the parent exists and is not the topic or below it; the slug is not reserved and is
 * free in the new place (among topics, and among pages at the top level), with a free one
 * suggested when it is not. Run inside the move's transaction so nothing changes between
 * the checks and the write.
 */
export async function planTopicMove(db: Database, topicId: string, input: TopicPlace): Promise<TopicMove | null> {
  const place = parseInput(TopicPlace, input, 'topic');
  const before = await findTopicById(db, topicId);
  if (!before) throw new NotFoundError('topic', topicId);
  if (place.parentId === before.parentId && place.slug === before.slug) return null;
  const parent = place.parentId === null ? null : await findTopicById(db, place.parentId);
  if (place.parentId !== null && !parent) throw new ValidationError('no such parent topic', { parentId: 'no such topic' });
  if (parent && (parent.id === before.id || parent.path.startsWith(`${before.path}/`))) {
    const message = `${before.name} cannot move under itself or one of its own subtopics`;
    throw new ValidationError(message, { parentId: message });
  }
  const isTopLevel = parent === null;
  const reserved = reservedSlugProblem(place.slug, isTopLevel);
  if (reserved) throw new ValidationError(reserved, { slug: reserved });
  const path = parent ? `${parent.path}/${place.slug}` : place.slug;
  const occupant = await findTopicByPath(db, path);
  const clash =
    occupant && occupant.id !== before.id
      ? `a topic already lives at /${path}/`
      : isTopLevel && (await isTopLevelSlugTakenByPage(db, place.slug))
        ? `a page already lives at /${place.slug}/`
        : null;
  if (clash) {
    const message = takenMessage(clash, await suggestTopicSlug(db, parent?.path ?? null, place.slug));
    throw new ValidationError(message, { slug: message });
  }
  const after: Topic = { ...before, parentId: parent?.id ?? null, slug: place.slug, path, depth: parent ? parent.depth + 1 : 0 };
  const subtree = (await findSubtree(db, before.path)).map((t) => ({ id: t.id, fromPath: t.path, toPath: after.path + t.path.slice(before.path.length) }));
  const ancestors = async (topicPath: string) => {
    const prefixes = pathPrefixes(topicPath).slice(0, -1);
    const found = await findTopicsByPaths(db, prefixes);
    return found.sort((a, b) => a.depth - b.depth).map((t) => t.id);
  };
  return { before, after, subtree, oldAncestorIds: await ancestors(before.path), newAncestorIds: await ancestors(after.path) };
}

/** Writes a planned move: the topic's parent and slug, and every path and depth of its subtree. */
export async function applyTopicMove(db: Database, move: TopicMove, now: string): Promise<void> {
  await setTopicPlace(db, move.before.id, { parentId: move.after.parentId, slug: move.after.slug }, now);
  await moveSubtree(db, move.before.path, move.after.path, move.after.depth - move.before.depth);
}
