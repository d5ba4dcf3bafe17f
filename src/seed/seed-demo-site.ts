import { rebuildAllRelated } from '../related/index.js';
import { randomBytes } from 'node:crypto';
import { createUser, SYSTEM_ACTOR } from '../accounts/index.js';
import { importComments } from '../comments/index.js';
import { type ContentDeps, createPage, saveArticle } from '../content/index.js';
import type { DemoSite } from '../demo/demo-types.js';
import { demoImageSvg } from '../demo/demo-images.js';
import { DEMO_LOGO_SIZE, demoLogoSvg } from '../demo/demo-logo.js';
import { type MediaImage, storeDrawnImage } from '../media/index.js';
import { saveSettings } from '../settings/index.js';
import { createTag, createTopic } from '../taxonomy/index.js';

export interface SeedDeps extends ContentDeps {
  mediaDir: string;
  onProgress?: (message: string) => void;
  /** called after each step is written ('settings', 'users', 'images', 'article:<n>', 'pages'): a test kills the process here */
  onStep?: (step: string) => void;
}

export interface SeededSite {
  userIds: Map<string, string>;
  topicIds: Map<string, string>;
  tagIds: Map<string, string>;
  images: Map<string, MediaImage>;
  articleIds: Map<string, string>;
}

/**
 * Stores a generated demo site through the same use cases an editor uses, so the demo
 * exercises the real write path: sanitizing, media variants, listings, related articles.
 */
export async function seedDemoSite(deps: SeedDeps, site: DemoSite): Promise<SeededSite> {
  const { db, clock, events } = deps;
  const log = deps.onProgress ?? (() => {});
  const step = deps.onStep ?? (() => {});
  const logo = await storeDrawnImage(db, clock, deps.mediaDir, demoLogoSvg(), DEMO_LOGO_SIZE, { alt: `${site.settings.publisherName} logo` });
  await saveSettings(deps, { ...site.settings, navigation: [], publisherLogoMediaId: logo.id });
  step('settings');

  const userIds = new Map<string, string>();
  for (const author of site.authors) {
    // Demo accounts get unusable random passwords; operators create their own with user:create.
    const user = await createUser(deps, { ...author, password: randomBytes(24).toString('base64url') });
    userIds.set(author.slug, user.id);
  }
  step('users');
  const topicIds = new Map<string, string>();
  for (const topic of site.topics) {
    const parentId = topic.parentSlug ? topicIds.get(topic.parentSlug) : null;
    if (parentId === undefined) throw new Error(`demo topic ${topic.slug} names an unknown parent ${topic.parentSlug}`);
    const created = await createTopic(deps, SYSTEM_ACTOR, { ...topic, parentId, position: topicIds.size });
    topicIds.set(topic.slug, created.id);
  }
  const tagIds = new Map<string, string>();
  for (const tag of site.tags) tagIds.set(tag.slug, (await createTag(deps, SYSTEM_ACTOR, tag)).id);

  // The drawings are stored as SVG; their JPEG and WebP variants are made when first asked for.
  log(`storing ${site.images.length} demo images`);
  const images = new Map<string, MediaImage>();
  for (const image of site.images) images.set(image.key, await storeDrawnImage(db, clock, deps.mediaDir, demoImageSvg(image), image, image));
  step('images');

  log(`writing ${site.articles.length} articles`);
  const articleIds = new Map<string, string>();
  const byDate = [...site.articles].sort((a, b) => a.publishedAt.getTime() - b.publishedAt.getTime());
  for (const article of byDate) {
    const need = <T>(map: Map<string, T>, key: string, what: string): T => {
      const value = map.get(key);
      if (value === undefined) throw new Error(`demo article ${article.slug} names an unknown ${what} ${key}`);
      return value;
    };
    const body = article.bodyHtml.replace(/src="demo:([^"]+)"/g, (_m, key: string) => `src="${need(images, key, 'image').url}"`);
    const saved = await saveArticle(deps, {
      slug: article.slug,
      title: article.title,
      dek: article.dek,
      body,
      status: 'published',
      publishedAt: article.publishedAt,
      primaryTopicId: need(topicIds, article.primaryTopicSlug, 'topic'),
      topicIds: article.topicSlugs.map((s) => need(topicIds, s, 'topic')),
      tagIds: article.tagSlugs.map((s) => need(tagIds, s, 'tag')),
      authorIds: article.authorSlugs.map((s) => need(userIds, s, 'author')),
      featuredMediaId: article.featuredImageKey ? need(images, article.featuredImageKey, 'image').id : null,
      isFeatured: article.isFeatured,
      source: article.source,
    }, { updatedAt: article.publishedAt });
    articleIds.set(article.slug, saved.id);
    if (article.comments.length > 0) {
      await importComments(
        db,
        events,
        saved.id,
        article.comments.map((c) => ({
          ...c,
          status: 'approved' as const,
          createdAt: new Date(article.publishedAt.getTime() + c.minutesAfterPublish * 60_000),
        })),
      );
    }
    step(`article:${articleIds.size}`);
  }
  for (const page of site.pages) await createPage(deps, SYSTEM_ACTOR, { slug: page.slug, title: page.title, body: page.bodyHtml });
  // Related lists in one pass over the finished corpus, not one refresh per saved article.
  await rebuildAllRelated(db);
  step('pages');
  return { userIds, topicIds, tagIds, images, articleIds };
}
