import { createHash } from 'node:crypto';
import { promisify } from 'node:util';
import zlib from 'node:zlib';
import { LRUCache } from 'lru-cache';

const gzip = promisify(zlib.gzip);
const brotli = promisify(zlib.brotliCompress);

/** A rendered page, compressed once when stored and served as is on every hit. */
export interface CachedPage {
  contentType: string;
  identity: Buffer;
  gzip: Buffer;
  br: Buffer;
  etag: string;
  lastModified: string; // HTTP date
  tags: readonly string[];
}

export interface PageToCache {
  contentType: string;
  body: string | Buffer;
  lastModified: Date;
  tags: readonly string[];
}

/**
 * In-memory LRU of rendered pages, bounded in bytes, with tag-based invalidation: each page
 * carries the tags of what it shows (an article, a list, the settings) and a change drops
 * every page bearing one of its tags, and nothing else.
 */
export class PageCache {
  private readonly lru: LRUCache<string, CachedPage>;
  private readonly keysByTag = new Map<string, Set<string>>();
  /** The invalidation count when each tag was last invalidated, to refuse stale renders. */
  private readonly invalidatedAt = new Map<string, number>();
  private generation = 0;

  constructor(maxBytes: number) {
    this.lru = new LRUCache<string, CachedPage>({
      maxSize: maxBytes,
      sizeCalculation: (page) => page.identity.length + page.gzip.length + page.br.length + 200,
      dispose: (page, key) => this.forgetTags(key, page.tags),
    });
  }

  get(key: string): CachedPage | undefined {
    return this.lru.get(key);
  }

  /** Call before rendering; pass the result to `set` so a render overtaken by a change is not kept. */
  begin(): number {
    return this.generation;
  }

  async set(key: string, page: PageToCache, startedAt: number): Promise<CachedPage> {
    const identity = typeof page.body === 'string' ? Buffer.from(page.body) : page.body;
    const [gz, br] = await Promise.all([
      gzip(identity, { level: 6 }),
      brotli(identity, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 6, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: identity.length } }),
    ]);
    const cached: CachedPage = {
      contentType: page.contentType,
      identity,
      gzip: gz,
      br,
      etag: `W/"${createHash('sha1').update(identity).digest('base64url')}"`,
      lastModified: page.lastModified.toUTCString(),
      tags: page.tags,
    };
    if (!this.isStale(page.tags, startedAt)) {
      this.lru.set(key, cached);
      for (const tag of page.tags) {
        let keys = this.keysByTag.get(tag);
        if (!keys) this.keysByTag.set(tag, (keys = new Set()));
        keys.add(key);
      }
    }
    return cached;
  }

  invalidate(tags: readonly string[]): number {
    this.generation++;
    let dropped = 0;
    for (const tag of tags) {
      this.invalidatedAt.set(tag, this.generation);
      for (const key of [...(this.keysByTag.get(tag) ?? [])]) {
        if (this.lru.delete(key)) dropped++;
      }
    }
    return dropped;
  }

  clear(): void {
    this.generation++;
    this.invalidatedAt.clear();
    this.invalidatedAt.set('*', this.generation);
    this.lru.clear();
  }

  get size(): { entries: number; bytes: number } {
    return { entries: this.lru.size, bytes: this.lru.calculatedSize };
  }

  /** Whether any of these tags was invalidated after `begin()` returned `startedAt`. */
  isStale(tags: readonly string[], startedAt: number): boolean {
    if ((this.invalidatedAt.get('*') ?? -1) > startedAt) return true;
    return tags.some((tag) => (this.invalidatedAt.get(tag) ?? -1) > startedAt);
  }

  private forgetTags(key: string, tags: readonly string[]): void {
    for (const tag of tags) {
      const keys = this.keysByTag.get(tag);
      keys?.delete(key);
      if (keys?.size === 0) this.keysByTag.delete(tag);
    }
  }
}
