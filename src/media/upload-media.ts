import path from 'node:path';
import { type Actor, assertCan } from '../accounts/index.js';
import type { WriteDeps } from '../shared/write-deps.js';
import { parseInput } from '../shared/validate.js';
import { MediaRefusedError, megabytes } from './media-errors.js';
import type { MediaItem, MediaLimits } from './media.js';
import { findMediaItemByIdempotencyKey } from './media.queries.js';
import { IdempotencyKey, MediaDetails } from './media.schema.js';
import { prepareImage } from './prepare-image.js';
import { storeMedia } from './store-image.js';

export interface MediaDeps extends WriteDeps {
  /** where originals and variants live */
  mediaDir: string;
  limits: MediaLimits;
}

export type UploadContent = { bytes: Buffer } | { stream: AsyncIterable<Uint8Array> };

export type UploadInput = UploadContent & {
  /** the name the file was sent under: shown and searched, never trusted for its type */
  filename: string;
  alt?: string;
  caption?: string;
  credit?: string;
  /** the client's key for this upload; a retry with the same key answers the first result */
  idempotencyKey?: string | undefined;
};

export interface UploadResult {
  item: MediaItem;
  /** true when this was a retry of an upload already stored */
  isRepeat: boolean;
}

/**
 * Adds an image to the library for someone allowed to upload (contributors are not).
 * The file is read up to the size limit and no further, checked and stripped
 * (prepare-image.ts), and stored with what was written about it. Uploading changes
 * nothing readers see, so no event is announced.
 */
export async function uploadMedia(deps: MediaDeps, actor: Actor, input: UploadInput): Promise<UploadResult> {
  assertCan(actor, 'upload_media', 'upload images');
  const details = parseInput(MediaDetails, { alt: input.alt, caption: input.caption, credit: input.credit }, 'image details');
  const key = input.idempotencyKey === undefined ? null : `${actor.id}:${parseInput(IdempotencyKey, input.idempotencyKey, 'upload key')}`;
  if (key) {
    const first = await findMediaItemByIdempotencyKey(deps.db, key);
    if (first) {
      await drain(input);
      return { item: first, isRepeat: true };
    }
  }
  const bytes = 'bytes' in input ? input.bytes : await readWithin(input.stream, deps.limits.maxBytes);
  const image = await prepareImage(bytes, deps.limits);
  try {
    const item = await storeMedia(deps.db, deps.mediaDir, {
      original: image.data,
      size: { width: image.width, height: image.height },
      row: {
        mime_type: image.mimeType,
        ...details,
        original_name: cleanFilename(input.filename),
        uploaded_by: actor.id,
        idempotency_key: key,
        created_at: deps.clock.now().toISOString(),
      },
    });
    return { item, isRepeat: false };
  } catch (error) {
    // Two tries of one upload at once: the unique key let one insert; the other answers it.
    const first = key ? await findMediaItemByIdempotencyKey(deps.db, key) : undefined;
    if (first) return { item: first, isRepeat: true };
    throw error;
  }
}

/** The body, refused as soon as it passes the limit (the rest is never buffered). */
async function readWithin(stream: AsyncIterable<Uint8Array>, maxBytes: number): Promise<Buffer> {
  const chunks: Uint8Array[] = [];
  let size = 0;
  for await (const chunk of stream) {
    size += chunk.byteLength;
    if (size > maxBytes) {
      await closeStream(stream);
      throw new MediaRefusedError('too-large', `This file is larger than the ${megabytes(maxBytes)} limit.`);
    }
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}

async function drain(input: UploadContent): Promise<void> {
  if ('stream' in input) await closeStream(input.stream);
}

async function closeStream(stream: AsyncIterable<Uint8Array>): Promise<void> {
  const destroyable = stream as { destroy?: () => void; cancel?: () => Promise<void> };
  if (typeof destroyable.destroy === 'function') destroyable.destroy();
  else if (typeof destroyable.cancel === 'function') await destroyable.cancel().catch(() => undefined);
}

/** The last path segment, without control characters, at most 200 characters. */
function cleanFilename(name: string): string {
  const base = path.basename(name.replace(/\\/g, '/'));
  // eslint-disable-next-line no-control-regex
  return base.replace(/[\u0000-\u001f\u007f]/g, '').trim().slice(0, 200);
}
