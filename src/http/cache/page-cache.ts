import { createHash } from 'node:crypto';
import { promisify } from 'node:util';
import zlib from 'node:zlib';
import { LRUCache } from 'lru-cache';

const gzip = promisify(zlib.gzip);
const brotli = promisify(zlib.brotliCompress);

/**
 * A rendered page, served as is on every hit. It is stored as rendered, and its gzip and
 * brotli copies are made later, off the request, once the page is asked for again (see
 * `refine`): a page asked for once, as in a crawl or a flood of distinct URLs, costs no
 * compression at all, so a miss costs what a render without the cache costs.
 */
export interface CachedPage {
  contentType: string;
  identity: Buffer;
  /** null until the page is refined */
  gzip: Buffer | null;
  br: Buffer | null;
  etag: string;
  lastModified: string; // HTTP date
  tags: readonly string[];
  /** when the page stops being true without any write (ms since the epoch), or null */
  expiresAt: number | null;
}

export interface PageToCache {
  contentType: string;
  body: string | Buffer;
  lastModified: Date;
  tags: readonly string[];
  /**
   * When what the page shows turns false by the clock alone, no write announcing it: an
   * article's comment form at the time its comments close. It is not served from then on.
   */
  expiresAt?: Date | null | undefined;
}

/**
 * What an entry costs beside its bodies and the strings of its key and tags: the entry
 * object, its LRU node, its key in the tag index, and the header arrays the front prepares
 * for it (up to three arrays of about 26 strings, three of them its own). An estimate of
 * 1–2 KB, rounded up.
 */
const ENTRY_OVERHEAD_BYTES = 2048;
const TAG_OVERHEAD_BYTES = 96;
/** Refinements waiting at most; past this a hit does not queue one (a later hit will). */
const MAX_QUEUED_REFINEMENTS = 64;
const GZIP_LEVEL = 9;
const BROTLI_QUALITY = 6;

export function entryCost(key: string, page: CachedPage): number {
  let tags = 0;
  for (const tag of page.tags) tags += TAG_OVERHEAD_BYTES + 2 * tag.length;
  return page.identity.length + (page.gzip?.length ?? 0) + (page.br?.length ?? 0) + ENTRY_OVERHEAD_BYTES + 2 * key.length + tags;
}

/**
 * In-memory LRU of rendered pages, bounded in bytes, with tag-based invalidation: each page
 * carries the tags of what it shows (an article, a list, the settings) and a change drops
 * every page bearing one of its tags, and nothing else.
 */
/** How many keys rendered once are remembered, waiting for a second render to be stored. */
const SEEN_ONCE_LIMIT = 10_000;

export interface PageCacheOptions {
  /** runs a full garbage collection (see the constructor) */
  collectGarbage?: (() => void) | undefined;
  /** the app's clock, in ms, by which pages expire; the system's by default */
  now?: () => number;
}

export class PageCache {
  private readonly seenOnce = new Set<string>();
  private readonly lru: LRUCache<string, CachedPage>;
  private readonly keysByTag = new Map<string, Set<string>>();
  /** The invalidation count when each tag was last invalidated, to refuse stale renders. */
  private readonly invalidatedAt = new Map<string, number>();
  private generation = 0;
  /** Keys only, so a queued page that is dropped meanwhile is not kept alive by the queue. */
  private readonly refinements: string[] = [];
  private readonly queued = new WeakSet<CachedPage>();
  private refining: Promise<void> | null = null;

  private droppedSinceCollection = 0;
  private isCollectionScheduled = false;
  private readonly collectGarbage: (() => void) | undefined;
  private readonly now: () => number;

  /**
   * `collectGarbage`, when given, runs a full garbage collection after every `maxBytes / 2`
   * of dropped pages: V8 frees a dropped page's buffers only in a full collection, which on
   * its own it starts late (after tens of MB of new external memory), so without it a
   * stream of misses holds a heap of dead pages beside the live ones (measured: 271–282 MB
   * RSS against 182 MB uncached with a 64 MB budget). The LRU keeps the other half of the
   * budget, so live and not-yet-freed pages stay within `maxBytes` (210–220 MB). A forced
   * collection is not cheap (tens of ms, and the code warms up again after it): one per
   * quarter budget cost a crawl 12% of its throughput, one per half budget about nothing.
   */
  constructor(
    private readonly maxBytes: number,
    options: PageCacheOptions = {},
  ) {
    const { collectGarbage } = options;
    this.collectGarbage = collectGarbage;
    this.now = options.now ?? Date.now;
    this.lru = new LRUCache<string, CachedPage>({
      maxSize: collectGarbage ? Math.floor(maxBytes / 2) : maxBytes,
      sizeCalculation: (page, key) => entryCost(key, page),
      dispose: (page, key) => {
        this.forgetTags(key, page.tags);
        this.noteDropped(entryCost(key, page));
      },
    });
  }

