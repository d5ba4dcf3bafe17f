import { type Actor, assertCan } from '../accounts/index.js';
import { ValidationError } from '../shared/errors.js';
import { indexTopicNames } from '../search/index.js';
import { newId } from '../shared/ids.js';
import { inTransaction } from '../shared/in-transaction.js';
import { parseInput } from '../shared/validate.js';
import type { WriteDeps } from '../shared/write-deps.js';
import { suggestTagSlug, suggestTopicSlug, takenMessage } from './slug-suggestions.js';
import { NewTag, NewTopic, reservedSlugProblem } from './taxonomy.schema.js';
import {
  findTagBySlug,
  findTopicById,
  findTopicByPath,
  insertTag,
  insertTopic,
  isRedirectedPath,
  isTopLevelSlugTakenByPage,
} from './taxonomy.queries.js';
import { type Tag, type Topic, topicUrl } from './topic.js';

/** Files a new topic under its parent; its URL path follows from the parent's. */
export async function createTopic(deps: WriteDeps, actor: Actor, input: NewTopic): Promise<Topic> {
  assertCan(actor, 'manage_taxonomy', 'create topics');
  const { db, clock } = deps;
  const data = parseInput(NewTopic, input, 'topic');
  const parent = data.parentId ? await findTopicById(db, data.parentId) : null;
  if (data.parentId && !parent) throw new ValidationError('no such parent topic', { parentId: 'no such topic' });
  const reserved = reservedSlugProblem(data.slug, parent === null);
  if (reserved) throw new ValidationError(reserved, { slug: reserved });
  const path = parent ? `${parent.path}/${data.slug}` : data.slug;
  const clash =
    parent === null && (await isTopLevelSlugTakenByPage(db, data.slug))
      ? `a page already lives at /${data.slug}/`
      : (await findTopicByPath(db, path))
        ? `a topic already lives at /${path}/`
        : null;
  if (clash) {
    const message = takenMessage(clash, await suggestTopicSlug(db, parent?.path ?? null, data.slug));
    throw new ValidationError(message, { slug: message });
  }
  if (await isRedirectedPath(db, topicUrl(path))) {
    const message = `a redirect answers for ${topicUrl(path)} and would hide this topic: delete it under Redirects first, or choose another slug`;
    throw new ValidationError(message, { slug: message });
  }
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
  await inTransaction(db, async (trx) => {
    await insertTopic(trx, topic, clock.now().toISOString());
    await indexTopicNames(trx, topic);
  });
  // A new top-level topic joins the navigation of every page; a subtopic joins its parent's page.
  await deps.events.emit({ type: 'topic.changed', topicId: parent?.id ?? topic.id, isUrlChanged: false, isInNavigation: parent === null });
  return topic;
}

/** Anyone who writes may add a tag (the editor creates them on the fly); renaming, merging and deleting are for editors. */
export async function createTag(deps: WriteDeps, actor: Actor, input: NewTag): Promise<Tag> {
  assertCan(actor, 'write_articles', 'create tags');
  const data = parseInput(NewTag, input, 'tag');
  if (await findTagBySlug(deps.db, data.slug)) {
    const message = takenMessage(`the tag "${data.slug}" exists`, await suggestTagSlug(deps.db, data.slug));
    throw new ValidationError(message, { slug: message });
  }
  const tag: Tag = { id: newId(), slug: data.slug, name: data.name };
  await insertTag(deps.db, tag, deps.clock.now().toISOString());
  await deps.events.emit({ type: 'tag.changed', tagId: tag.id });
  return tag;
}

