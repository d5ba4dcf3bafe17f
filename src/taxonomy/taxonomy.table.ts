import type { Generated, Selectable } from 'kysely';

export interface TopicsTable {
  id: string;
  slug: string;
  name: string;
  parent_id: string | null;
  path: string;
  depth: number;
  description: Generated<string>;
  aliases: Generated<string>; // JSON: string[]
  kind: string; // TopicKind
  position: Generated<number>;
  created_at: string;
  updated_at: string;
}
export type TopicRow = Selectable<TopicsTable>;

export interface TagsTable {
  id: string;
  slug: string;
  name: string;
  created_at: string;
}
export type TagRow = Selectable<TagsTable>;
