import { describe, expect, it } from 'vitest';
import type { DemoArticle } from './demo-types.js';
import { generateDemoSite } from './generate-demo-site.js';
import { countHtmlWords } from './text-fill.js';

const NOW = new Date('2025-06-15T12:00:00Z');
const site = generateDemoSite(NOW);
const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const RESERVED = ['admin', 'tag', 'author', 'archive', 'search', 'feed', 'comments', 'assets', 'media', 'api', 'preview', 'about', 'privacy', 'contact'];
const ALLOWED_TAGS = new Set([
  'p', 'em', 'strong', 'h2', 'h3', 'ul', 'ol', 'li', 'a', 'blockquote', 'cite', 'figure', 'figcaption', 'img', 'small',
]);

const h2Count = (article: DemoArticle): number => (article.bodyHtml.match(/<h2>/g) ?? []).length;
const isLong = (article: DemoArticle): boolean => countHtmlWords(article.bodyHtml) >= 3000;

function allStrings(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(allStrings);
  if (value && typeof value === 'object' && !(value instanceof Date)) return Object.values(value).flatMap(allStrings);
  return [];
}

describe('generateDemoSite', () => {
  it('describes a publication', () => {
    expect(site.settings).toMatchObject({ language: 'en', timeZone: 'Europe/London' });
    expect(site.settings.title.length).toBeGreaterThan(3);
    expect(site.settings.publisherName.length).toBeGreaterThan(3);
    expect(site.settings.description.length).toBeGreaterThan(40);
  });

  it('has staff with bios and example addresses', () => {
    expect(site.authors.length).toBeGreaterThanOrEqual(3);
    expect(site.authors.map((a) => a.role)).toEqual(expect.arrayContaining(['administrator', 'editor', 'author']));
    for (const author of site.authors) {
      expect(author.email).toMatch(/@example\.(org|com)$/);
      expect(author.bio.length).toBeGreaterThan(40);
      expect(author.slug).toMatch(SLUG);
    }
  });

  it('has a three-level topic tree with descriptions, kinds and aliases', () => {
    const bySlug = new Map(site.topics.map((t) => [t.slug, t]));
    expect(bySlug.size).toBe(site.topics.length);
    expect(site.topics.length).toBeGreaterThanOrEqual(25);
    expect(site.topics.length).toBeLessThanOrEqual(40);
    const topLevel = site.topics.filter((t) => t.parentSlug === null);
    expect(topLevel.length).toBeGreaterThanOrEqual(5);
    expect(topLevel.length).toBeLessThanOrEqual(7);
    for (const topic of topLevel) expect(RESERVED).not.toContain(topic.slug);
    const seen = new Set<string>();
    const depth = (slug: string): number => {
      const parent = bySlug.get(slug)?.parentSlug;
      return parent ? 1 + depth(parent) : 1;
    };
    for (const topic of site.topics) {
      expect(topic.slug).toMatch(SLUG);
      if (topic.parentSlug) expect(seen.has(topic.parentSlug)).toBe(true);
      seen.add(topic.slug);
      const sentences = topic.description.split(/(?<=\.)\s+/).length;
      expect(sentences).toBeGreaterThanOrEqual(1);
      expect(sentences).toBeLessThanOrEqual(3);
    }
    expect(Math.max(...site.topics.map((t) => depth(t.slug)))).toBe(3);
    expect(site.topics.some((t) => t.aliases.length >= 4)).toBe(true);
    expect(new Set(site.topics.map((t) => t.kind))).toEqual(new Set(['organization', 'person', 'place', 'theme', 'event']));
  });

  it('has tags', () => {
    expect(site.tags.length).toBeGreaterThanOrEqual(15);
    expect(site.tags.length).toBeLessThanOrEqual(25);
    expect(new Set(site.tags.map((t) => t.slug)).size).toBe(site.tags.length);
    for (const tag of site.tags) expect(tag.slug).toMatch(SLUG);
  });

  it('has three long reads and at least forty articles of ordinary length', () => {
    expect(site.articles.length).toBeGreaterThanOrEqual(40);
    const longs = site.articles.filter(isLong);
    expect(longs).toHaveLength(3);
    for (const article of longs) {
      expect(h2Count(article)).toBeGreaterThanOrEqual(8);
      expect(article.bodyHtml).toContain('<h3>');
    }
    for (const article of site.articles.filter((a) => !isLong(a))) {
      const words = countHtmlWords(article.bodyHtml);
      expect(words, article.slug).toBeGreaterThanOrEqual(400);
      expect(words, article.slug).toBeLessThanOrEqual(1200);
    }
  });

  it('gives every article valid, unique slugs and references that exist', () => {
    const topics = new Set(site.topics.map((t) => t.slug));
    const tags = new Set(site.tags.map((t) => t.slug));
    const authors = new Set(site.authors.map((a) => a.slug));
    const images = new Set(site.images.map((i) => i.key));
    expect(new Set(site.articles.map((a) => a.slug)).size).toBe(site.articles.length);
    for (const article of site.articles) {
      expect(article.slug).toMatch(SLUG);
      expect(article.title.length).toBeGreaterThan(10);
      expect(article.dek.length).toBeGreaterThan(20);
      expect(article.topicSlugs[0]).toBe(article.primaryTopicSlug);
      expect(article.topicSlugs.length).toBeGreaterThanOrEqual(2);
      expect(article.topicSlugs.length).toBeLessThanOrEqual(4);
      expect(new Set(article.topicSlugs).size).toBe(article.topicSlugs.length);
      for (const slug of article.topicSlugs) expect(topics.has(slug), slug).toBe(true);
      expect(article.tagSlugs.length).toBeGreaterThanOrEqual(1);
      expect(article.tagSlugs.length).toBeLessThanOrEqual(5);
      for (const slug of article.tagSlugs) expect(tags.has(slug), slug).toBe(true);
      expect(article.authorSlugs.length).toBeGreaterThanOrEqual(1);
      expect(article.authorSlugs.length).toBeLessThanOrEqual(2);
      for (const slug of article.authorSlugs) expect(authors.has(slug)).toBe(true);
      expect(article.featuredImageKey && images.has(article.featuredImageKey)).toBe(true);
      const keys = [...article.bodyHtml.matchAll(/src="demo:([^"]+)"/g)].map((m) => m[1] ?? '');
      expect(keys.length).toBeLessThanOrEqual(3);
      for (const key of keys) expect(images.has(key), key).toBe(true);
    }
  });

  it('prefers level-two and level-three primary topics', () => {
    const topLevel = new Set(site.topics.filter((t) => t.parentSlug === null).map((t) => t.slug));
    for (const article of site.articles) expect(topLevel.has(article.primaryTopicSlug)).toBe(false);
  });

  it('publishes over the last ten months, never in the future', () => {
    const earliest = NOW.getTime() - 320 * 86_400_000;
    for (const article of site.articles) {
      expect(article.publishedAt.getTime()).toBeLessThan(NOW.getTime());
      expect(article.publishedAt.getTime()).toBeGreaterThan(earliest);
    }
  });

  it('syndicates exactly one article and features two or three, a long read leading', () => {
    const syndicated = site.articles.filter((a) => a.source !== null);
    expect(syndicated).toHaveLength(1);
    expect(syndicated[0]?.source).toMatchObject({ isCanonical: true });
    expect(syndicated[0]?.source?.url).toMatch(/^https:\/\/example\.com\//);
    const featured = site.articles.filter((a) => a.isFeatured).sort((a, b) => b.publishedAt.getTime() - a.publishedAt.getTime());
    expect(featured.length).toBeGreaterThanOrEqual(2);
    expect(featured.length).toBeLessThanOrEqual(3);
    expect(featured[0] && isLong(featured[0])).toBe(true);
  });

  it('writes bodies in the HTML subset, with quotations, pull quotes, lists and example links', () => {
    const all = site.articles.map((a) => a.bodyHtml).join('\n');
    for (const [, tag] of all.matchAll(/<([a-z0-9]+)[\s>]/g)) expect(ALLOWED_TAGS.has(tag ?? ''), tag).toBe(true);
    for (const [, href] of all.matchAll(/href="([^"]+)"/g)) expect(href).toMatch(/^https:\/\/example\.org\//);
    expect(all).toMatch(/<blockquote><p>“[^<]+”<\/p><cite>[^<]+, [^<]+<\/cite><\/blockquote>/);
    expect(all).toContain('<blockquote class="pull-quote"><p>');
    expect(all).toContain('<ul><li>');
    expect(all).toMatch(/<figcaption>[^<]+ <small class="credit">[^<]+ \/ [^<]+<\/small><\/figcaption>/);
    expect(site.articles.filter((a) => a.bodyHtml.includes('<a href=')).length).toBeGreaterThan(5);
  });

  it('never says the same sentence twice in one article (a pull quote included)', () => {
    for (const article of site.articles) {
      const text = article.bodyHtml
        .replace(/<small class="credit">[^<]*<\/small>/g, ' ') // a credit is a name, not a sentence
        .replace(/<\/?(p|li|h2|h3|blockquote|cite|figcaption|ul|ol|figure)\b[^>]*>/g, '\n')
        .replace(/<[^>]+>/g, '')
        .replace(/&amp;/g, '&');
      const sentences = text
        .split('\n')
        .flatMap((block) => block.split(/(?<=[.!?…][”’"]?)\s+/))
        .map((sentence) => sentence.replace(/[“”"]/g, '').replace(/\s+/g, ' ').trim())
        .filter((sentence) => sentence.split(' ').length >= 4);
      const seen = new Set<string>();
      const repeated = sentences.filter((sentence) => seen.has(sentence) || !seen.add(sentence));
      expect(repeated, article.slug).toEqual([]);
    }
  });

  it('leaves no template marks, placeholders or lorem ipsum anywhere', () => {
    const texts = allStrings(site);
    expect(texts.length).toBeGreaterThan(1000);
    for (const text of texts) {
      expect(text.toLowerCase()).not.toContain('lorem');
      expect(text).not.toMatch(/[{}]|undefined|NaN|\]\(|\s\*|\*\s|\s[,.;:]\s/);
    }
  });

  it('has approved, threaded comments from readers on most articles', () => {
    const withComments = site.articles.filter((a) => a.comments.length > 0);
    expect(withComments.length / site.articles.length).toBeGreaterThan(0.45);
    expect(withComments.length / site.articles.length).toBeLessThan(0.8);
    let deepReplies = 0;
    for (const article of withComments) {
      expect(article.comments.length).toBeLessThanOrEqual(12);
      const byKey = new Map(article.comments.map((c) => [c.key, c]));
      expect(byKey.size).toBe(article.comments.length);
      for (const comment of article.comments) {
        expect(comment.authorEmail).toMatch(/^[a-z.]+@example\.net$/);
        expect(comment.authorUrl === '' || comment.authorUrl.startsWith('https://example.net/')).toBe(true);
        expect(comment.body.length).toBeGreaterThan(10);
        if (comment.parentKey === null) continue;
        const parent = byKey.get(comment.parentKey);
        expect(parent).toBeDefined();
        expect(comment.minutesAfterPublish).toBeGreaterThan(parent?.minutesAfterPublish ?? Infinity);
        if (parent?.parentKey) deepReplies++;
      }
    }
    expect(deepReplies).toBeGreaterThan(0);
    expect(site.articles.some((a) => a.comments.some((c) => c.authorUrl !== ''))).toBe(true);
  });

  it('groups articles in story lines that share topics', () => {
    for (const article of site.articles) {
      const neighbours = site.articles.filter((other) => other !== article && other.topicSlugs.some((t) => article.topicSlugs.includes(t)));
      expect(neighbours.length, article.slug).toBeGreaterThanOrEqual(2);
    }
  });

  it('describes every image', () => {
    expect(site.images.length).toBeGreaterThanOrEqual(60);
    expect(site.images.length).toBeLessThanOrEqual(100);
    expect(new Set(site.images.map((i) => i.key)).size).toBe(site.images.length);
    for (const image of site.images) {
      expect(image.alt.length).toBeGreaterThan(20);
      expect(image.caption.length).toBeGreaterThan(20);
      expect(image.credit).toContain(' / ');
      expect([900, 800]).toContain(image.height);
    }
  });

  it('has short, honest pages', () => {
    expect(site.pages.map((p) => p.slug).sort()).toEqual(['about', 'contact', 'privacy']);
    const contact = site.pages.find((p) => p.slug === 'contact');
    expect(contact?.bodyHtml).toMatch(/fictional/);
    expect(contact?.bodyHtml).toContain('@example.org');
  });

  it('is the same for the same reference date', () => {
    expect(generateDemoSite(new Date(NOW))).toEqual(site);
  });
});
