import { type MediaItem, megabytes } from '../../media/index.js';

/** "JPEG", "PNG"… from a stored MIME type. */
export function typeLabel(mimeType: string): string {
  const labels: Record<string, string> = {
    'image/jpeg': 'JPEG',
    'image/png': 'PNG',
    'image/webp': 'WebP',
    'image/gif': 'GIF',
    'image/avif': 'AVIF',
    'image/svg+xml': 'SVG (drawn by the site)',
  };
  return labels[mimeType] ?? mimeType;
}

export function sizeLabel(bytes: number): string {
  return bytes < 1024 * 1024 ? `${Math.ceil(bytes / 1024)} KB` : megabytes(bytes);
}

/** The original's size when known, else the largest variant's. */
export function dimensionsLabel(item: MediaItem): string {
  return item.originalWidth > 0 ? `${item.originalWidth} × ${item.originalHeight}` : `${item.width} × ${item.height}`;
}

/** The name people know the image by: its file name, else its alt text, else its id. */
export function displayName(item: MediaItem): string {
  return item.originalName || item.alt || item.id;
}

/** The smallest JPEG variant: what the library's thumbnails load first. */
export function thumbnailOf(item: MediaItem) {
  return item.variants.filter((v) => v.format === 'jpeg').sort((a, b) => a.width - b.width)[0];
}
