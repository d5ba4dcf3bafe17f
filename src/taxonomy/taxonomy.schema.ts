import { z } from 'zod';
import { isReservedSegment } from '../shared/reserved-paths.js';
import { SLUG_PATTERN } from '../shared/slugify.js';
import { TOPIC_KINDS } from './topic.js';

export const Slug = z.string().trim().min(1, 'a slug is required').max(120, 'a slug has at most 120 characters').regex(SLUG_PATTERN, 'use lowercase letters, digits and single hyphens');

/** Other names of a topic (acronyms, former names), shown as its tagline: each once, none empty. */
export const Aliases = z
  .array(z.string().trim().min(1, 'an alias cannot be empty').max(80, 'an alias has at most 80 characters'))
  .max(20, 'at most 20 aliases')
  .superRefine((aliases, ctx) => {
    const seen = new Set<string>();
    for (const alias of aliases) {
      const key = alias.toLowerCase();
      if (seen.has(key)) ctx.addIssue({ code: 'custom', message: `"${alias}" is listed twice` });
      seen.add(key);
    }
  });

export const TopicName = z.string().trim().min(1, 'a name is required').max(200);

export const NewTopic = z.object({
  slug: Slug,
  name: TopicName,
  parentId: z.string().min(1).nullable().default(null),
  kind: z.enum(TOPIC_KINDS, { message: `one of ${TOPIC_KINDS.join(', ')}` }),
  description: z.string().trim().max(2000).default(''),
  aliases: Aliases.default([]),
  position: z.number().int().default(0),
});
export type NewTopic = z.input<typeof NewTopic>;

export const NewTag = z.object({
  slug: Slug,
  name: z.string().trim().min(1, 'a name is required').max(120),
});
export type NewTag = z.input<typeof NewTag>;

/** Any list's feed lives at `<list URL>feed/`, so no topic or article may be called "feed". */
export const FEED_SEGMENT = 'feed';

/** A top-level topic shares the first URL segment with the application's own routes. */
export function reservedSlugProblem(slug: string, isTopLevel: boolean): string | null {
  if (slug === FEED_SEGMENT || (isTopLevel && isReservedSegment(slug))) return `"${slug}" is reserved for the site's own pages`;
  return null;
}

/**
 * What may change of a topic in place. Its slug and parent are its URL: they change through
 * structure/'s moveTopic, which moves its subtree, refiles its articles and redirects the
 * old URLs in one transaction.
 */
// Spelled out rather than derived from NewTopic: its defaults would reset unnamed fields.
export const TopicChanges = z.object({
  name: TopicName.optional(),
  kind: z.enum(TOPIC_KINDS, { message: `one of ${TOPIC_KINDS.join(', ')}` }).optional(),
  description: z.string().trim().max(2000).optional(),
  aliases: Aliases.optional(),
  position: z.number().int().optional(),
});
export type TopicChanges = z.input<typeof TopicChanges>;

/** Where a topic lives: its parent (null for the top level) and its slug. */
export const TopicPlace = z.object({
  parentId: z.string().min(1).nullable(),
  slug: Slug,
});
export type TopicPlace = z.input<typeof TopicPlace>;

/** A tag's name changes in place; its slug (its URL) through structure/'s renameTag. */
export const TagChanges = z.object({ name: NewTag.shape.name.optional() });
export type TagChanges = z.input<typeof TagChanges>;
