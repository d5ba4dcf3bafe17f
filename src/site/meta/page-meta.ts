import type { MediaImage } from '../../media/index.js';
import type { SiteChrome } from '../views/chrome.js';
import { absoluteUrl, FEED_TYPES, type FeedFormat, feedUrl } from './urls.js';

export interface MetaImage {
  /** absolute */
  url: string;
  width: number;
  height: number;
  alt: string;
}

export interface FeedLink {
  title: string;
  /** absolute */
  url: string;
  type: string;
}

export interface ArticleMetaFacts {
  publishedTime: string;
  modifiedTime: string;
  /** absolute URLs of the authors' pages */
  authors: string[];
  section: string;
  tags: string[];
}

/** Everything the document head says about a page. */
export interface PageMeta {
  /** the page's own title; the head adds the site's name */
  title: string;
  description: string;
  /** absolute; null on error pages, which have no canonical address */
  canonical: string | null;
  type: 'website' | 'article';
  image: MetaImage | null;
  robots?: string;
  feeds: FeedLink[];
  /** schema.org objects, each serialized into its own block */
  jsonLd: object[];
  article?: ArticleMetaFacts;
}

export function metaImage(siteUrl: string, image: MediaImage | null): MetaImage | null {
  if (!image) return null;
  return { url: absoluteUrl(siteUrl, image.url), width: image.width, height: image.height, alt: image.alt };
}

const FORMAT_NAMES: Record<FeedFormat, string> = { rss: 'RSS', atom: 'Atom', json: 'JSON Feed' };

/** A list's three feeds, titled "<name> (RSS)" and so on. */
export function feedLinks(chrome: SiteChrome, listUrl: string, name: string): FeedLink[] {
  return (Object.keys(FEED_TYPES) as FeedFormat[]).map((format) => ({
    title: `${name} (${FORMAT_NAMES[format]})`,
    url: absoluteUrl(chrome.siteUrl, feedUrl(listUrl, format)),
    type: FEED_TYPES[format],
  }));
}

/** The whole site's feeds, offered on every page. */
export function siteFeedLinks(chrome: SiteChrome): FeedLink[] {
  return feedLinks(chrome, '/', chrome.settings.title);
}

/** The `<title>`: "Page — Site", or the site's name alone on home. */
export function documentTitle(meta: Pick<PageMeta, 'title'>, siteTitle: string): string {
  return meta.title === siteTitle ? siteTitle : `${meta.title} — ${siteTitle}`;
}
