import type { MediaImage } from '../media/media.js';
import type { TagLink, TopicLink } from '../taxonomy/topic.js';
import type { TocEntry } from './body-html.js';

export const ARTICLE_STATUSES = ['draft', 'pending', 'scheduled', 'published', 'withdrawn'] as const;
export type ArticleStatus = (typeof ARTICLE_STATUSES)[number];

export interface AuthorLink {
  id: string;
  name: string;
  url: string;
}

export interface SourceAttribution {
  outlet: string;
  author: string;
  country: string;
  url: string;
  /** the editor says the original is the canonical copy: rel=canonical points there */
  isCanonical: boolean;
}

/** An article as list pages, feeds and related lists show it: never its body. */
export interface ArticleSummary {
  id: string;
  slug: string;
  url: string;
  title: string;
  dek: string;
  excerpt: string;
  publishedAt: Date;
  updatedAt: Date;
  primaryTopic: TopicLink;
  authors: AuthorLink[];
  image: MediaImage | null;
  readingMinutes: number;
  commentCount: number;
}

/** A published article with everything its page shows. */
export interface ArticleDetail extends ArticleSummary {
  /** sanitized when saved; rendered as is */
  body: string;
  toc: TocEntry[];
  wordCount: number;
  /** the primary topic's path, root first, the primary topic last */
  trail: TopicLink[];
  topics: TopicLink[];
  tags: TagLink[];
  /** the primary topic's aliases (DESIGN.md §1: none where it has none) */
  tagline: string[];
  source: SourceAttribution | null;
  seoTitle: string;
  seoDescription: string;
  commentsOpen: boolean;
}

export function articleUrl(topicPath: string, slug: string): string {
  return `/${topicPath}/${slug}/`;
}

export function authorUrl(slug: string): string {
  return `/author/${slug}/`;
}

/** Whether readers may see an article at this moment. */
export function isPublic(status: string): boolean {
  return status === 'published';
}
