import { describe, expect, it } from 'vitest';
import type { DemoArticle } from './demo-types.js';
import { generateDemoSite } from './generate-demo-site.js';
import { generateLargeSiteArticles } from './generate-large-site.js';
import { LONG_TAIL_TOPICS } from './large-site-topics.js';
import { countHtmlWords } from './text-fill.js';

const NOW = new Date('2025-06-15T12:00:00Z');
const site = generateDemoSite(NOW);
const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

describe('generateLargeSiteArticles', () => {
  it('yields the requested number of articles quickly, with unique slugs', () => {
    const started = performance.now();
    const articles: DemoArticle[] = [...generateLargeSiteArticles(2000, { now: NOW, images: site.images })];
    const elapsed = performance.now() - started;
    expect(articles).toHaveLength(2000);
    const slugs = new Set(articles.map((a) => a.slug));
    expect(slugs.size).toBe(2000);
    for (const slug of slugs) expect(slug).toMatch(SLUG);
    for (const article of site.articles) expect(slugs.has(article.slug)).toBe(false);
    // About 1 ms an article is the budget; the bound is generous for busy test machines.
    expect(elapsed).toBeLessThan(8000);
  });

  it('reuses the demo world: its topics (and the long tail), tags, authors and images', () => {
    const topics = new Set([...site.topics, ...LONG_TAIL_TOPICS].map((t) => t.slug));
    const tags = new Set(site.tags.map((t) => t.slug));
    const authors = new Set(site.authors.map((a) => a.slug));
    const images = new Set(site.images.map((i) => i.key));
    let comments = 0;
    for (const article of generateLargeSiteArticles(500, { now: NOW, images: site.images })) {
      for (const slug of article.topicSlugs) expect(topics.has(slug)).toBe(true);
      for (const slug of article.tagSlugs) expect(tags.has(slug)).toBe(true);
      for (const slug of article.authorSlugs) expect(authors.has(slug)).toBe(true);
      expect(article.featuredImageKey && images.has(article.featuredImageKey)).toBe(true);
      const figures = [...article.bodyHtml.matchAll(/src="demo:([^"]+)"/g)].map((m) => m[1] ?? '');
      expect(figures.length).toBeLessThanOrEqual(2);
      for (const key of figures) expect(images.has(key)).toBe(true);
      const words = countHtmlWords(article.bodyHtml);
      expect(words).toBeGreaterThanOrEqual(400);
      expect(words).toBeLessThanOrEqual(1200);
      comments += article.comments.length;
    }
    expect(comments / 500).toBeGreaterThan(2);
    expect(comments / 500).toBeLessThan(4);
  });

  it('names each long-tail topic in about its share of the articles, filed under it, and no other article', () => {
    const articles = [...generateLargeSiteArticles(20_000, { now: NOW, images: site.images })];
    for (const topic of LONG_TAIL_TOPICS) {
      const filed = articles.filter((a) => a.topicSlugs.includes(topic.slug));
      expect(filed.length / articles.length, topic.slug).toBeGreaterThan(topic.share * 0.8);
      expect(filed.length / articles.length, topic.slug).toBeLessThan(topic.share * 1.2);
      // By one of its names: the words of the topic's name or an alias are in the text.
      const names = [topic.name, ...topic.aliases].map((n) => n.toLowerCase());
      for (const article of filed) expect(names.some((n) => article.bodyHtml.toLowerCase().includes(n)), article.slug).toBe(true);
      const unfiled = articles.filter((a) => !a.topicSlugs.includes(topic.slug)).slice(0, 2000);
      for (const article of unfiled) expect(article.bodyHtml.includes(topic.name), article.slug).toBe(false);
    }
  });

  it('spreads publication over fifteen years, never after the reference date', () => {
    const dates = [...generateLargeSiteArticles(1000, { now: NOW, images: site.images })].map((a) => a.publishedAt.getTime());
    const yearMs = 365 * 86_400_000;
    expect(Math.max(...dates)).toBeLessThan(NOW.getTime());
    expect(Math.min(...dates)).toBeGreaterThan(NOW.getTime() - 15.1 * yearMs);
    expect(Math.min(...dates)).toBeLessThan(NOW.getTime() - 14 * yearMs);
  });

  it('is lazy and deterministic', () => {
    const huge = generateLargeSiteArticles(10_000_000, { now: NOW, images: site.images, seed: 7 });
    const first = huge.next().value;
    const again = generateLargeSiteArticles(10_000_000, { now: NOW, images: site.images, seed: 7 }).next().value;
    expect(first).toEqual(again);
    const other = generateLargeSiteArticles(10, { now: NOW, images: site.images, seed: 8 }).next().value;
    expect(other?.bodyHtml).not.toBe(first?.bodyHtml);
  });

  it('writes the same articles in slices as in one run', () => {
    const whole = [...generateLargeSiteArticles(30, { now: NOW, images: site.images })];
    const slices = [
      ...generateLargeSiteArticles(30, { now: NOW, images: site.images, from: 0, to: 12 }),
      ...generateLargeSiteArticles(30, { now: NOW, images: site.images, from: 12, to: 30 }),
    ];
    expect(slices).toEqual(whole);
  });

  it('builds the demo images itself when none are given', () => {
    const [article] = generateLargeSiteArticles(1, { now: NOW });
    expect(site.images.some((image) => image.key === article?.featuredImageKey)).toBe(true);
  });
});
