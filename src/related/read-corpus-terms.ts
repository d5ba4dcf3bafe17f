import type { Database } from '../db/database.js';
import { publishedArticleBatches } from './related-bulk.queries.js';
import { TERMS_PER_ARTICLE } from './related-method.js';
import { createTermCounter } from './term-counter.js';
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
  report: (phase: 'counting terms' | 'weighing terms', done: number) => void;
}

/**
 * Streams the published articles twice: pass 1 counts in how many articles each term
 * occurs, pass 2 weighs each article's terms against those counts. One term counter
 * serves both passes, so each distinct word is normalized and stemmed once in all.
 * (Worker threads were tried for the passes: on two cores the copying to and from them
 * cost more than the parallelism gave.)
 */
export async function readCorpusTerms(db: Database, { batchSize, report }: ReadCorpusOptions): Promise<CorpusTerms> {
  const counter = createTermCounter();
  const ids: string[] = [];
  const publishedAt: Array<string | null> = [];
  const primaryTopicIds: string[] = [];
  for await (const batch of publishedArticleBatches(db, batchSize)) {
    for (const article of batch) {
      ids.push(article.id);
      publishedAt.push(article.publishedAt);
      primaryTopicIds.push(article.primaryTopicId);
      counter.countDocument(article);
    }
    report('counting terms', ids.length);
  }
  // Term ids in text order, so merging two articles' id-sorted terms walks them as the SQL path does.
  const vocabulary = counter.terms().sort(compareTerms);
  const documentCounts = vocabulary.map((term) => counter.documentCount(term));

  const docIndex = new Map(ids.map((id, d) => [id, d]));
  const termIndex = new Map(vocabulary.map((term, t) => [term, t]));
  const slots = TERMS_PER_ARTICLE;
  const termCount = new Uint8Array(ids.length);
  const termIds = new Int32Array(ids.length * slots);
  const termWeights = new Float64Array(ids.length * slots);
  let read = 0;
  for await (const batch of publishedArticleBatches(db, batchSize)) {
    for (const article of batch) {
      const d = docIndex.get(article.id);
      if (d === undefined) continue; // published during the rebuild: its own refresh indexes it
      const vector = counter.weigh(article, ids.length);
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
    read += batch.length;
    report('weighing terms', read);
  }
  return { ids, publishedAt, primaryTopicIds, vocabulary, documentCounts, termsPerArticle: slots, termCount, termIds, termWeights };
}
