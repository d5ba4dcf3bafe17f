import os from 'node:os';
import { Worker } from 'node:worker_threads';
import { createTermCounter } from './term-counter.js';
import { buildTermVector, type TermVector } from './term-vector.js';
import type { ArticleText } from './text-terms.js';

/*
 * The text half of a bulk rebuild — reading every word twice, first to count document
 * frequencies, then to weigh each article's terms — is most of its CPU and splits cleanly
 * by article. So it runs on worker threads (related-text-worker.ts) when the machine has
 * cores to spare, and in process otherwise; both run the same TextWork, so the results
 * are the same to the bit.
 */

export type ArticleToWeigh = ArticleText & { id: string };

export type WeighedArticle = TermVector & { id: string };

/** The text work of one thread: its own term counter, kept warm between the passes. */
export interface TextWork {
  /** Pass 1: tallies the articles into this thread's document counts. */
  count(articles: ArticleText[]): void;
  /** This thread's tallies, to be summed over threads. */
  counts(): { terms: string[]; counts: number[] };
  /** Before pass 2: the corpus-wide document counts and published-article count. */
  useVocabulary(terms: string[], counts: number[], publishedCount: number): void;
  /** Pass 2: each article's term vector. */
  weigh(articles: ArticleToWeigh[]): WeighedArticle[];
}

export function createTextWork(): TextWork {
  const counter = createTermCounter();
  let documentCounts = new Map<string, number>();
  let publishedCount = 0;
  return {
    count: (articles) => articles.forEach((article) => counter.countDocument(article)),
    counts: () => {
      const terms = counter.terms();
      return { terms, counts: terms.map((term) => counter.documentCount(term)) };
    },
    useVocabulary: (terms, counts, published) => {
      documentCounts = new Map(terms.map((term, i) => [term, counts[i]!]));
      publishedCount = published;
    },
    weigh: (articles) =>
      articles.map((article) => ({
        id: article.id,
        ...buildTermVector(counter.frequencies(article), (term) => documentCounts.get(term) ?? 0, publishedCount),
      })),
  };
}

/** A request to a text worker, named after the TextWork method it calls. */
export type TextWorkRequest =
  | { method: 'count'; articles: ArticleText[] }
  | { method: 'counts' }
  | { method: 'useVocabulary'; terms: string[]; counts: number[]; publishedCount: number }
  | { method: 'weigh'; articles: ArticleToWeigh[] };

export type TextWorkReply = { ok: true; result: unknown } | { ok: false; error: string };

/** TextWork spread over threads: a batch goes to whichever thread is least busy. */
export interface TextWorkPool {
  size: number;
  count(articles: ArticleText[]): Promise<void>;
  counts(): Promise<Array<{ terms: string[]; counts: number[] }>>;
  useVocabulary(terms: string[], counts: number[], publishedCount: number): Promise<void>;
  weigh(articles: ArticleToWeigh[]): Promise<WeighedArticle[]>;
  close(): Promise<void>;
}

/** Threads to use by default: one per core, none on a single core (the main thread does it). */
export function defaultTextWorkers(): number {
  const cores = os.availableParallelism();
  return cores > 1 ? cores : 0;
}

/** A pool of `workers` threads, or the main thread alone when `workers` is 0. */
export function createTextWorkPool(workers: number): TextWorkPool {
  if (workers <= 0) {
    const work = createTextWork();
    return {
      size: 1,
      count: async (articles) => work.count(articles),
      counts: async () => [work.counts()],
      useVocabulary: async (terms, counts, publishedCount) => work.useVocabulary(terms, counts, publishedCount),
      weigh: async (articles) => work.weigh(articles),
      close: async () => {},
    };
  }
  const threads = Array.from({ length: workers }, () => new TextThread());
  const leastBusy = () => threads.reduce((best, thread) => (thread.pending < best.pending ? thread : best));
  const all = <T>(request: TextWorkRequest) => Promise.all(threads.map((thread) => thread.call<T>(request)));
  return {
    size: workers,
    count: async (articles) => void (await leastBusy().call({ method: 'count', articles })),
    counts: () => all<{ terms: string[]; counts: number[] }>({ method: 'counts' }),
    useVocabulary: async (terms, counts, publishedCount) => void (await all({ method: 'useVocabulary', terms, counts, publishedCount })),
    weigh: (articles) => leastBusy().call<WeighedArticle[]>({ method: 'weigh', articles }),
    close: async () => void (await Promise.all(threads.map((thread) => thread.close()))),
  };
}

/** One worker thread answering TextWorkRequests in order. */
class TextThread {
  private readonly worker: Worker;
  private readonly waiting: Array<{ resolve: (value: unknown) => void; reject: (error: Error) => void }> = [];
  private failure: Error | null = null;

  constructor() {
    // Under tsx or Vitest the sources are TypeScript: the worker registers tsx's loader first.
    const isTs = import.meta.url.endsWith('.ts');
    const script = new URL(`./related-text-worker.${isTs ? 'ts' : 'js'}`, import.meta.url).href;
    this.worker = isTs
      ? new Worker(`import('tsx/esm/api').then((tsx) => { tsx.register(); return import(${JSON.stringify(script)}); })`, { eval: true })
      : new Worker(new URL(script));
    this.worker.on('message', (reply: TextWorkReply) => {
      const next = this.waiting.shift();
      if (reply.ok) next?.resolve(reply.result);
      else next?.reject(new Error(`related text worker: ${reply.error}`));
    });
    this.worker.once('error', (error) => this.fail(error));
    this.worker.once('exit', (code) => this.fail(new Error(`related text worker exited with code ${code}`)));
  }

  get pending(): number {
    return this.waiting.length;
  }

  call<T>(request: TextWorkRequest): Promise<T> {
    if (this.failure) return Promise.reject(this.failure);
    return new Promise<T>((resolve, reject) => {
      this.waiting.push({ resolve: resolve as (value: unknown) => void, reject });
      this.worker.postMessage(request);
    });
  }

  async close(): Promise<void> {
    this.failure ??= new Error('related text worker closed');
    await this.worker.terminate();
  }

  private fail(error: Error): void {
    this.failure ??= error;
    for (const waiter of this.waiting.splice(0)) waiter.reject(this.failure);
  }
}
