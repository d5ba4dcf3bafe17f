import os from 'node:os';
import { Worker } from 'node:worker_threads';
import { importedCommentRows, insertCommentRows } from '../comments/index.js';
import { type ContentDeps, recountCommentCounts, saveNewArticles } from '../content/index.js';
import { rebuildAllRelated } from '../related/index.js';
import type { DemoSite } from '../demo/demo-types.js';
import { LONG_TAIL_TOPICS } from '../demo/large-site-topics.js';
import { SYSTEM_ACTOR } from '../accounts/index.js';
import { createTopic } from '../taxonomy/index.js';
import type { GeneratedArticle, WorkerInput, WorkerMessage } from './large-site-worker.js';
import type { SeededSite } from './seed-demo-site.js';

export interface LargeSeedOptions {
  count: number;
  workers?: number;
  batchSize?: number;
  onProgress?: (message: string) => void;
}

/**
 * Adds `count` generated articles (with comments in proportion) to a freshly seeded demo
 * site: worker threads write the articles, the main thread saves them in batches through
 * the bulk path (validated, sanitized, with revisions and listings, one transaction a
 * batch), then related articles are computed once for all.
 */
export async function seedLargeSite(deps: ContentDeps, site: DemoSite, seeded: SeededSite, options: LargeSeedOptions): Promise<void> {
  const log = options.onProgress ?? (() => {});
  // The long tail of small topics the generated articles name besides the demo's.
  for (const topic of LONG_TAIL_TOPICS) {
    const parentId = seeded.topicIds.get(topic.parentSlug ?? '');
    if (parentId === undefined) throw new Error(`long-tail topic ${topic.slug} names an unknown parent ${topic.parentSlug}`);
    const { slug, name, kind, description, aliases } = topic;
    const created = await createTopic(deps, SYSTEM_ACTOR, { slug, name, kind, description, aliases, parentId, position: seeded.topicIds.size });
    seeded.topicIds.set(slug, created.id);
  }
  const workers = options.workers ?? Math.max(1, os.availableParallelism() - 1);
  const imageUrls = Object.fromEntries([...seeded.images].map(([key, image]) => [key, image.url]));
  const started = Date.now();
  let written = 0;
  let queue = Promise.resolve();
  const save = (articles: GeneratedArticle[]) => {
    queue = queue.then(async () => {
      await saveBatch(deps, articles, seeded);
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
        now: deps.clock.now().toISOString(),
        images: site.images,
        imageUrls,
        batchSize: options.batchSize ?? 500,
      };
      return runWorker(input, save);
    }),
  );
  await queue;
  log(`articles written in ${((Date.now() - started) / 1000).toFixed(0)} s; computing related articles`);
  const relatedStarted = Date.now();
  await rebuildAllRelated(deps.db);
  log(`related articles computed in ${((Date.now() - relatedStarted) / 1000).toFixed(0)} s`);
}

async function saveBatch(deps: ContentDeps, articles: GeneratedArticle[], seeded: SeededSite): Promise<void> {
  const id = (map: Map<string, string>, key: string) => {
    const value = map.get(key);
    if (!value) throw new Error(`generated article names an unknown ${key}`);
    return value;
  };
  // Nothing serves this site yet, so there is no page cache to clear, and related lists are
  // rebuilt in one pass at the end: announcing each article would only cost time.
  const saved = await saveNewArticles(
    deps,
    articles.map((a) => ({
      input: {
        slug: a.slug,
        title: a.title,
        dek: a.dek,
        body: a.bodyHtml,
        status: 'published',
        publishedAt: a.publishedAt,
        primaryTopicId: id(seeded.topicIds, a.primaryTopicSlug),
        topicIds: a.topicSlugs.map((s) => id(seeded.topicIds, s)),
        tagIds: a.tagSlugs.map((s) => id(seeded.tagIds, s)),
        authorIds: a.authorSlugs.map((s) => id(seeded.userIds, s)),
        featuredMediaId: a.featuredImageKey ? (seeded.images.get(a.featuredImageKey)?.id ?? null) : null,
        isFeatured: a.isFeatured,
        source: a.source,
      },
      updatedAt: new Date(a.publishedAt),
    })),
    { announce: 'none' },
  );
  const commentRows = articles.flatMap((a, i) => {
    const publishedAt = new Date(a.publishedAt).getTime();
    const comments = a.comments.map((c) => ({ ...c, status: 'approved' as const, createdAt: new Date(publishedAt + c.minutesAfterPublish * 60_000) }));
    return importedCommentRows(saved[i]!.id, comments).rows;
  });
  await insertCommentRows(deps.db, commentRows);
  await recountCommentCounts(deps.db, saved.filter((_, i) => articles[i]!.comments.length > 0).map((s) => s.id));
}

function runWorker(input: WorkerInput, onBatch: (articles: GeneratedArticle[]) => void): Promise<void> {
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
