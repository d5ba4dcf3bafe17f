import fs from 'node:fs/promises';
import path from 'node:path';
import type { Metadata } from 'sharp';
import type { Database } from '../db/database.js';
import type { Clock } from '../shared/clock.js';
import { ValidationError } from '../shared/errors.js';
import { newId } from '../shared/ids.js';
import type { MediaImage, MediaVariant } from './media.js';
import { insertMedia, toMediaImage } from './media.queries.js';

/** Widths every image is re-encoded to; the page picks one through srcset. */
// 480 serves cards at 1.5x, 960 the text column at 1x, 1600 wide figures and 2x screens.
export const VARIANT_WIDTHS = [480, 960, 1600] as const;
const MAX_INPUT_BYTES = 20 * 1024 * 1024;

export interface ImageDetails {
  alt: string;
  caption?: string;
  credit?: string;
}

/**
 * Stores an image: sniffed by content (never by name), re-encoded to JPEG and WebP at
 * each width no larger than the original, metadata (EXIF, GPS) stripped by re-encoding.
 * Files are named by the new media id, so they never change and can be cached forever.
 */
export async function storeImage(
  db: Database,
  clock: Clock,
  mediaDir: string,
  input: Buffer,
  details: ImageDetails,
): Promise<MediaImage> {
  if (input.length > MAX_INPUT_BYTES) throw new ValidationError('the image is larger than 20 MB');
  // Loaded on first use: libvips costs tens of MB that a reading server never needs.
  const { default: sharp } = await import('sharp');
  let meta: Metadata;
  try {
    meta = await sharp(input).metadata();
  } catch {
    throw new ValidationError('the file is not an image this site can read (JPEG, PNG, WebP, GIF or AVIF)');
  }
  if (!meta.width || !meta.height || !['jpeg', 'png', 'webp', 'gif', 'avif', 'heif'].includes(meta.format ?? '')) {
    throw new ValidationError('the file is not an image this site can read (JPEG, PNG, WebP, GIF or AVIF)');
  }
  const id = newId();
  await fs.mkdir(mediaDir, { recursive: true });
  const widths = VARIANT_WIDTHS.filter((w) => w <= meta.width!);
  if (widths.length === 0) widths.push(meta.width as (typeof VARIANT_WIDTHS)[number]);
  const variants: MediaVariant[] = [];
  let bytes = 0;
  for (const width of widths) {
    const height = Math.round((meta.height * width) / meta.width);
    const resized = sharp(input).rotate().resize(width, height, { fit: 'fill' });
    // libjpeg-turbo and WebP effort 3: about twice as fast as mozjpeg and effort 4, for a few % in size.
    const [jpeg, webp] = await Promise.all([
      resized.clone().jpeg({ quality: 80, progressive: true }).toBuffer(),
      resized.clone().webp({ quality: 75, effort: 3 }).toBuffer(),
    ]);
    for (const [format, buffer] of [['jpeg', jpeg], ['webp', webp]] as const) {
      const file = `${id}-${width}.${format === 'jpeg' ? 'jpg' : 'webp'}`;
      await fs.writeFile(path.join(mediaDir, file), buffer);
      variants.push({ width, height, format, file });
      bytes += buffer.length;
    }
  }
  const largest = variants.filter((v) => v.format === 'jpeg').at(-1)!;
  const row = {
    id,
    file: largest.file,
    mime_type: 'image/jpeg',
    size: bytes,
    width: largest.width,
    height: largest.height,
    variants: JSON.stringify(variants),
    alt: details.alt,
    caption: details.caption ?? '',
    credit: details.credit ?? '',
    created_at: clock.now().toISOString(),
  };
  await insertMedia(db, row);
  return toMediaImage(row);
}