  private noteDropped(bytes: number): void {
    this.droppedSinceCollection += bytes;
    if (!this.collectGarbage || this.isCollectionScheduled || this.droppedSinceCollection < this.maxBytes / 2) return;
    this.isCollectionScheduled = true;
    setImmediate(() => {
      this.isCollectionScheduled = false;
      this.droppedSinceCollection = 0;
      this.collectGarbage!();
    });
  }

  /**
   * Whether a fresh render of this page should be stored: not the first, which only leaves
   * its key in a small bounded set, but the second. A crawl or a flood of distinct valid URLs
   * then stores, hashes, evicts and collects nothing, so such a miss costs what no cache
   * costs; a page readers come back to is kept from their second visit. (The set is emptied
   * when full, as TinyLFU's doorkeeper is reset.)
   */
  admits(key: string): boolean {
    if (this.seenOnce.delete(key)) return true;
    if (this.seenOnce.size >= SEEN_ONCE_LIMIT) this.seenOnce.clear();
    this.seenOnce.add(key);
    return false;
  }

  /** The stored page, unless it has expired (then it is dropped); its first hit queues its refinement. */
  get(key: string): CachedPage | undefined {
    const page = this.lru.get(key);
    if (!page) return undefined;
    if (page.expiresAt !== null && this.now() >= page.expiresAt) {
      this.lru.delete(key);
      return undefined;
    }
    if (page.gzip === null) this.queueRefinement(key, page);
    return page;
  }

  /** Call before rendering; pass the result to `set` so a render overtaken by a change is not kept. */
  begin(): number {
    return this.generation;
  }

  /** Stores a fresh render as it is (plus its ETag); compression waits for a second request. */
  set(key: string, page: PageToCache, startedAt: number): CachedPage {
    const identity = typeof page.body === 'string' ? Buffer.from(page.body) : page.body;
    const cached: CachedPage = {
      contentType: page.contentType,
      identity,
      gzip: null,
      br: null,
      etag: `W/"${createHash('sha1').update(identity).digest('base64url')}"`,
      lastModified: page.lastModified.toUTCString(),
      tags: page.tags,
      expiresAt: page.expiresAt ? page.expiresAt.getTime() : null,
    };
    if (!this.isStale(page.tags, startedAt) && !(cached.expiresAt !== null && this.now() >= cached.expiresAt)) {
      this.lru.set(key, cached);
      for (const tag of page.tags) {
        let keys = this.keysByTag.get(tag);
        if (!keys) this.keysByTag.set(tag, (keys = new Set()));
        keys.add(key);
      }
    }
    return cached;
  }

  /** Resolves when no refinement is queued or running (for tests and the benchmark). */
  async settled(): Promise<void> {
    while (this.refining) await this.refining;
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

  private queueRefinement(key: string, page: CachedPage): void {
    if (this.queued.has(page) || this.refinements.length >= MAX_QUEUED_REFINEMENTS) return;
    this.queued.add(page);
    this.refinements.push(key);
    this.startRefining();
  }

  private startRefining(): void {
    if (this.refining) return;
    this.refining = this.refine().finally(() => {
      this.refining = null;
      if (this.refinements.length > 0) this.startRefining();
    });
  }

  /**
   * Makes the gzip -9 and brotli copies of pages that were asked for again,
   * one page at a time on the thread pool, so the work never competes with more than one
   * core. A page dropped or replaced meanwhile is skipped.
   */
  private async refine(): Promise<void> {
    for (let key = this.refinements.shift(); key !== undefined; key = this.refinements.shift()) {
      const page = this.lru.peek(key);
      if (!page || page.gzip !== null) continue;
      try {
        const betterGzip = await gzip(page.identity, { level: GZIP_LEVEL });
        const br = await brotli(page.identity, {
          params: {
            [zlib.constants.BROTLI_PARAM_QUALITY]: BROTLI_QUALITY,
            [zlib.constants.BROTLI_PARAM_SIZE_HINT]: page.identity.length,
            // A window no larger than the page: the encoder's memory follows it (4 MB by default).
            [zlib.constants.BROTLI_PARAM_LGWIN]: Math.max(16, Math.min(24, Math.ceil(Math.log2(page.identity.length + 1)))),
          },
        });
        // A new object, so anything prepared from the old one (the front's headers) is not reused.
        if (this.lru.peek(key) === page) this.lru.set(key, { ...page, gzip: betterGzip, br }, { noDisposeOnSet: true });
      } catch {
        // The page stays uncompressed; serving it so is correct.
      }
    }
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
