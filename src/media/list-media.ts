import { type Actor, assertCan } from '../accounts/index.js';
import type { Database } from '../db/database.js';
import { loadSettings } from '../settings/index.js';
import { listMediaMonths, listMediaRows } from './media-library.queries.js';
import type { MediaItem } from './media.js';
import { toMediaItem } from './media.queries.js';
import type { MediaListFilter } from './media.schema.js';
import { MIME_TYPES } from './sniff-image.js';

export const MEDIA_PAGE_SIZE = 24;

export interface MediaPage {
  items: MediaItem[];
  hasMore: boolean;
  page: number;
}

/** One page of the library for someone who may upload (the editor's picker reads the same). */
export async function listMedia(db: Database, actor: Actor, filter: MediaListFilter, pageSize = MEDIA_PAGE_SIZE): Promise<MediaPage> {
  assertCan(actor, 'upload_media', 'open the media library');
  const siteLogoId = filter.unused ? (await loadSettings(db)).publisherLogoMediaId : null;
  const rows = await listMediaRows(db, {
    text: filter.q,
    mimeType: filter.type ? MIME_TYPES[filter.type] : null,
    month: filter.month || null,
    isUnused: filter.unused === '1',
    siteLogoId,
    offset: (filter.page - 1) * pageSize,
    limit: pageSize,
  });
  return { items: rows.slice(0, pageSize).map(toMediaItem), hasMore: rows.length > pageSize, page: filter.page };
}

/** The months the month filter offers. */
export async function listMediaMonthsFor(db: Database, actor: Actor): Promise<string[]> {
  assertCan(actor, 'upload_media', 'open the media library');
  return listMediaMonths(db);
}
