/**
 * What the demo generator produces: plain data, written for the project. The seeder
 * (scripts/seed.ts → src/demo/seed-demo.ts) stores it through the same use cases an
 * editor would use.
 */

export type DemoTopicKind = 'organization' | 'person' | 'place' | 'theme' | 'event';

export interface DemoTopic {
  slug: string;
  name: string;
  /** slug of the parent topic, null for a top-level topic */
  parentSlug: string | null;
  kind: DemoTopicKind;
  description: string;
  /** acronyms and other names, e.g. ["NLF", "NLA", "The Front", "Jabhat al-Nour"] */
  aliases: string[];
}

export interface DemoAuthor {
  slug: string;
  name: string;
  email: string;
  role: 'administrator' | 'editor' | 'author' | 'contributor';
  bio: string;
}

export interface DemoTag {
  slug: string;
  name: string;
}

/** An image the seeder renders (e.g. with sharp) and stores as media. */
export interface DemoImage {
  key: string;
  width: number;
  height: number;
  alt: string;
  caption: string;
  credit: string;
  /** deterministic input for the image renderer */
  seed: number;
  scene: 'city' | 'mountains' | 'coast' | 'desert' | 'harbour' | 'parliament' | 'crowd' | 'field' | 'portrait' | 'map';
}

export interface DemoComment {
  /** a key unique within its article, so replies can point at it */
  key: string;
  parentKey: string | null;
  authorName: string;
  authorEmail: string;
  authorUrl: string;
  body: string; // plain text, paragraphs separated by blank lines
  minutesAfterPublish: number;
}

export interface DemoSource {
  outlet: string;
  author: string;
  country: string;
  url: string;
  isCanonical: boolean;
}

export interface DemoArticle {
  slug: string;
  title: string;
  dek: string;
  /**
   * The body in the subset of docs/body-html.md. Images are written as
   * `<img src="demo:<image key>" alt="…">` inside a figure; the seeder replaces the
   * src with the stored media path.
   */
  bodyHtml: string;
  primaryTopicSlug: string;
  topicSlugs: string[]; // includes the primary topic
  tagSlugs: string[];
  authorSlugs: string[]; // at least one
  featuredImageKey: string | null;
  publishedAt: Date;
  isFeatured: boolean;
  source: DemoSource | null;
  comments: DemoComment[];
}

export interface DemoSettings {
  title: string;
  description: string;
  language: string; // BCP 47, e.g. "en"
  timeZone: string; // IANA, e.g. "Europe/London"
  publisherName: string;
}

export interface DemoPage {
  slug: string;
  title: string;
  bodyHtml: string;
}

export interface DemoSite {
  settings: DemoSettings;
  authors: DemoAuthor[];
  topics: DemoTopic[]; // parents before children
  tags: DemoTag[];
  images: DemoImage[];
  articles: DemoArticle[];
  pages: DemoPage[];
}
