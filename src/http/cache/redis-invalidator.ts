import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import type { PageCache } from './page-cache.js';
import type { CacheInvalidator } from './cache-invalidator.js';

export const INVALIDATION_CHANNEL = 'dossier:cache-invalidate';

interface InvalidationMessage {
  origin: string;
  tags: readonly string[];
}

/**
 * Cache invalidation across processes (DESIGN.md §5): the writing process drops its own
 * pages at once, then publishes the tags on a Redis channel; every other process drops
 * the same pages from its cache when the message arrives.
 */
export async function redisInvalidator(
  cache: PageCache,
  redisUrl: string,
  options: { channel?: string; onError?: (error: Error) => void } = {},
): Promise<CacheInvalidator> {
  const channel = options.channel ?? INVALIDATION_CHANNEL;
  const origin = randomUUID();
  const onError = options.onError ?? ((e) => console.error(`redis: ${e.message}`));
  const publisher = new Redis(redisUrl, { lazyConnect: true, maxRetriesPerRequest: 3 });
  const subscriber = new Redis(redisUrl, { lazyConnect: true });
  publisher.on('error', onError);
  subscriber.on('error', onError);
  await Promise.all([publisher.connect(), subscriber.connect()]);
  // A process that lost messages while disconnected may hold stale pages: start afresh.
  subscriber.on('ready', () => cache.clear());
  subscriber.on('message', (_channel: string, raw: string) => {
    try {
      const message = JSON.parse(raw) as InvalidationMessage;
      if (message.origin !== origin && Array.isArray(message.tags)) cache.invalidate(message.tags);
    } catch (error) {
      onError(error as Error);
    }
  });
  await subscriber.subscribe(channel);
  return {
    invalidate: async (tags) => {
      cache.invalidate(tags);
      await publisher.publish(channel, JSON.stringify({ origin, tags } satisfies InvalidationMessage));
    },
    close: async () => {
      await Promise.all([subscriber.quit(), publisher.quit()]);
    },
  };
}
