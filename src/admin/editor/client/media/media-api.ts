/**
 * The media endpoints the island uses (the media area serves them): the library as JSON,
 * and uploads with progress, retried on a dropped connection, refused with the server's
 * own words otherwise. Answers are checked here, at the edge.
 */

export interface MediaItem {
  id: string;
  url: string;
  file: string;
  width: number | null;
  height: number | null;
  alt: string;
  caption: string;
  credit: string;
  mimeType: string;
}

export interface MediaPage {
  items: MediaItem[];
  hasMore: boolean;
}

export interface MediaEndpoints {
  libraryUrl: string;
  uploadUrl: string;
  csrfToken: () => string;
}

/** The server refused the upload (4xx/5xx); `message` is what to tell the author. */
export class UploadRefused extends Error {}

const str = (v: unknown): string => (typeof v === 'string' ? v : '');
const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) && v > 0 ? Math.round(v) : null);

export function mediaItemOf(raw: unknown): MediaItem | null {
  if (!raw || typeof raw !== 'object') return null;
  const r = raw as Record<string, unknown>;
  const file = str(r.file);
  if (!file || /[\s"<>]/.test(file)) return null;
  return {
    id: str(r.id),
    url: str(r.url) || `/media/${file}`,
    file,
    width: num(r.width),
    height: num(r.height),
    alt: str(r.alt),
    caption: str(r.caption),
    credit: str(r.credit),
    mimeType: str(r.mimeType),
  };
}

/** The figure's `src`: the site's own media path, which the save step turns into a responsive picture. */
export function mediaSrc(item: MediaItem): string {
  return `/media/${item.file}`;
}

export async function fetchLibrary(endpoints: MediaEndpoints, query: string, page: number): Promise<MediaPage> {
  const url = new URL(endpoints.libraryUrl, location.href);
  if (query) url.searchParams.set('q', query);
  url.searchParams.set('page', String(page));
  const res = await fetch(url, { headers: { Accept: 'application/json' } });
  if (!res.ok) throw new Error(`The media library did not answer (${res.status}).`);
  const body = (await res.json()) as { items?: unknown; hasMore?: unknown };
  const items = Array.isArray(body.items) ? body.items.map(mediaItemOf).filter((i): i is MediaItem => i !== null) : [];
  return { items, hasMore: body.hasMore === true };
}

export interface UploadProgress {
  /** 0..1 of this attempt */
  fraction: number;
  attempt: number;
}

export interface UploadOptions {
  alt?: string;
  caption?: string;
  credit?: string;
  onProgress?: (progress: UploadProgress) => void;
  onRetry?: (attempt: number, waitMs: number) => void;
  /** retries after a dropped connection; 3 unless a test says otherwise */
  retries?: number;
  retryDelayMs?: number;
}

class ConnectionDropped extends Error {}

/** Uploads one file: progress from XMLHttpRequest, up to three retries when the connection drops. */
export async function uploadImage(endpoints: MediaEndpoints, file: File, options: UploadOptions = {}): Promise<MediaItem> {
  const retries = options.retries ?? 3;
  for (let attempt = 1; ; attempt++) {
    try {
      return await sendOnce(endpoints, file, options, attempt);
    } catch (error) {
      if (!(error instanceof ConnectionDropped) || attempt > retries) {
        if (error instanceof ConnectionDropped) throw new UploadRefused(`The upload of ${file.name} failed: the connection dropped ${attempt} times. Check the connection and try again.`);
        throw error;
      }
      const wait = (options.retryDelayMs ?? 1000) * attempt;
      options.onRetry?.(attempt, wait);
      await new Promise((resolve) => setTimeout(resolve, wait));
    }
  }
}

function sendOnce(endpoints: MediaEndpoints, file: File, options: UploadOptions, attempt: number): Promise<MediaItem> {
  return new Promise((resolve, reject) => {
    const body = new FormData();
    body.append('file', file, file.name);
    for (const key of ['alt', 'caption', 'credit'] as const) if (options[key]) body.append(key, options[key]);
    const xhr = new XMLHttpRequest();
    xhr.open('POST', endpoints.uploadUrl);
    xhr.setRequestHeader('X-CSRF-Token', endpoints.csrfToken());
    xhr.setRequestHeader('Accept', 'application/json');
    xhr.upload.addEventListener('progress', (event) => {
      if (event.lengthComputable) options.onProgress?.({ fraction: event.loaded / event.total, attempt });
    });
    xhr.addEventListener('error', () => reject(new ConnectionDropped()));
    xhr.addEventListener('timeout', () => reject(new ConnectionDropped()));
    xhr.addEventListener('load', () => {
      let json: unknown = null;
      try {
        json = JSON.parse(xhr.responseText);
      } catch {
        json = null;
      }
      if (xhr.status >= 200 && xhr.status < 300) {
        const item = mediaItemOf(json);
        if (item) resolve(item);
        else reject(new UploadRefused('The server accepted the upload but did not say where the image is. Reload the media library.'));
        return;
      }
      const problem = (json ?? {}) as { detail?: unknown; title?: unknown };
      const said = str(problem.detail) || str(problem.title);
      const why = said || (xhr.status === 401 || xhr.status === 403 ? 'Your session may have expired; sign in again in another tab.' : `The server refused it (status ${xhr.status}).`);
      reject(new UploadRefused(`${file.name} was not uploaded. ${why}`));
    });
    xhr.send(body);
  });
}
