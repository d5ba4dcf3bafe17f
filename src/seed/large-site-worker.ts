/*
 * A worker thread of the large-site seeder: writes its share of the generated articles
 * and prepares their text (sanitize, anchors, pictures) — the CPU-heavy part — so that
 * the main thread only inserts.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { prepareArticleText } from '../content/body-html.js';
import { generateLargeSiteArticles } from '../demo/generate-large-site.js';
import type { DemoArticle, DemoImage } from '../demo/demo-types.js';
import type { MediaImage } from '../media/media.js';

export interface WorkerInput {
  from: number;
  to: number;
  count: number;
  now: string;
  images: DemoImage[];
  mediaByKey: Record<string, MediaImage>;
  batchSize: number;
}

export type PreparedArticle = Omit<DemoArticle, 'bodyHtml' | 'publishedAt'> & {
  publishedAt: string;
  html: string;
  excerpt: string;
  toc: { id: string; text: string; level: 2 | 3 }[];
  wordCount: number;
};

export type WorkerMessage = { type: 'batch'; articles: PreparedArticle[] } | { type: 'done' };

const input = workerData as WorkerInput;
const mediaBySrc = new Map(Object.values(input.mediaByKey).map((m) => [m.url, m]));
let batch: PreparedArticle[] = [];
const generator = generateLargeSiteArticles(input.count, { now: new Date(input.now), images: input.images, from: input.from, to: input.to });
for (const article of generator) {
  const body = article.bodyHtml.replace(/src="demo:([^"]+)"/g, (_m, key: string) => `src="${input.mediaByKey[key]?.url ?? ''}"`);
  const text = prepareArticleText({ body, dek: article.dek, excerpt: '' }, mediaBySrc);
  const { bodyHtml: _raw, publishedAt, ...rest } = article;
  batch.push({ ...rest, publishedAt: publishedAt.toISOString(), html: text.body.html, excerpt: text.excerpt, toc: text.body.toc, wordCount: text.body.wordCount });
  if (batch.length >= input.batchSize) {
    parentPort!.postMessage({ type: 'batch', articles: batch } satisfies WorkerMessage);
    batch = [];
  }
}
if (batch.length) parentPort!.postMessage({ type: 'batch', articles: batch } satisfies WorkerMessage);
parentPort!.postMessage({ type: 'done' } satisfies WorkerMessage);
