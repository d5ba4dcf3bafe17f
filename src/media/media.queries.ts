import type { Insertable } from 'kysely';
import type { Database } from '../db/database.js';
import { type MediaImage, type MediaItem, type MediaVariant, mediaUrl } from './media.js';
import type { MediaRow, MediaTable } from './media.table.js';

const columns = ['id', 'file', 'width', 'height', 'variants', 'alt', 'caption', 'credit'] as const;
export const ITEM_COLUMNS = [
  ...columns,
  'mime_type',
  'size',
  'original_name',
  'original_width',
  'original_height',
  'created_at',
] as const;
export type MediaItemRow = Pick<MediaRow, (typeof ITEM_COLUMNS)[number]>;

export function toMediaImage(row: Pick<MediaRow, (typeof columns)[number]>): MediaImage {
  return {
    id: row.id,
    url: mediaUrl(row.file),
    width: row.width,
    height: row.height,
    alt: row.alt,
    caption: row.caption,
    credit: row.credit,
    variants: JSON.parse(row.variants) as MediaVariant[],
  };
}

export function toMediaItem(row: MediaItemRow): MediaItem {
  return {
    ...toMediaImage(row),
    file: row.file,
    mimeType: row.mime_type,
    size: row.size,
    originalName: row.original_name,
    originalWidth: row.original_width,
    originalHeight: row.original_height,
    createdAt: row.created_at,
  };
}

export async function findMediaByIds(db: Database, ids: readonly string[]): Promise<Map<string, MediaImage>> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Map();
  const rows = await db.selectFrom('media').select(columns).where('id', 'in', unique).execute();
  return new Map(rows.map((r) => [r.id, toMediaImage(r)]));
}

/** Media addressed by their URL (`/media/<file>`), as bodies reference them. */
export async function findMediaByUrls(db: Database, urls: readonly string[]): Promise<Map<string, MediaImage>> {
  const files = urls.filter((u) => u.startsWith('/media/')).map((u) => u.slice('/media/'.length));
  if (files.length === 0) return new Map();
  const rows = await db.selectFrom('media').select(columns).where('file', 'in', [...new Set(files)]).execute();
  return new Map(rows.map((r) => [mediaUrl(r.file), toMediaImage(r)]));
}

export async function insertMedia(db: Database, row: Insertable<MediaTable>): Promise<void> {
  await db.insertInto('media').values(row).execute();
}

export async function findMediaById(db: Database, id: string): Promise<MediaImage | undefined> {
  return (await findMediaByIds(db, [id])).get(id);
}

export async function findMediaItemById(db: Database, id: string): Promise<MediaItem | undefined> {
  const row = await db.selectFrom('media').select(ITEM_COLUMNS).where('id', '=', id).executeTakeFirst();
  return row ? toMediaItem(row) : undefined;
}

export async function findMediaItemByIdempotencyKey(db: Database, key: string): Promise<MediaItem | undefined> {
  const row = await db.selectFrom('media').select(ITEM_COLUMNS).where('idempotency_key', '=', key).executeTakeFirst();
  return row ? toMediaItem(row) : undefined;
}

export async function listMediaIds(db: Database): Promise<string[]> {
  return (await db.selectFrom('media').select('id').execute()).map((r) => r.id);
}

export async function updateMediaDetailsRow(db: Database, id: string, details: { alt: string; caption: string; credit: string }): Promise<boolean> {
  const result = await db.updateTable('media').set(details).where('id', '=', id).executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

export async function deleteMediaRow(db: Database, id: string): Promise<void> {
  await db.deleteFrom('media').where('id', '=', id).execute();
}
