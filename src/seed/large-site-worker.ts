/*
 * A worker thread of the large-site seeder: writes its share of the generated articles,
 * with each image's demo key replaced by the stored image's URL, and posts them in batches.
 * The main thread saves each batch through the content feature's bulk path, which
 * sanitizes and prepares the bodies as every save does.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { generateLargeSiteArticles } from '../demo/generate-large-site.js';
import type { DemoArticle, DemoImage } from '../demo/demo-types.js';

export interface WorkerInput {
  from: number;
  to: number;
  count: number;
  now: string;
  images: DemoImage[];
  /** demo image key → the stored image's URL */
  imageUrls: Record<string, string>;
  batchSize: number;
}

/** A generated article as posted to the main thread: dates as text, images at their URLs. */
export type GeneratedArticle = Omit<DemoArticle, 'publishedAt'> & { publishedAt: string };

export type WorkerMessage = { type: 'batch'; articles: GeneratedArticle[] } | { type: 'done' };

const input = workerData as WorkerInput;
let batch: GeneratedArticle[] = [];
const generator = generateLargeSiteArticles(input.count, { now: new Date(input.now), images: input.images, from: input.from, to: input.to });
for (const article of generator) {
  const bodyHtml = article.bodyHtml.replace(/src="demo:([^"]+)"/g, (_m, key: string) => `src="${input.imageUrls[key] ?? ''}"`);
  batch.push({ ...article, bodyHtml, publishedAt: article.publishedAt.toISOString() });
  if (batch.length >= input.batchSize) {
    parentPort!.postMessage({ type: 'batch', articles: batch } satisfies WorkerMessage);
    batch = [];
  }
}
if (batch.length) parentPort!.postMessage({ type: 'batch', articles: batch } satisfies WorkerMessage);
parentPort!.postMessage({ type: 'done' } satisfies WorkerMessage);
