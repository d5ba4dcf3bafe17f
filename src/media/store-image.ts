import { randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import type { Metadata } from 'sharp';
import type { Database } from '../db/database.js';
import type { Clock } from '../shared/clock.js';
import { ValidationError } from '../shared/errors.js';
import { newId } from '../shared/ids.js';
import type { MediaImage, MediaVariant } from './media.js';
import { insertMedia, toMediaImage } from './media.queries.js';

/** Widths every image is offered at; the page picks one through srcset. */
// 480 serves cards at 1.5x, 960 the text column at 1x, 1600 wide figures and 2x screens.
export const VARIANT_WIDTHS = [480, 960, 1600] as const;
const MAX_INPUT_BYTES = 20 * 1024 * 1024;

export interface ImageDetails {
  alt: string;
  caption?: string;
  credit?: string;
}

/** Originals live beside the variants but are never served: uploads may carry EXIF and GPS. */
export function originalPath(mediaDir: string, id: string): string {
  return path.join(mediaDir, 'originals', id);
}

/**
 * Stores an uploaded image: sniffed by content (never by name), kept as sent in the
 * private originals folder, and given its declared variants (JPEG and WebP at each width
 * no larger than the image). The variants are made on their first request (media-variants.ts),
 * re-encoded so metadata is stripped. Files are named by the new media id, so they never
 * change and can be cached forever.
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
  // EXIF orientations 5–8 turn the picture a quarter: the variants are drawn upright.
  const turned = (meta.orientation ?? 1) >= 5;
  const size = turned ? { width: meta.height, height: meta.width } : { width: meta.width, height: meta.height };
  return storeOriginal(db, clock, mediaDir, input, size, details);
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
): Promise<MediaImage> {
  return storeOriginal(db, clock, mediaDir, Buffer.from(svg), size, details);
}

async function storeOriginal(
  db: Database,
  clock: Clock,
  mediaDir: string,
  input: Buffer,
  size: { width: number; height: number },
  details: ImageDetails,
): Promise<MediaImage> {
  const id = newId();
  await writeFileAtomically(originalPath(mediaDir, id), input);
  const variants = declaredVariants(id, size);
  const largest = variants.filter((v) => v.format === 'jpeg').at(-1)!;
  const row = {
    id,
    file: largest.file,
    mime_type: 'image/jpeg',
    size: input.length,
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

/** JPEG and WebP at each declared width no larger than the image (its own width if smaller than all). */
export function declaredVariants(id: string, size: { width: number; height: number }): MediaVariant[] {
  const widths: number[] = VARIANT_WIDTHS.filter((w) => w <= size.width);
  if (widths.length === 0) widths.push(size.width);
  return widths.flatMap((width) => {
    const height = Math.max(1, Math.round((size.height * width) / size.width));
    return (['jpeg', 'webp'] as const).map((format) => ({ width, height, format, file: `${id}-${width}.${format === 'jpeg' ? 'jpg' : 'webp'}` }));
  });
}

/** Written under a temporary name and renamed: a reader never sees half a file. */
export async function writeFileAtomically(file: string, data: Buffer): Promise<void> {
  await fs.mkdir(path.dirname(file), { recursive: true });
  const temp = `${file}.${randomBytes(6).toString('hex')}.tmp`;
  try {
    await fs.writeFile(temp, data);
    await fs.rename(temp, file);
  } catch (error) {
    await fs.rm(temp, { force: true });
    throw error;
  }
}
