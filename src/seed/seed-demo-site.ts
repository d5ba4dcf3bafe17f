import { rebuildAllRelated } from '../related/index.js';
import { randomBytes } from 'node:crypto';
import { createUser } from '../accounts/index.js';
import { importComments } from '../comments/index.js';
import { type ContentDeps, createPage, saveArticle } from '../content/index.js';
import type { DemoSite } from '../demo/demo-types.js';
import { type MediaImage, storeImage } from '../media/index.js';
import { saveSettings } from '../settings/index.js';
import { createTag, createTopic } from '../taxonomy/index.js';

export interface SeedDeps extends ContentDeps {
  mediaDir: string;
  renderImage: (image: DemoSite['images'][number]) => Promise<Buffer>;
  renderLogo: () => Promise<Buffer>;
  onProgress?: (message: string) => void;
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
  const logo = await storeImage(db, clock, deps.mediaDir, await deps.renderLogo(), { alt: `${site.settings.publisherName} logo` });
  await saveSettings(db, { ...site.settings, navigation: [], publisherLogoMediaId: logo.id });

  const userIds = new Map<string, string>();
  for (const author of site.authors) {
    // Demo accounts get unusable random passwords; operators create their own with user:create.
    const user = await createUser(db, clock, { ...author, password: randomBytes(24).toString('base64url') });
    userIds.set(author.slug, user.id);
  }
  const topicIds = new Map<string, string>();
  for (const topic of site.topics) {
    const parentId = topic.parentSlug ? topicIds.get(topic.parentSlug) : null;
    if (parentId === undefined) throw new Error(`demo topic ${topic.slug} names an unknown parent ${topic.parentSlug}`);
    const created = await createTopic(db, clock, { ...topic, parentId, position: topicIds.size });
    topicIds.set(topic.slug, created.id);
  }
  const tagIds = new Map<string, string>();
  for (const tag of site.tags) tagIds.set(tag.slug, (await createTag(db, clock, tag)).id);

  log(`rendering ${site.images.length} demo images`);
  const images = new Map<string, MediaImage>();
  await inBatches(site.images, 4, async (image) => {
    const stored = await storeImage(db, clock, deps.mediaDir, await deps.renderImage(image), image);
    images.set(image.key, stored);
  });

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
  }
  for (const page of site.pages) await createPage(db, clock, events, { slug: page.slug, title: page.title, body: page.bodyHtml });
  // Related lists in one pass over the finished corpus, not one refresh per saved article.
  await rebuildAllRelated(db);
  return { userIds, topicIds, tagIds, images, articleIds };
}

async function inBatches<T>(items: readonly T[], size: number, work: (item: T) => Promise<void>): Promise<void> {
  for (let i = 0; i < items.length; i += size) await Promise.all(items.slice(i, i + size).map(work));
}
