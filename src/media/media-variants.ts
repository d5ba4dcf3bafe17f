import fs from 'node:fs/promises';
import path from 'node:path';
import type { Database } from '../db/database.js';
import type { MediaVariant } from './media.js';
import { findMediaById } from './media.queries.js';
import { originalPath, writeFileAtomically } from './media-files.js';

/** `<media id>-<width>.<jpg|webp>`: the only names /media/ answers; anything else is a 404. */
const VARIANT_NAME = /^([0-9a-hjkmnp-tv-z]{26})-([1-9][0-9]{0,4})\.(jpg|webp)$/;

export interface MediaFile {
  body: Buffer;
  contentType: 'image/jpeg' | 'image/webp';
}

/**
 * The variants of stored images, made on their first request: only the widths and formats
 * the media row declares, written atomically (temporary file + rename) and kept on disk,
 * at most `concurrency` at a time so a page full of new pictures cannot starve the server.
 * The same request twice at once makes the file once.
 */
export class MediaVariants {
  private running = 0;
  private readonly waiting: (() => void)[] = [];
  private readonly inFlight = new Map<string, Promise<boolean>>();

  constructor(
    private readonly db: Database,
    private readonly mediaDir: string,
    private readonly concurrency = 2,
  ) {}

  /** The file for a name under /media/, made if declared and missing; null for anything else. */
  async open(name: string): Promise<MediaFile | null> {
    const match = VARIANT_NAME.exec(name);
    if (!match) return null;
    const contentType = match[3] === 'jpg' ? 'image/jpeg' : 'image/webp';
    const file = path.join(this.mediaDir, name);
    const existing = await readIfExists(file);
    if (existing) return { body: existing, contentType };
    let making = this.inFlight.get(name);
    if (!making) {
      making = this.make(match[1]!, name).finally(() => this.inFlight.delete(name));
      this.inFlight.set(name, making);
    }
    if (!(await making)) return null;
    const made = await readIfExists(file);
    return made ? { body: made, contentType } : null;
  }

  private async make(id: string, name: string): Promise<boolean> {
    const media = await findMediaById(this.db, id);
    const variant = media?.variants.find((v) => v.file === name);
    if (!media || !variant) return false;
    const original = await readIfExists(originalPath(this.mediaDir, id));
    if (!original) return false; // stored before originals were kept, or its files were removed
    await this.slot();
    try {
      await writeFileAtomically(path.join(this.mediaDir, name), await encodeVariant(original, variant));
    } finally {
      this.release();
    }
    return true;
  }

  private async slot(): Promise<void> {
    if (this.running < this.concurrency) {
      this.running++;
      return;
    }
    await new Promise<void>((resolve) => this.waiting.push(resolve));
  }

  private release(): void {
    const next = this.waiting.shift();
    if (next) next(); // the slot passes straight to the next in line
    else this.running--;
  }
}

async function encodeVariant(original: Buffer, variant: MediaVariant): Promise<Buffer> {
  const { default: sharp } = await import('sharp');
  const meta = await sharp(original).metadata();
  // A drawn (SVG) original is rasterized at the variant's size, not drawn large and shrunk.
  const density = meta.format === 'svg' && meta.width ? Math.max(1, (72 * variant.width) / meta.width) : undefined;
  const resized = sharp(original, density ? { density } : {})
    .rotate()
    .flatten({ background: '#ffffff' })
    .resize(variant.width, variant.height, { fit: 'fill' });
  // libjpeg-turbo and WebP effort 3: about twice as fast as mozjpeg and effort 4, for a few % in size.
  return variant.format === 'jpeg'
    ? resized.jpeg({ quality: 80, progressive: true }).toBuffer()
    : resized.webp({ quality: 75, effort: 3 }).toBuffer();
}

async function readIfExists(file: string): Promise<Buffer | null> {
  try {
    return await fs.readFile(file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}
