import type { PageCache } from './page-cache.js';

/**
 * The one interface through which the site drops cached pages. In one process it drops
 * them at once; a Redis-backed implementation publishes the tags so every process drops
 * them from its own cache.
 */
export interface CacheInvalidator {
  invalidate(tags: readonly string[]): Promise<void>;
  close(): Promise<void>;
}

export function localInvalidator(cache: PageCache): CacheInvalidator {
  return {
    invalidate: async (tags) => {
      cache.invalidate(tags);
    },
    close: async () => {},
  };
}
