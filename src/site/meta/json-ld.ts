/**
 * schema.org structured data, and its serialization into a `<script>` block. The JSON
 * is written with `<`, `>` and `&` as \u escapes, so no string in it (a title holding
 * "</script>", say) can end the block or open a comment; JSON parsers read them back.
 */
import type { ArticleDetail } from '../../content/article.js';
import type { Link } from '../../taxonomy/index.js';
import type { SiteChrome } from '../views/chrome.js';
import { absoluteUrl } from './urls.js';

const CONTEXT = 'https://schema.org';

export function serializeJsonLd(data: object): string {
  return JSON.stringify(data)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

/** The complete block, ready to be written into the head as is. */
export function jsonLdScript(data: object): string {
  return `<script type="application/ld+json">${serializeJsonLd(data)}</script>`;
}

/** Home first, then each link; the last one is the page itself. */
export function breadcrumbList(chrome: SiteChrome, trail: Link[]): object {
  const items = [{ name: chrome.settings.title, url: '/' }, ...trail];
  return {
    '@context': CONTEXT,
    '@type': 'BreadcrumbList',
    itemListElement: items.map((item, i) => ({
      '@type': 'ListItem',
      position: i + 1,
      name: item.name,
      item: absoluteUrl(chrome.siteUrl, item.url),
    })),
  };
}

export function organization(chrome: SiteChrome): object {
  const logo = chrome.publisherLogo;
  return {
    '@type': 'Organization',
    name: chrome.settings.publisherName,
    url: `${chrome.siteUrl}/`,
    ...(logo && {
      logo: {
        '@type': 'ImageObject',
        url: absoluteUrl(chrome.siteUrl, logo.url),
        width: logo.width,
        height: logo.height,
      },
    }),
  };
}

export function webSite(chrome: SiteChrome): object {
  return {
    '@context': CONTEXT,
    '@type': 'WebSite',
    name: chrome.settings.title,
    description: chrome.settings.description,
    url: `${chrome.siteUrl}/`,
    inLanguage: chrome.settings.language,
    publisher: organization(chrome),
  };
}

export function newsArticle(chrome: SiteChrome, article: ArticleDetail, description: string): object {
  const pageUrl = absoluteUrl(chrome.siteUrl, article.url);
  const image = article.image;
  return {
    '@context': CONTEXT,
    '@type': 'NewsArticle',
    headline: article.title.length > 110 ? `${article.title.slice(0, 109)}…` : article.title,
    description,
    url: pageUrl,
    mainEntityOfPage: { '@type': 'WebPage', '@id': pageUrl },
    ...(image && {
      image: [
        {
          '@type': 'ImageObject',
          url: absoluteUrl(chrome.siteUrl, image.url),
          width: image.width,
          height: image.height,
          ...(image.caption && { caption: image.caption }),
        },
      ],
    }),
    datePublished: article.publishedAt.toISOString(),
    dateModified: article.updatedAt.toISOString(),
    author: authorsOf(chrome, article),
    publisher: organization(chrome),
    articleSection: article.primaryTopic.name,
    ...(article.tags.length > 0 && { keywords: article.tags.map((t) => t.name).join(', ') }),
    wordCount: article.wordCount,
    inLanguage: chrome.settings.language,
    isAccessibleForFree: true,
    // A syndicated piece is based on the original, at its own address, from its own outlet.
    ...(article.source && {
      isBasedOn: article.source.url,
      sourceOrganization: { '@type': 'Organization', name: article.source.outlet },
    }),
  };
}

/** The people who wrote it: for a syndicated piece, its original author, else the site's authors. */
function authorsOf(chrome: SiteChrome, article: ArticleDetail): object[] {
  const original = article.source?.author.trim();
  if (original) return [{ '@type': 'Person', name: original }];
  return article.authors.map((a) => ({ '@type': 'Person', name: a.name, url: absoluteUrl(chrome.siteUrl, a.url) }));
}
