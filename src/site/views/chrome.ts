import type { MediaImage } from '../../media/index.js';
import type { SiteSettings } from '../../settings/index.js';
import type { Link, TopicLink } from '../../taxonomy/index.js';

/** What every public page shares: the site's identity, navigation and assets. */
export interface SiteChrome {
  /** absolute, no trailing slash, e.g. "http://localhost:3000" — from config, never the Host header */
  siteUrl: string;
  settings: SiteSettings;
  /** top-level topics, in order */
  primaryNav: TopicLink[];
  /** standalone pages (About, Privacy, Contact) */
  pages: Link[];
  publisherLogo: MediaImage | null;
  /** the site stylesheet's text, inlined in every page (no render-blocking request), and versioned URLs of the fonts to preload */
  assets: { inlineStyle: string; fonts: string[]; commentsScript: string; searchScript: string };
}

/** The favicon is served as is from public/: SVG where browsers take it, else the ICO, also at /favicon.ico. */
export const FAVICON_URL = '/assets/favicon.svg';
export const FAVICON_ICO_URL = '/favicon.ico';

/**
 * The theme's fonts worth preloading (names under public/): the body serif and the
 * interface sans. The italic loads when first used. Pass each through the asset store's
 * versioned URL so it matches the stylesheet's url() exactly.
 */
export const PRELOAD_FONTS = ['fonts/source-serif-4-latin-wght-normal.woff2'] as const;

/** The theme's stylesheet, under public/. */
export const STYLESHEET = 'site.css';
/**
 * The comment form's script, on article pages that take comments: it fetches the comment
 * form's token, fills remembered details and posts inline (public/comments.js). The form
 * works without it.
 */
export const COMMENTS_SCRIPT = 'comments.js';
/**
 * The header search box's script, on every page: suggestions as the reader types
 * (public/search.js). The box is a plain GET form to /search without it.
 */
export const SEARCH_SCRIPT = 'search.js';
