import { z } from 'zod';
import { isReservedSegment } from '../shared/reserved-paths.js';
import { SLUG_PATTERN } from '../shared/slugify.js';
import { TOPIC_KINDS } from './topic.js';

export const Slug = z.string().trim().min(1).max(120).regex(SLUG_PATTERN, 'use lowercase letters, digits and single hyphens');

export const NewTopic = z.object({
  slug: Slug,
  name: z.string().trim().min(1).max(200),
  parentId: z.string().min(1).nullable().default(null),
  kind: z.enum(TOPIC_KINDS),
  description: z.string().trim().max(2000).default(''),
  aliases: z.array(z.string().trim().min(1).max(80)).max(20).default([]),
  position: z.number().int().default(0),
});
export type NewTopic = z.input<typeof NewTopic>;

export const NewTag = z.object({
  slug: Slug,
  name: z.string().trim().min(1).max(120),
});
export type NewTag = z.input<typeof NewTag>;

/** Any list's feed lives at `<list URL>feed/`, so no topic or article may be called "feed". */
export const FEED_SEGMENT = 'feed';

/** A top-level topic shares the first URL segment with the application's own routes. */
export function reservedSlugProblem(slug: string, isTopLevel: boolean): string | null {
  if (slug === FEED_SEGMENT || (isTopLevel && isReservedSegment(slug))) return `"${slug}" is reserved for the site's own pages`;
  return null;
}

/** What an editor may change of a topic. Moving it under another parent is not offered yet: its articles' list entries would have to follow. */
// Spelled out rather than derived from NewTopic: its defaults would reset unnamed fields.
export const TopicChanges = z.object({
  slug: Slug.optional(),
  name: z.string().trim().min(1).max(200).optional(),
  kind: z.enum(TOPIC_KINDS).optional(),
  description: z.string().trim().max(2000).optional(),
  aliases: z.array(z.string().trim().min(1).max(80)).max(20).optional(),
  position: z.number().int().optional(),
});
export type TopicChanges = z.input<typeof TopicChanges>;

export const TagChanges = NewTag.partial();
export type TagChanges = z.input<typeof TagChanges>;
