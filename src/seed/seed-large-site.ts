import os from 'node:os';
import { Worker } from 'node:worker_threads';
import { insertCommentRows, importedCommentRows } from '../comments/index.js';
import { type BulkArticle, insertPublishedArticles } from '../content/index.js';
import { rebuildAllRelated } from '../related/index.js';
import type { Database } from '../db/database.js';
import type { DemoSite } from '../demo/demo-types.js';
import type { MediaImage } from '../media/index.js';
import { newId } from '../shared/ids.js';
import type { Clock } from '../shared/clock.js';
import type { PreparedArticle, WorkerInput, WorkerMessage } from './large-site-worker.js';
import type { SeededSite } from './seed-demo-site.js';

export interface LargeSeedOptions {
  count: number;
  workers?: number;
  batchSize?: number;
  onProgress?: (message: string) => void;
}

/**
 * Adds `count` generated articles (with comments in proportion) to a freshly seeded demo
 * site: worker threads write and prepare the articles, the main thread inserts them in
 * batched multi-row transactions, then related articles are computed once for all.
 */
export async function seedLargeSite(db: Database, clock: Clock, site: DemoSite, seeded: SeededSite, options: LargeSeedOptions): Promise<void> {
  const log = options.onProgress ?? (() => {});
  const workers = options.workers ?? Math.max(1, os.availableParallelism() - 1);
  const topicAncestors = ancestorMap(site, seeded);
  const mediaByKey: Record<string, MediaImage> = Object.fromEntries(seeded.images);
  const started = Date.now();
  let written = 0;
  let queue = Promise.resolve();
  const insert = (articles: PreparedArticle[]) => {
    queue = queue.then(async () => {
      await insertBatch(db, clock, articles, seeded, topicAncestors);
      written += articles.length;
      if (written % 10_000 < articles.length) log(`${written} / ${options.count} articles (${((Date.now() - started) / 1000).toFixed(0)} s)`);
    });
  };
  const share = Math.ceil(options.count / workers);
  await Promise.all(
    Array.from({ length: workers }, (_, w) => {
      const input: WorkerInput = {
        from: w * share,
        to: Math.min(options.count, (w + 1) * share),
        count: options.count,
        now: clock.now().toISOString(),
        images: site.images,
        mediaByKey,
        batchSize: options.batchSize ?? 500,
      };
      return runWorker(input, insert);
    }),
  );
  await queue;
  log(`articles written in ${((Date.now() - started) / 1000).toFixed(0)} s; computing related articles`);
  const relatedStarted = Date.now();
  await rebuildAllRelated(db);
  log(`related articles computed in ${((Date.now() - relatedStarted) / 1000).toFixed(0)} s`);
}

async function insertBatch(
  db: Database,
  clock: Clock,
  articles: PreparedArticle[],
  seeded: SeededSite,
  ancestors: Map<string, string[]>,
): Promise<void> {
  const id = (map: Map<string, string>, key: string) => {
    const value = map.get(key);
    if (!value) throw new Error(`generated article names an unknown ${key}`);
    return value;
  };
  const bulk: BulkArticle[] = [];
  const commentRows = [];
  for (const a of articles) {
    const articleId = newId();
    const publishedAt = new Date(a.publishedAt);
    bulk.push({
      id: articleId,
      slug: a.slug,
      title: a.title,
      dek: a.dek,
      bodyHtml: a.html,
      excerpt: a.excerpt,
      toc: a.toc,
      wordCount: a.wordCount,
      publishedAt,
      primaryTopicId: id(seeded.topicIds, a.primaryTopicSlug),
      topicIds: a.topicSlugs.map((s) => id(seeded.topicIds, s)),
      tagIds: a.tagSlugs.map((s) => id(seeded.tagIds, s)),
      authorIds: a.authorSlugs.map((s) => id(seeded.userIds, s)),
      featuredMediaId: a.featuredImageKey ? (seeded.images.get(a.featuredImageKey)?.id ?? null) : null,
      isFeatured: false,
      commentCount: a.comments.length,
    });
    const comments = a.comments.map((c) => ({
      ...c,
      status: 'approved' as const,
      createdAt: new Date(publishedAt.getTime() + c.minutesAfterPublish * 60_000),
    }));
    commentRows.push(...importedCommentRows(articleId, comments).rows);
  }
  await insertPublishedArticles(db, bulk, (topicId) => ancestors.get(topicId) ?? [topicId], clock.now());
  await insertCommentRows(db, commentRows);
}

function runWorker(input: WorkerInput, onBatch: (articles: PreparedArticle[]) => void): Promise<void> {
  return new Promise((resolve, reject) => {
    // Under tsx (npm run seed) the worker registers the same loader before reading TypeScript.
    const isTs = import.meta.url.endsWith('.ts');
    const script = new URL(`./large-site-worker.${isTs ? 'ts' : 'js'}`, import.meta.url).href;
    const worker = isTs
      ? new Worker(`import('tsx/esm/api').then((tsx) => { tsx.register(); return import(${JSON.stringify(script)}); })`, { eval: true, workerData: input })
      : new Worker(new URL(script), { workerData: input });
    worker.on('message', (message: WorkerMessage) => {
      if (message.type === 'batch') onBatch(message.articles);
    });
    worker.once('error', reject);
    worker.once('exit', (code) => (code === 0 ? resolve() : reject(new Error(`seed worker exited with ${code}`))));
  });
}

/** topic id → its id and its ancestors' ids, from the demo site's tree. */
function ancestorMap(site: DemoSite, seeded: SeededSite): Map<string, string[]> {
  const parentOf = new Map(site.topics.map((t) => [t.slug, t.parentSlug]));
  const result = new Map<string, string[]>();
  for (const topic of site.topics) {
    const chain: string[] = [];
    for (let slug: string | null | undefined = topic.slug; slug; slug = parentOf.get(slug)) chain.push(seeded.topicIds.get(slug)!);
    result.set(seeded.topicIds.get(topic.slug)!, chain);
  }
  return result;
}
