/**
 * Articles for benchmarks: as many as asked, written from the same world as the demo site
 * (its story lines, topics, tags, authors and images), spread over fifteen years, and the
 * long tail of small topics (large-site-topics.ts) each names in a few percent of them. A
 * generator, so 100,000 articles never sit in memory at once.
 */
import type { DemoArticle, DemoImage } from './demo-types.js';
import { generateDemoSite } from './generate-demo-site.js';
import { LONG_TAIL_TOPICS, mentionParagraph } from './large-site-topics.js';
import { GENERIC_DEKS } from './prose-roles.js';
import { hashString, Random } from './random.js';
import { publicationTime, writeStoryArticle } from './story-article.js';
import { GenericDecks } from './story-writer.js';
import { STORIES } from './stories.js';
import { addMonths, slugOf } from './text-fill.js';

export interface LargeSiteOptions {
  /** the reference date: every article is published before it */
  now: Date;
  /** another seed gives other articles; the same seed, the same ones */
  seed?: number;
  /** the images articles may use (no new ones are made); by default the demo site’s */
  images?: readonly DemoImage[];
  /** how far back publication dates reach, in years (15 by default) */
  years?: number;
  /** yield only articles [from, to) of the `count`, so worker threads can share the work */
  from?: number;
  to?: number;
}

export function* generateLargeSiteArticles(count: number, options: LargeSiteOptions): Generator<DemoArticle, void, undefined> {
  const { now } = options;
  const seed = options.seed ?? 1;
  const images = options.images ?? generateDemoSite(now).images;
  const imagesByStory = new Map(STORIES.map((story) => [story.id, images.filter((image) => image.key.startsWith(`${story.id}-`))]));
  const spanDays = (options.years ?? 15) * 365;

  for (let index = options.from ?? 0; index < Math.min(count, options.to ?? count); index++) {
    const rng = new Random(hashString(`large:${seed}:${index}`));
    const story = STORIES[index % STORIES.length] ?? rng.pick(STORIES);
    const pool = imagesByStory.get(story.id) ?? [];
    const daysAgo = 1 + Math.floor(((index + rng.next()) / count) * spanDays);
    const publishedAt = publicationTime(now, daysAgo, rng);
    const figureCount = pool.length === 0 ? 0 : rng.pick([0, 1, 1, 2]);
    const article = writeStoryArticle({
      story,
      rng,
      publishedAt,
      began: addMonths(publishedAt, -rng.int(3, 30)),
      titleTemplate: rng.pick(story.titles),
      dekTemplate: rng.chance(0.7) ? rng.pick(story.deks) : rng.pick(GENERIC_DEKS),
      slugFor: (title) => `${slugOf(title, 70)}-${index + 1}`,
      featuredImage: pool.length === 0 ? null : rng.pick(pool),
      figures: rng.sample(pool, figureCount),
      targetWords: rng.int(430, 1150),
      commentCount: rng.chance(0.6) ? rng.int(1, 9) : 0,
      // Per article, not shared: an article depends only on its index.
      generic: new GenericDecks(rng.fork('generic')),
    });
    // A source of its own, so the story articles are the same with or without the long tail.
    yield withLongTail(article, new Random(hashString(`large-tail:${seed}:${index}`)));
  }
}

/** The article naming, and filed under, each long-tail topic its draw picks: a paragraph after the first. */
function withLongTail(article: DemoArticle, rng: Random): DemoArticle {
  const named = LONG_TAIL_TOPICS.filter((topic) => rng.chance(topic.share));
  if (named.length === 0) return article;
  const paragraphs = named.map((topic) => mentionParagraph(topic, rng)).join('');
  const firstEnd = article.bodyHtml.indexOf('</p>');
  const cut = firstEnd < 0 ? article.bodyHtml.length : firstEnd + '</p>'.length;
  const bodyHtml = article.bodyHtml.slice(0, cut) + paragraphs + article.bodyHtml.slice(cut);
  return { ...article, bodyHtml, topicSlugs: [...article.topicSlugs, ...named.map((topic) => topic.slug)] };
}
