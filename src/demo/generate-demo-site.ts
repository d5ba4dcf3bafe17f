/**
 * The demo site: a fictional analysis publication with eight story lines, three long
 * reads, images, comments and pages. Deterministic: the same `now` gives the same site,
 * and the text does not depend on `now` at all, only the dates do.
 */
import { composeLongBody } from './compose-long.js';
import { composeComments } from './compose-comments.js';
import type { DemoArticle, DemoSite } from './demo-types.js';
import { ImageCatalogue } from './image-catalogue.js';
import { LONG_SABRIQ } from './long-sabriq.js';
import { LONG_SQUEEZE } from './long-squeeze.js';
import { LONG_TOLVANE } from './long-tolvane.js';
import type { LongAnalysis } from './long-types.js';
import { PAGES } from './pages.js';
import { GENERIC_DEKS } from './prose-roles.js';
import { Random } from './random.js';
import { publicationTime, writeStoryArticle } from './story-article.js';
import { STORIES, storyById } from './stories.js';
import type { StoryLine } from './story-types.js';
import { GenericDecks, StoryWriter } from './story-writer.js';
import { addMonths, slugOf } from './text-fill.js';
import { AUTHORS, SETTINGS, TAGS, TOPICS } from './world.js';

const SEED = 0x5e47a2;
const ARTICLES_PER_STORY = 5;
/** Articles are spread over roughly the ten months before `now`. */
const WINDOW_DAYS = 300;
export const LONG_ANALYSES: readonly LongAnalysis[] = [LONG_TOLVANE, LONG_SQUEEZE, LONG_SABRIQ];

export function generateDemoSite(now: Date): DemoSite {
  const rng = new Random(SEED);
  const catalogue = new ImageCatalogue(rng.fork('images'));
  const slugs = new Set<string>();
  const uniqueSlug = (title: string): string => {
    const base = slugOf(title);
    let slug = base;
    for (let n = 2; slugs.has(slug); n++) slug = `${base}-${n}`;
    slugs.add(slug);
    return slug;
  };
  const began = (story: StoryLine): Date => addMonths(now, -story.beganMonthsAgo);

  const articles: DemoArticle[] = [];
  const generic = new GenericDecks(rng.fork('generic'));
  for (const story of STORIES) {
    const storyRng = rng.fork(story.id);
    const titles = storyRng.shuffle(story.titles);
    const deks = storyRng.shuffle([...story.deks, ...GENERIC_DEKS]);
    // Each story is spread across its own window, one article per band, and never before it began.
    const window = Math.min(WINDOW_DAYS, (story.beganMonthsAgo - 1) * 30);
    const band = window / ARTICLES_PER_STORY;
    for (let i = 0; i < ARTICLES_PER_STORY; i++) {
      const articleRng = storyRng.fork(i);
      const publishedAt = publicationTime(now, Math.max(1, Math.floor(band * i + articleRng.range(1, band))), articleRng);
      const tokens = new StoryWriter(story, articleRng.fork('tokens'), publishedAt, began(story)).tokenValues;
      const featuredImage = catalogue.take(story, tokens, publishedAt, true);
      const figureCount = articleRng.pick([0, 0, 1, 1, 1, 2, 2]);
      const figures = Array.from({ length: figureCount }, () => catalogue.take(story, tokens, publishedAt, false));
      articles.push(
        writeStoryArticle({
          story,
          rng: articleRng,
          publishedAt,
          began: began(story),
          titleTemplate: titles[i % titles.length] ?? story.titles[0] ?? '',
          dekTemplate: deks[i % deks.length] ?? '',
          slugFor: uniqueSlug,
          featuredImage,
          figures,
          targetWords: articleRng.int(430, 1150),
          commentCount: articleRng.chance(0.6) ? (articleRng.chance(0.3) ? articleRng.int(5, 12) : articleRng.int(1, 4)) : 0,
          generic,
        }),
      );
    }
  }

  for (const analysis of LONG_ANALYSES) {
    const longRng = rng.fork(analysis.title);
    const publishedAt = publicationTime(now, analysis.ageDays, longRng);
    const writers = new Map<string, StoryWriter>();
    // One article: its writers share what it has said, so no sentence comes twice.
    const said = new Set<string>();
    const writerFor = (id: string): StoryWriter => {
      let writer = writers.get(id);
      if (!writer) {
        writer = new StoryWriter(storyById(id), longRng.fork(id), publishedAt, began(storyById(id)), generic, said);
        writers.set(id, writer);
      }
      return writer;
    };
    const main = storyById(analysis.sections[0]?.story ?? 'tolvane');
    const featuredImage = catalogue.take(main, writerFor(main.id).tokenValues, publishedAt, true);
    const bodyHtml = composeLongBody(analysis, {
      writerFor,
      figureFor: (id) => catalogue.take(storyById(id), writerFor(id).tokenValues, publishedAt, false),
    });
    const title = writerFor(main.id).text(analysis.title);
    articles.push({
      slug: uniqueSlug(title),
      title,
      dek: writerFor(main.id).text(analysis.dek),
      bodyHtml,
      primaryTopicSlug: analysis.primaryTopic,
      topicSlugs: [analysis.primaryTopic, ...analysis.topics],
      tagSlugs: [...analysis.tags],
      authorSlugs: [...analysis.authors],
      featuredImageKey: featuredImage.key,
      publishedAt,
      isFeatured: false,
      source: null,
      comments: composeComments(main, writerFor(main.id).tokenValues, longRng, longRng.int(6, 12)),
    });
  }

  articles.sort((a, b) => a.publishedAt.getTime() - b.publishedAt.getTime());
  markFeatured(articles, now);
  syndicateOne(articles);
  return {
    settings: { ...SETTINGS },
    authors: AUTHORS.map((author) => ({ ...author })),
    topics: TOPICS.map((topic) => ({ ...topic, aliases: [...topic.aliases] })),
    tags: TAGS.map((tag) => ({ ...tag })),
    images: catalogue.images,
    articles,
    pages: PAGES.map((page) => ({ ...page })),
  };
}

