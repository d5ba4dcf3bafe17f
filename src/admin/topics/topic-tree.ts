import { articleCountsByTopic, listSizes } from '../../content/index.js';
import type { Database } from '../../db/database.js';
import { listAllTopics, type Topic } from '../../taxonomy/index.js';

/** A topic as the tree shows it: indented by depth, with what it holds. */
export interface TopicTreeRow {
  topic: Topic;
  /** published articles on its list (its own and its subtopics') */
  listed: number;
  /** articles of any status filed directly under it: these keep it from being deleted */
  filed: number;
  childCount: number;
}

/** Every topic in tree order (each parent before its children, siblings by position then name). */
export async function loadTopicTree(db: Database): Promise<TopicTreeRow[]> {
  const [topics, listed, filed] = await Promise.all([listAllTopics(db), listSizes(db, 'topic'), articleCountsByTopic(db)]);
  const children = new Map<string | null, Topic[]>();
  for (const topic of topics) children.set(topic.parentId, [...(children.get(topic.parentId) ?? []), topic]);
  for (const list of children.values()) list.sort((a, b) => a.position - b.position || a.name.localeCompare(b.name));
  const rows: TopicTreeRow[] = [];
  const walk = (parentId: string | null) => {
    for (const topic of children.get(parentId) ?? []) {
      rows.push({ topic, listed: listed.get(topic.id) ?? 0, filed: filed.get(topic.id) ?? 0, childCount: children.get(topic.id)?.length ?? 0 });
      walk(topic.id);
    }
  };
  walk(null);
  return rows;
}

/** The choices of a parent select: the top level, then every topic indented, less the topic itself and its subtree. */
export function parentOptions(rows: readonly TopicTreeRow[], moving?: Pick<Topic, 'id' | 'path'>): { value: string; label: string }[] {
  const allowed = rows.filter((r) => !moving || (r.topic.id !== moving.id && !r.topic.path.startsWith(`${moving.path}/`)));
  return [{ value: '', label: '(top level)' }, ...allowed.map((r) => ({ value: r.topic.id, label: `${'— '.repeat(r.topic.depth)}${r.topic.name}` }))];
}
