import { z } from 'zod';
import { Slug } from '../taxonomy/taxonomy.schema.js';
import { ARTICLE_STATUSES } from './article.js';

const Id = z.string().min(1).max(64);

export const SourceInput = z.object({
  outlet: z.string().trim().min(1).max(200),
  author: z.string().trim().max(200).default(''),
  country: z.string().trim().max(100).default(''),
  url: z.url({ protocol: /^https?$/ }),
  isCanonical: z.boolean().default(false),
});

/** An article as an editor (or an import, or the demo seeder) submits it. */
export const ArticleInput = z
  .object({
    slug: Slug.optional(),
    title: z.string().trim().min(1, 'a title is required').max(300),
    dek: z.string().trim().max(600).default(''),
    body: z.string().max(2_000_000).default(''),
    excerpt: z.string().trim().max(1000).default(''),
    status: z.enum(ARTICLE_STATUSES).default('draft'),
    publishedAt: z.coerce.date().nullable().default(null),
    primaryTopicId: Id,
    topicIds: z.array(Id).max(30).default([]),
    tagIds: z.array(Id).max(50).default([]),
    authorIds: z.array(Id).min(1, 'an article needs an author').max(10),
    featuredMediaId: Id.nullable().default(null),
    isFeatured: z.boolean().default(false),
    source: SourceInput.nullable().default(null),
    seoTitle: z.string().trim().max(300).default(''),
    seoDescription: z.string().trim().max(600).default(''),
    commentsOpen: z.boolean().default(true),
  })
  .refine((a) => a.status !== 'scheduled' || a.publishedAt !== null, {
    message: 'a scheduled article needs a publish time',
    path: ['publishedAt'],
  });
export type ArticleInput = z.input<typeof ArticleInput>;
export type ValidArticleInput = z.output<typeof ArticleInput>;