/**
 * The newest long read leads the home page; the oldest long read and one ordinary piece
 * from about a month ago are featured too, both older, so the lead is unambiguous.
 */
function markFeatured(articles: DemoArticle[], now: Date): void {
  const longTitles = new Set(LONG_ANALYSES.map((analysis) => analysis.title));
  const longs = articles.filter((article) => longTitles.has(article.title));
  const lead = longs[longs.length - 1];
  const oldestLong = longs[0];
  const monthAgo = now.getTime() - 30 * 86_400_000;
  const recent = articles
    .filter((article) => !longTitles.has(article.title) && article.source === null && lead && article.publishedAt < lead.publishedAt)
    .sort((a, b) => Math.abs(a.publishedAt.getTime() - monthAgo) - Math.abs(b.publishedAt.getTime() - monthAgo))[0];
  for (const article of [lead, oldestLong, recent]) if (article) article.isFeatured = true;
}

/** One piece from the Belcastro story line is republished from a (fictional) partner paper. */
function syndicateOne(articles: DemoArticle[]): void {
  const mediationTitles = new Set(storyById('mediation').titles);
  const article = articles.find((candidate) => !candidate.isFeatured && mediationTitles.has(candidate.title));
  if (!article) throw new Error('The demo site needs a mediation article to syndicate');
  article.source = {
    outlet: 'The Belcastro Courier',
    author: 'Giulia Fenn',
    country: 'Orsenia',
    url: `https://example.com/courier/politics/${article.slug}`,
    // The Courier's page is the original: search engines should index that one.
    isCanonical: true,
  };
  article.authorSlugs = ['tobias-wren'];
  // Written for the Courier, so it speaks as the Courier.
  article.bodyHtml = article.bodyHtml
    .replace(/The <em>Belcastro Courier<\/em> reported/g, 'This newspaper reported')
    .replace(/the Review\b/g, 'the Courier');
  // Credited once, by the byline from these fields: no credit line in the body as well.
}
