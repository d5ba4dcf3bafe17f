import type { Metadata, Sharp } from 'sharp';
import { MediaRefusedError, megabytes } from './media-errors.js';
import type { MediaLimits } from './media.js';
import { type AcceptedFormat, MIME_TYPES, sniffImage, SNIFF_BYTES } from './sniff-image.js';

/** An accepted image, re-encoded without its metadata and turned upright. */
export interface PreparedImage {
  data: Buffer;
  /** the type the sender's file was sniffed as */
  mimeType: string;
  width: number;
  height: number;
}

const ACCEPTED = 'JPEG, PNG, WebP, GIF or AVIF';

/**
 * Checks an upload and re-encodes it, in the order that keeps a hostile file cheap:
 * size, then the type from the first bytes (never the name), then the pixel count from
 * the header alone — a decompression bomb is refused before any pixel is decoded —, and
 * only then a full decode with libvips' own pixel limit as a second fence. The stored
 * original keeps its pixels and ICC profile and nothing else: EXIF (GPS, camera, owner),
 * XMP and IPTC are dropped, orientation applied first.
 */
export async function prepareImage(input: Buffer, limits: MediaLimits): Promise<PreparedImage> {
  if (input.length > limits.maxBytes) {
    throw new MediaRefusedError('too-large', `This file is ${megabytes(input.length)}; the limit is ${megabytes(limits.maxBytes)}.`);
  }
  if (input.length === 0) throw new MediaRefusedError('not-an-image', 'This file is empty.');
  const sniffed = sniffImage(input.subarray(0, SNIFF_BYTES));
  if (sniffed.kind === 'svg') {
    throw new MediaRefusedError(
      'not-an-image',
      `SVG drawings are not accepted: they can carry scripts and links to other sites. Export it as PNG, or upload a ${ACCEPTED} file.`,
    );
  }
  if (sniffed.kind === 'other') {
    throw new MediaRefusedError('not-an-image', `This file is not an image (it looks like ${sniffed.looksLike}). Upload a ${ACCEPTED} file.`);
  }
  // Loaded on first use: libvips costs tens of MB that a reading server never needs.
  const { default: sharp } = await import('sharp');
  let meta: Metadata;
  try {
    // Reads the header only; no pixel is decoded here.
    meta = await sharp(input, { limitInputPixels: false }).metadata();
  } catch {
    throw malformed();
  }
  if (meta.format !== sniffed.format && !(sniffed.format === 'avif' && meta.format === 'heif')) throw malformed();
  const width = meta.width ?? 0;
  const height = meta.pageHeight ?? meta.height ?? 0;
  if (width <= 0 || height <= 0) throw malformed();
  if (width * height > limits.maxPixels) throw tooManyPixels(width, height, limits);

  const turned = (meta.orientation ?? 1) >= 5; // EXIF orientations 5–8 turn the picture a quarter
  try {
    // failOn 'warning': a truncated or corrupt stream is refused, not stored half grey.
    const image = sharp(input, { limitInputPixels: limits.maxPixels, failOn: 'warning', pages: 1 }).rotate().keepIccProfile();
    const { data, info } = await encodeOriginal(image, sniffed.format, meta).toBuffer({ resolveWithObject: true });
    const upright = turned ? { width: height, height: width } : { width, height };
    if (info.width !== upright.width || info.height !== upright.height) throw malformed();
    return { data, mimeType: MIME_TYPES[sniffed.format], width: info.width, height: info.height };
  } catch (error) {
    if (error instanceof MediaRefusedError) throw error;
    if (/pixel limit/i.test(String(error))) throw tooManyPixels(width, height, limits);
    throw malformed();
  }
}

/** The original is kept in its own format, except where that format cannot hold a still picture well. */
function encodeOriginal(image: Sharp, format: AcceptedFormat, meta: Metadata): Sharp {
  switch (format) {
    case 'jpeg':
      return image.jpeg({ quality: 92 });
    case 'webp':
      return image.webp({ quality: 92, effort: 3 });
    case 'png':
      return image.png({ compressionLevel: 6 });
    case 'gif': // its first frame, without the palette's limits
      return image.png({ compressionLevel: 6 });
    case 'avif': // AVIF encoding is slow; the variants are JPEG and WebP anyway
      return meta.hasAlpha ? image.png({ compressionLevel: 6 }) : image.jpeg({ quality: 92 });
  }
}

function malformed(): MediaRefusedError {
  return new MediaRefusedError('malformed', 'This image could not be read: the file is damaged or incomplete. Try exporting it again.');
}

function tooManyPixels(width: number, height: number, limits: MediaLimits): MediaRefusedError {
  const mp = (n: number) => `${Math.round(n / 100_000) / 10} megapixels`;
  return new MediaRefusedError(
    'too-many-pixels',
    `This image is ${width.toLocaleString('en')} × ${height.toLocaleString('en')} pixels (${mp(width * height)}); the limit is ${mp(limits.maxPixels)}. Resize it and upload it again.`,
  );
}
