import type { Database } from '../../db/database.js';
import { createTextWorkPool, type TextWorkPool, type WeighedArticle } from './article-text-work.js';
import { publishedArticleBatches } from './related-bulk.queries.js';
import { TERMS_PER_ARTICLE } from './related-method.js';
import { compareTerms } from './term-vector.js';

/** Every published article's facts and strongest terms, as the bulk rebuild holds them. */
export interface CorpusTerms {
  ids: string[]; // in id order; an article's index in these arrays is its document index
  publishedAt: Array<string | null>;
  primaryTopicIds: string[];
  vocabulary: string[]; // every term, sorted: a term id is its place here
  documentCounts: number[]; // per term id
  termsPerArticle: number;
  termCount: Uint8Array; // terms kept per article
  termIds: Int32Array; // article d's term ids (ascending) at d × termsPerArticle
  termWeights: Float64Array;
}

export interface ReadCorpusOptions {
  batchSize: number;
  workers: number;
  report: (phase: 'counting terms' | 'weighing terms', done: number) => void;
}

/**
 * Streams the published articles twice: pass 1 counts in how many articles each term
 * occurs, pass 2 weighs each article's terms against those counts. Batches are read on
 * this thread and worked on by the pool while the next batch is read.
 */
export async function readCorpusTerms(db: Database, options: ReadCorpusOptions): Promise<CorpusTerms> {
  const pool = createTextWorkPool(options.workers);
  try {
    return await readWithPool(db, pool, options);
  } finally {
    await pool.close();
  }
}

async function readWithPool(db: Database, pool: TextWorkPool, { batchSize, report }: ReadCorpusOptions): Promise<CorpusTerms> {
  const ids: string[] = [];
  const publishedAt: Array<string | null> = [];
  const primaryTopicIds: string[] = [];
  const counting = new Pipeline(pool.size * 2);
  for await (const batch of publishedArticleBatches(db, batchSize)) {
    for (const article of batch) {
      ids.push(article.id);
      publishedAt.push(article.publishedAt);
      primaryTopicIds.push(article.primaryTopicId);
    }
    for (const share of shares(batch, pool.size)) await counting.add(pool.count(share));
    report('counting terms', ids.length);
  }
  await counting.drain();

  const totals = new Map<string, number>();
  for (const { terms, counts } of await pool.counts()) {
    terms.forEach((term, i) => totals.set(term, (totals.get(term) ?? 0) + counts[i]!));
  }
  // Term ids in text order, so merging two articles' id-sorted terms walks them as the SQL path does.
  const vocabulary = [...totals.keys()].sort(compareTerms);
  const documentCounts = vocabulary.map((term) => totals.get(term)!);
  totals.clear();
  await pool.useVocabulary(vocabulary, documentCounts, ids.length);

  const docIndex = new Map(ids.map((id, d) => [id, d]));
  const termIndex = new Map(vocabulary.map((term, t) => [term, t]));
  const slots = TERMS_PER_ARTICLE;
  const termCount = new Uint8Array(ids.length);
  const termIds = new Int32Array(ids.length * slots);
  const termWeights = new Float64Array(ids.length * slots);
  const keep = (weighed: WeighedArticle[]) => {
    for (const vector of weighed) {
      const d = docIndex.get(vector.id);
      if (d === undefined) continue; // published during the rebuild: its own refresh indexes it
      let k = 0;
      for (let i = 0; i < vector.terms.length; i++) {
        const t = termIndex.get(vector.terms[i]!);
        if (t === undefined) continue; // a word edited in during the rebuild; the next refresh settles it
        termIds[d * slots + k] = t;
        termWeights[d * slots + k] = vector.weights[i]!;
        k++;
      }
      termCount[d] = k;
    }
  };
  const weighing = new Pipeline(pool.size * 2);
  let read = 0;
  for await (const batch of publishedArticleBatches(db, batchSize)) {
    for (const share of shares(batch, pool.size)) await weighing.add(pool.weigh(share).then(keep));
    read += batch.length;
    report('weighing terms', read);
  }
  await weighing.drain();
  return { ids, publishedAt, primaryTopicIds, vocabulary, documentCounts, termsPerArticle: slots, termCount, termIds, termWeights };
}

/** The batch cut into `parts` nearly equal runs, one per thread. */
function shares<T>(batch: T[], parts: number): T[][] {
  const size = Math.ceil(batch.length / parts);
  const out: T[][] = [];
  for (let i = 0; i < batch.length; i += size) out.push(batch.slice(i, i + size));
  return out;
}

/** At most `limit` tasks in flight: add() waits for the oldest when full; the first failure wins. */
class Pipeline {
  private readonly tasks: Array<Promise<void>> = [];
  private failure: unknown = null;

  constructor(private readonly limit: number) {}

  async add(task: Promise<void>): Promise<void> {
    this.tasks.push(task.catch((error: unknown) => void (this.failure ??= error)));
    while (this.tasks.length >= this.limit) await this.tasks.shift();
    if (this.failure) throw this.failure;
  }

  async drain(): Promise<void> {
    await Promise.all(this.tasks.splice(0));
    if (this.failure) throw this.failure;
  }
}
