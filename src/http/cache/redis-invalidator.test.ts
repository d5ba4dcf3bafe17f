import { randomUUID } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { PageCache } from './page-cache.js';
import type { CacheInvalidator } from './cache-invalidator.js';
import { redisInvalidator } from './redis-invalidator.js';
import { REDIS_URL, skipRedis } from '../../../test/test-redis.js';

describe.skipIf(skipRedis)('cache invalidation over Redis', () => {
  const invalidators: CacheInvalidator[] = [];
  afterAll(() => Promise.all(invalidators.map((i) => i.close())));

  const page = (tags: string[]) => ({ contentType: 'text/html', body: '<p>page</p>', lastModified: new Date(), tags });

  it('drops the same pages in every process, and nothing else', async () => {
    const channel = `test:${randomUUID()}`;
    const [cacheA, cacheB] = [new PageCache(1 << 20), new PageCache(1 << 20)];
    const a = await redisInvalidator(cacheA, REDIS_URL, { channel });
    const b = await redisInvalidator(cacheB, REDIS_URL, { channel });
    invalidators.push(a, b);
    for (const cache of [cacheA, cacheB]) {
      await cache.set('/world/', page(['list:topic:1']), cache.begin());
      await cache.set('/economy/', page(['list:topic:2']), cache.begin());
    }
    await a.invalidate(['list:topic:1']);
    // The writer's own cache follows at once; the other when the message arrives.
    expect(cacheA.get('/world/')).toBeUndefined();
    await expect.poll(() => cacheB.get('/world/'), { timeout: 2000 }).toBeUndefined();
    expect(cacheA.get('/economy/')).toBeDefined();
    expect(cacheB.get('/economy/')).toBeDefined();
  });
});
