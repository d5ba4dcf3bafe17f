import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { fullGarbageCollection } from './garbage-collector.js';
import { entryCost, PageCache } from './page-cache.js';

const page = (bytes: number, tags: string[] = ['site']) => ({
  contentType: 'text/html; charset=utf-8',
  // Random hex: compresses about 2:1, so the compressed copies have a real size.
  body: randomBytes(bytes / 2).toString('hex'),
  lastModified: new Date('2026-11-20T12:00:00Z'),
  tags,
});

describe('PageCache', () => {
  it('counts what an entry costs: every copy it holds, its key, its tags and a fixed overhead', async () => {
    const cache = new PageCache(10 * 1024 * 1024);
    const stored = cache.set('/world/levant/', page(40_000, ['site', 'list:topic:1']), cache.begin());
    const bare = 40_000;
    expect(cache.size.bytes).toBe(entryCost('/world/levant/', stored));
    expect(cache.size.bytes).toBeGreaterThan(bare + 2048);
    cache.get('/world/levant/'); // the second request: compressed copies are made off the request
    await cache.settled();
    const refined = cache.get('/world/levant/')!;
    expect(refined.gzip!.length).toBeGreaterThan(0);
    expect(refined.br!.length).toBeGreaterThan(0);
    expect(cache.size.bytes).toBe(bare + refined.gzip!.length + refined.br!.length + entryCost('/world/levant/', { ...refined, identity: Buffer.alloc(0), gzip: null, br: null }));
  });

  it('keeps half its budget for live pages, and runs a full collection after each half budget of dropped pages', async () => {
    const gc = fullGarbageCollection();
    let collections = 0;
    const budget = 1024 * 1024;
    const cache = new PageCache(budget, {
      collectGarbage: () => {
        collections++;
        gc();
      },
    });
    for (let i = 0; i < 200; i++) {
      cache.set(`/topic/article-${i}/`, page(20_000, ['site', `article:${i}`]), cache.begin());
      expect(cache.size.bytes).toBeLessThanOrEqual(budget / 2);
      await new Promise((resolve) => setImmediate(resolve));
    }
    // 200 pages of ~22 KB into 512 KB: ~3.9 MB dropped, so 7 collections, one per 512 KB.
    expect(collections).toBeGreaterThanOrEqual(6);
    expect(collections).toBeLessThanOrEqual(8);
  });

  it('keeps the whole budget for pages when no collector is given', () => {
    const cache = new PageCache(1024 * 1024);
    for (let i = 0; i < 60; i++) cache.set(`/a-${i}/`, page(20_000), cache.begin());
    expect(cache.size.bytes).toBeGreaterThan((1024 * 1024 * 3) / 4); // more than a collector-backed cache keeps
    expect(cache.size.bytes).toBeLessThanOrEqual(1024 * 1024);
  });

  it('stops serving a page at its expiry by the clock it was given, and never stores one already expired', () => {
    let now = Date.parse('2026-11-20T12:00:00Z');
    const cache = new PageCache(1024 * 1024, { now: () => now });
    const closesAt = new Date('2026-11-22T09:00:00Z');
    cache.set('/a/', { ...page(2000), expiresAt: closesAt }, cache.begin());
    cache.set('/b/', page(2000), cache.begin()); // no expiry
    now = closesAt.getTime() - 1;
    expect(cache.get('/a/')).toBeDefined();
    now = closesAt.getTime();
    expect(cache.get('/a/')).toBeUndefined();
    expect(cache.size.entries).toBe(1); // dropped, not only hidden
    expect(cache.get('/b/')).toBeDefined();
    cache.set('/c/', { ...page(2000), expiresAt: new Date(now - 1000) }, cache.begin());
    expect(cache.size.entries).toBe(1);
  });

  it('admits a page on its second render, not its first, and forgets first renders when the set is full', () => {
    const cache = new PageCache(1024 * 1024);
    expect(cache.admits('/a/')).toBe(false);
    expect(cache.admits('/b/')).toBe(false);
    expect(cache.admits('/a/')).toBe(true);
    // Ten thousand other first renders empty the set once: /b/ must start again.
    for (let i = 0; i < 10_000; i++) cache.admits(`/crawl-${i}/`);
    expect(cache.admits('/b/')).toBe(false);
    expect(cache.admits('/b/')).toBe(true);
  });
});
