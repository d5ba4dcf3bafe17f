import type { MediaItem } from '../../media/index.js';

/** One image as the editor's picker reads it (GET /admin/media/library.json, POST /admin/media/upload). */
export interface LibraryJsonItem {
  id: string;
  /** `/media/<file>`: the largest JPEG variant, what <img src> takes; the save step adds srcset */
  url: string;
  file: string;
  width: number;
  height: number;
  alt: string;
  caption: string;
  credit: string;
  mimeType: string;
}

export function libraryJsonItem(item: MediaItem): LibraryJsonItem {
  return {
    id: item.id,
    url: item.url,
    file: item.file,
    width: item.width,
    height: item.height,
    alt: item.alt,
    caption: item.caption,
    credit: item.credit,
    mimeType: item.mimeType,
  };
}
