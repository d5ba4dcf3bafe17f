import { loadSettings } from '../settings/index.js';
import type { Database } from '../db/database.js';
import { findMediaUseRows, type MediaUseRows } from './media-library.queries.js';

/** Where an image is used: what must change before it may be deleted. */
export interface MediaUsage extends MediaUseRows {
  isSiteLogo: boolean;
}

export async function findMediaUsage(db: Database, id: string): Promise<MediaUsage> {
  const [rows, settings] = await Promise.all([findMediaUseRows(db, id), loadSettings(db)]);
  return { ...rows, isSiteLogo: settings.publisherLogoMediaId === id };
}

export function isInUse(usage: MediaUsage): boolean {
  return usage.isSiteLogo || usage.articles.length > 0 || usage.pages.length > 0 || usage.users.length > 0;
}

/** "the featured image of “Talks resume”, the body of the page “About” and the site logo" */
export function describeUsage(usage: MediaUsage): string {
  const parts = [
    ...usage.articles.map((a) => `${a.isFeatured ? 'the featured image of' : 'the body of'} the article “${a.title}”`),
    ...usage.pages.map((p) => `the body of the page “${p.title}”`),
    ...usage.users.map((u) => `the avatar of ${u.name}`),
    ...(usage.isSiteLogo ? ['the site logo (Settings)'] : []),
  ];
  const shown = parts.length > 6 ? [...parts.slice(0, 5), `${parts.length - 5} more places`] : parts;
  return shown.length <= 1 ? (shown[0] ?? '') : `${shown.slice(0, -1).join(', ')} and ${shown.at(-1)}`;
}
