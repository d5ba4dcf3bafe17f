import type { Database } from '../db/database.js';
import { type MediaImage, type MediaVariant, mediaUrl } from './media.js';
import type { MediaRow } from './media.table.js';

const columns = ['id', 'file', 'width', 'height', 'variants', 'alt', 'caption', 'credit'] as const;

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

export async function insertMedia(db: Database, row: MediaRow): Promise<void> {
  await db.insertInto('media').values(row).execute();
}

export async function findMediaById(db: Database, id: string): Promise<MediaImage | undefined> {
  return (await findMediaByIds(db, [id])).get(id);
}

export async function listMediaIds(db: Database): Promise<string[]> {
  return (await db.selectFrom('media').select('id').execute()).map((r) => r.id);
}
