import type { MediaImage } from '../../media/index.js';
import type { SiteSettings } from '../../settings/index.js';
import type { TopicLink } from '../../taxonomy/index.js';

/** What every public page shares: the site's identity, navigation and assets. */
export interface SiteChrome {
  /** absolute, no trailing slash, e.g. "http://localhost:3000" — from config, never the Host header */
  siteUrl: string;
  settings: SiteSettings;
  /** top-level topics, in order */
  primaryNav: TopicLink[];
  /** standalone pages (About, Privacy, Contact) */
  pages: TopicLink[];
  publisherLogo: MediaImage | null;
  /** versioned URLs of the CSS and of the fonts to preload */
  assets: { stylesheet: string; fonts: string[] };
}

/** The favicon is served as is from public/. */
export const FAVICON_URL = '/assets/favicon.svg';
