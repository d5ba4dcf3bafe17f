/**
 * One ordinary article from a story line, with its topics, tags, authors and comments:
 * the piece shared by the demo site and the large benchmark generator.
 */
import { composeShortBody } from './compose-article.js';
import { composeComments } from './compose-comments.js';
import type { DemoArticle, DemoImage } from './demo-types.js';
import type { Random } from './random.js';
import type { StoryLine } from './story-types.js';
import { type GenericDecks, StoryWriter } from './story-writer.js';

export interface StoryArticleInput {
  story: StoryLine;
  rng: Random;
  publishedAt: Date;
  /** when the story began, for "since March" and "eight months on" */
  began: Date;
  titleTemplate: string;
  dekTemplate: string;
  /** the slug for a title; lets the caller add a suffix or settle collisions */
  slugFor(title: string): string;
  featuredImage: DemoImage | null;
  figures: readonly DemoImage[];
  targetWords: number;
  commentCount: number;
  /** generic sentences shared by every article, so they come round evenly */
  generic?: GenericDecks;
}

export function writeStoryArticle(input: StoryArticleInput): DemoArticle {
  const { story, rng, publishedAt } = input;
  const writer = new StoryWriter(story, rng, publishedAt, input.began, input.generic);
  const title = writer.text(input.titleTemplate);
  const dek = writer.text(input.dekTemplate);
  const bodyHtml = composeShortBody(writer, rng, input.targetWords, input.figures);
  const primaryTopicSlug = rng.pick(story.primaryTopics);
  const extraTopics = [...new Set(story.extraTopics)].filter((slug) => slug !== primaryTopicSlug);
  const tagSlugs = rng.sample(story.tags, rng.int(1, Math.min(4, story.tags.length)));
  if (/explained|^why |^what /i.test(title)) tagSlugs.push('explainer');
  const hasTwoAuthors = story.authors.length > 1 && rng.chance(0.25);
  return {
    slug: input.slugFor(title),
    title,
    dek,
    bodyHtml,
    primaryTopicSlug,
    topicSlugs: [primaryTopicSlug, ...rng.sample(extraTopics, rng.int(1, 3))],
    tagSlugs,
    authorSlugs: hasTwoAuthors ? rng.sample(story.authors, 2) : [rng.pick(story.authors)],
    featuredImageKey: input.featuredImage?.key ?? null,
    publishedAt,
    isFeatured: false,
    source: null,
    comments: input.commentCount > 0 ? composeComments(story, writer.tokenValues, rng, input.commentCount) : [],
  };
}

/** A publication time on the given day, between 07:00 and 18:59 UTC, never after `now`. */
export function publicationTime(now: Date, daysAgo: number, rng: Random): Date {
  const day = new Date(now.getTime() - daysAgo * 86_400_000);
  day.setUTCHours(rng.int(7, 18), rng.int(0, 59), 0, 0);
  return day.getTime() < now.getTime() ? day : new Date(day.getTime() - 86_400_000);
}
