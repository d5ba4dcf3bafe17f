import fs from 'node:fs/promises';
import path from 'node:path';
import type { Insertable } from 'kysely';
import type { Database } from '../db/database.js';
import type { Clock } from '../shared/clock.js';
import { newId } from '../shared/ids.js';
import { originalPath, temporaryPath } from './media-files.js';
import type { MediaItem, MediaLimits, MediaVariant } from './media.js';
import { deleteMediaRow, insertMedia, toMediaItem } from './media.queries.js';
import type { MediaTable } from './media.table.js';
import { prepareImage } from './prepare-image.js';

export { originalPath, writeFileAtomically } from './media-files.js';

/** Widths every image is offered at; the page picks one through srcset. */
// 480 serves cards at 1.5x, 960 the text column at 1x, 1600 wide figures and 2x screens.
export const VARIANT_WIDTHS = [480, 960, 1600] as const;

/** The limits of images the application stores itself (the seeder); uploads use the configured ones. */
export const DEFAULT_MEDIA_LIMITS: MediaLimits = { maxBytes: 25 * 1024 * 1024, maxPixels: 60_000_000 };

export interface ImageDetails {
  alt: string;
  caption?: string;
  credit?: string;
}

/**
 * Stores an image the application was handed without a person behind it (imports, tests):
 * checked and stripped exactly as an upload is (prepare-image.ts). People upload through
 * `uploadMedia`, which checks their role first.
 */
export async function storeImage(db: Database, clock: Clock, mediaDir: string, input: Buffer, details: ImageDetails): Promise<MediaItem> {
  const image = await prepareImage(input, DEFAULT_MEDIA_LIMITS);
  return storeMedia(db, mediaDir, {
    original: image.data,
    size: { width: image.width, height: image.height },
    row: { mime_type: image.mimeType, alt: details.alt, caption: details.caption ?? '', credit: details.credit ?? '', created_at: clock.now().toISOString() },
  });
}

/**
 * Stores a picture the application drew itself (the demo's illustrations) as SVG: the
 * vector source is the original and the variants are rasterized from it on request.
 * Never for uploads: SVG from outside is a script and external-resource carrier.
 */
export async function storeDrawnImage(
  db: Database,
  clock: Clock,
  mediaDir: string,
  svg: string,
  size: { width: number; height: number },
  details: ImageDetails,
): Promise<MediaItem> {
  return storeMedia(db, mediaDir, {
    original: Buffer.from(svg),
    size,
    row: { mime_type: 'image/svg+xml', alt: details.alt, caption: details.caption ?? '', credit: details.credit ?? '', created_at: clock.now().toISOString() },
  });
}

export interface MediaToStore {
  original: Buffer;
  /** the original's size, upright */
  size: { width: number; height: number };
  row: { mime_type: string; alt: string; caption: string; credit: string; created_at: string } &
    Partial<Pick<Insertable<MediaTable>, 'original_name' | 'uploaded_by' | 'idempotency_key'>>;
}

/**
 * The one way an image enters the library: the original is written under a temporary
 * name, the row inserted, and only then the file renamed into place, so a refusal or a
 * failed insert (a duplicate idempotency key above all) leaves no file behind. Variants
 * are declared (JPEG and WebP at each width no larger than the image) and made on their
 * first request (media-variants.ts). Files are named by the new id, so they never change.
 */
export async function storeMedia(db: Database, mediaDir: string, media: MediaToStore): Promise<MediaItem> {
  const id = newId();
  const target = originalPath(mediaDir, id);
  const temp = temporaryPath(target);
  const variants = declaredVariants(id, media.size);
  const largest = variants.filter((v) => v.format === 'jpeg').at(-1)!;
  const row = {
    ...media.row,
    id,
    file: largest.file,
    size: media.original.length,
    width: largest.width,
    height: largest.height,
    variants: JSON.stringify(variants),
    original_name: media.row.original_name ?? '',
    original_width: media.size.width,
    original_height: media.size.height,
    uploaded_by: media.row.uploaded_by ?? null,
    idempotency_key: media.row.idempotency_key ?? null,
  };
  await fs.mkdir(path.dirname(target), { recursive: true });
  let isInserted = false;
  try {
    await fs.writeFile(temp, media.original);
    await insertMedia(db, row);
    isInserted = true;
    await fs.rename(temp, target);
  } catch (error) {
    await fs.rm(temp, { force: true });
    if (isInserted) await deleteMediaRow(db, id); // a row without its file would be a broken image
    throw error;
  }
  return toMediaItem(row);
}

/** JPEG and WebP at each declared width no larger than the image (its own width if smaller than all). */
export function declaredVariants(id: string, size: { width: number; height: number }): MediaVariant[] {
  const widths: number[] = VARIANT_WIDTHS.filter((w) => w <= size.width);
  if (widths.length === 0) widths.push(size.width);
  return widths.flatMap((width) => {
    const height = Math.max(1, Math.round((size.height * width) / size.width));
    return (['jpeg', 'webp'] as const).map((format) => ({ width, height, format, file: `${id}-${width}.${format === 'jpeg' ? 'jpg' : 'webp'}` }));
  });
}
