import type { Database } from '../db/database.js';
import { aliasKey } from './alias-key.js';

export interface TopicNames {
  id: string;
  name: string;
  aliases: readonly string[];
}

/** A topic's keys for query expansion: one per distinct normalized name or alias. */
export async function indexTopicNames(db: Database, topic: TopicNames): Promise<void> {
  await db.deleteFrom('search_topic_names').where('topic_id', '=', topic.id).execute();
  const keys = [...new Set([topic.name, ...topic.aliases].map(aliasKey).filter((key) => key !== ''))];
  if (keys.length > 0) await db.insertInto('search_topic_names').values(keys.map((name_key) => ({ name_key, topic_id: topic.id }))).execute();
}

/** A topic a query named, with what its card shows. */
export interface NamedTopic {
  id: string;
  slug: string;
  name: string;
  path: string;
  kind: string;
  description: string;
  aliases: string[];
}

/** The topics each of these keys names (several when topics share an alias). */
export async function findTopicsByNameKeys(db: Database, keys: readonly string[]): Promise<Map<string, NamedTopic[]>> {
  const found = new Map<string, NamedTopic[]>();
  if (keys.length === 0) return found;
  const rows = await db
    .selectFrom('search_topic_names as n')
    .innerJoin('topics as t', 't.id', 'n.topic_id')
    .select(['n.name_key', 't.id', 't.slug', 't.name', 't.path', 't.kind', 't.description', 't.aliases'])
    .where('n.name_key', 'in', [...new Set(keys)])
    .orderBy('t.path')
    .execute();
  for (const r of rows) {
    const topic = { id: r.id, slug: r.slug, name: r.name, path: r.path, kind: r.kind, description: r.description, aliases: JSON.parse(r.aliases) as string[] };
    found.set(r.name_key, [...(found.get(r.name_key) ?? []), topic]);
  }
  return found;
}
