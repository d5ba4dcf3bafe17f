export type ImageFormat = 'jpeg' | 'webp';

export interface MediaVariant {
  width: number;
  height: number;
  format: ImageFormat;
  file: string;
}

/** A stored image as pages show it. */
export interface MediaImage {
  id: string;
  /** the largest JPEG variant: what <img src> and OpenGraph use */
  url: string;
  width: number;
  height: number;
  alt: string;
  caption: string;
  credit: string;
  variants: MediaVariant[];
}

export const MEDIA_URL_PREFIX = '/media/';

export function mediaUrl(file: string): string {
  return MEDIA_URL_PREFIX + file;
}

/** "url 480w, url 800w" for one format, smallest first. */
export function srcsetOf(image: Pick<MediaImage, 'variants'>, format: ImageFormat): string {
  return image.variants
    .filter((v) => v.format === format)
    .sort((a, b) => a.width - b.width)
    .map((v) => `${mediaUrl(v.file)} ${v.width}w`)
    .join(', ');
}

/** An image as the library lists it: what the editor inserts, and what the admin shows about it. */
export interface MediaItem extends MediaImage {
  /** the name under /media/ of `url` */
  file: string;
  /** the original's type, sniffed from its content */
  mimeType: string;
  /** bytes of the stored original */
  size: number;
  /** the file name it was uploaded under ('' when not known) */
  originalName: string;
  /** the original's own size, upright (0 when not known) */
  originalWidth: number;
  originalHeight: number;
  createdAt: string;
}

/** The limits every upload is held to (MEDIA_MAX_MB, MEDIA_MAX_MEGAPIXELS). */
export interface MediaLimits {
  maxBytes: number;
  maxPixels: number;
}
