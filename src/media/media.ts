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
