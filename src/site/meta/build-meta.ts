/** One metadata builder per kind of public page. Every URL here is absolute. */
import type { ArticleSummary } from '../../content/article.js';
import type {
  ArchiveIndexPage,
  ArchiveMonthPage,
  ArticlePage,
  AuthorPage,
  HomePage,
  StaticPage,
  TagPage,
  TopicPage,
} from '../pages/reader-pages.js';
import { htmlToText, shorten } from '../../content/body-html.js';
import { commentPageUrl } from '../pages/comment-pages.js';
import type { SiteChrome } from '../views/chrome.js';
import { formatMonth } from '../views/dates.js';
import { breadcrumbList, newsArticle, webSite } from './json-ld.js';
import { feedLinks, metaImage, type PageMeta, siteFeedLinks } from './page-meta.js';
import { absoluteUrl, ARCHIVE_URL, FEED_TYPES, feedUrl, pageUrl } from './urls.js';

const DESCRIPTION_LENGTH = 200;

function describe(...candidates: string[]): string {
  const found = candidates.map((c) => c.replace(/\s+/g, ' ').trim()).find(Boolean) ?? '';
  return shorten(found, DESCRIPTION_LENGTH);
}

function paged(title: string, page: number): string {
  return page > 1 ? `${title} — page ${page}` : title;
}

/** The first card's image stands for a list when it has one. */
function listImage(chrome: SiteChrome, items: ArticleSummary[]) {
  return metaImage(chrome.siteUrl, items.find((a) => a.image)?.image ?? null);
}

export function homeMeta(chrome: SiteChrome, page: HomePage): PageMeta {
  const { settings } = chrome;
  return {
    title: settings.title,
    description: describe(settings.description, settings.title),
    canonical: `${chrome.siteUrl}/`,
    type: 'website',
    image: metaImage(chrome.siteUrl, page.lead?.image ?? chrome.publisherLogo),
    feeds: siteFeedLinks(chrome),
    jsonLd: [webSite(chrome)],
  };
}

export function topicMeta(chrome: SiteChrome, page: TopicPage): PageMeta {
  const { topic, articles } = page;
  return {
    title: paged(topic.name, articles.page),
    description: describe(topic.description, `News and analysis about ${topic.name}.`),
    canonical: absoluteUrl(chrome.siteUrl, pageUrl(topic.url, articles.page)),
    type: 'website',
    image: listImage(chrome, articles.items),
    feeds: [...feedLinks(chrome, topic.url, topic.name), ...siteFeedLinks(chrome)],
    jsonLd: [breadcrumbList(chrome, page.trail)],
  };
}

export function tagMeta(chrome: SiteChrome, page: TagPage): PageMeta {
  const { tag, articles } = page;
  return {
    title: paged(tag.name, articles.page),
    description: describe(`Articles tagged “${tag.name}”.`),
    canonical: absoluteUrl(chrome.siteUrl, pageUrl(tag.url, articles.page)),
    type: 'website',
    image: listImage(chrome, articles.items),
    feeds: [...feedLinks(chrome, tag.url, tag.name), ...siteFeedLinks(chrome)],
    jsonLd: [],
  };
}

export function authorMeta(chrome: SiteChrome, page: AuthorPage): PageMeta {
  const { author, articles } = page;
  return {
    title: paged(author.name, articles.page),
    description: describe(author.bio, `Articles by ${author.name}.`),
    canonical: absoluteUrl(chrome.siteUrl, pageUrl(author.url, articles.page)),
    type: 'website',
    image: metaImage(chrome.siteUrl, author.avatar),
    feeds: [...feedLinks(chrome, author.url, author.name), ...siteFeedLinks(chrome)],
    jsonLd: [],
  };
}

export function archiveMonthMeta(chrome: SiteChrome, page: ArchiveMonthPage): PageMeta {
  const month = formatMonth(page.year, page.month, chrome.settings);
  return {
    title: paged(`Archive: ${month}`, page.articles.page),
    description: describe(`Everything published in ${month}.`),
    canonical: absoluteUrl(chrome.siteUrl, pageUrl(page.url, page.articles.page)),
    type: 'website',
    image: null,
    feeds: siteFeedLinks(chrome),
    jsonLd: [],
  };
}

export function archiveIndexMeta(chrome: SiteChrome, _page: ArchiveIndexPage): PageMeta {
  return {
    title: 'Archive',
    description: describe(`Every month of ${chrome.settings.title}, with the number of articles published.`),
    canonical: absoluteUrl(chrome.siteUrl, ARCHIVE_URL),
    type: 'website',
    image: null,
    feeds: siteFeedLinks(chrome),
    jsonLd: [],
  };
}

export function articleMeta(chrome: SiteChrome, page: ArticlePage): PageMeta {
  const { article } = page;
  const description = describe(article.seoDescription, article.dek, article.excerpt);
  // A later page of the comments is a document of its own, at its own address.
  const ownUrl = absoluteUrl(chrome.siteUrl, commentPageUrl(article.url, page.commentPages.page));
  return {
    title: article.seoTitle.trim() || article.title,
    description,
    // The editor may name the original as the canonical copy of a syndicated piece.
    canonical: article.source?.isCanonical ? article.source.url : ownUrl,
    type: 'article',
    image: metaImage(chrome.siteUrl, article.image),
    feeds: [
      { title: `Comments on ${article.title} (RSS)`, url: absoluteUrl(chrome.siteUrl, feedUrl(article.url, 'rss')), type: FEED_TYPES.rss },
      ...feedLinks(chrome, article.primaryTopic.url, article.primaryTopic.name),
      ...siteFeedLinks(chrome),
    ],
    jsonLd: [
      newsArticle(chrome, article, description),
      breadcrumbList(chrome, [...article.trail, { name: article.title, url: article.url }]),
    ],
    article: {
      publishedTime: article.publishedAt.toISOString(),
      modifiedTime: article.updatedAt.toISOString(),
      authors: article.authors.map((a) => absoluteUrl(chrome.siteUrl, a.url)),
      section: article.primaryTopic.name,
      tags: article.tags.map((t) => t.name),
    },
  };
}

export function staticPageMeta(chrome: SiteChrome, page: StaticPage): PageMeta {
  return {
    title: page.title,
    description: describe(htmlToText(page.body), `${page.title} — ${chrome.settings.title}.`),
    canonical: absoluteUrl(chrome.siteUrl, page.url),
    type: 'website',
    image: null,
    feeds: siteFeedLinks(chrome),
    jsonLd: [],
  };
}

/** 404, 410, 400 and 500 pages: not for indexing, no canonical address. */
export function errorMeta(chrome: SiteChrome, title: string, description: string): PageMeta {
  return {
    title,
    description: describe(description),
    canonical: null,
    type: 'website',
    image: null,
    robots: 'noindex',
    feeds: siteFeedLinks(chrome),
    jsonLd: [],
  };
}

/**
 * The search page: one per query, so, like an error page, no canonical address and never
 * indexed (a crawler following search links would only find copies of the site's own pages).
 */
export function searchMeta(chrome: SiteChrome, query: string): PageMeta {
  const shown = shorten(query.replace(/\s+/g, ' ').trim(), 80);
  return errorMeta(chrome, shown ? `Search: ${shown}` : 'Search', `Search ${chrome.settings.title} by word, phrase, or any name a topic goes by.`);
}
