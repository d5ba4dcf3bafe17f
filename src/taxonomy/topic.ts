export const TOPIC_KINDS = ['organization', 'person', 'place', 'theme', 'event'] as const;
export type TopicKind = (typeof TOPIC_KINDS)[number];

export interface Topic {
  id: string;
  slug: string;
  name: string;
  parentId: string | null;
  /** the URL path without slashes around it: "regions/levant/tyre" */
  path: string;
  depth: number;
  description: string;
  aliases: string[];
  kind: TopicKind;
  position: number;
}

/** What a page needs to link to a topic. */
/** A named link: a breadcrumb step, a menu item. */
export interface Link {
  name: string;
  url: string;
}

/** A link to a topic or tag; the id lets a page name what it shows (cache tags). */
export interface TopicLink extends Link {
  id: string;
}

export interface Tag {
  id: string;
  slug: string;
  name: string;
}

export type TagLink = TopicLink;

export function topicUrl(path: string): string {
  return `/${path}/`;
}

export function tagUrl(slug: string): string {
  return `/tag/${slug}/`;
}

export function topicLink(topic: Pick<Topic, 'id' | 'name' | 'path'>): TopicLink {
  return { id: topic.id, name: topic.name, url: topicUrl(topic.path) };
}

/** Every ancestor path of a topic path, root first, the topic itself last. */
export function pathPrefixes(path: string): string[] {
  const parts = path.split('/');
  return parts.map((_, i) => parts.slice(0, i + 1).join('/'));
}
