import type { Database } from '../db/database.js';
import { readCorpusTerms } from './read-corpus-terms.js';
import {
  allTopicParents,
  articleLinkBatches,
  deleteAllArticleTerms,
  deleteListsOfUnpublished,
  insertArticleTerms,
  replaceAllDocumentCounts,
  replaceRelatedLists,
  type RelatedListRow,
} from './related-bulk.queries.js';
import { buildPostings, createScratch, relatedListFor, sortedWeights, type MemoryCorpus } from './related-memory-index.js';
import { recencyOf, topicWeights } from './related-method.js';
import { compareTerms } from './term-vector.js';

export interface RebuildRelatedOptions {
  /** Articles read per query and written per transaction (default 2,000). */
  batchSize?: number;
  /** Called after each batch of each phase, e.g. for a progress line in a CLI. */
  onProgress?: (progress: RebuildProgress) => void;
}

export interface RebuildProgress {
  phase: 'counting terms' | 'weighing terms' | 'scoring and writing';
  done: number;
}

export interface RebuildRelatedSummary {
  articleCount: number;
  vocabularySize: number; // rows now in term_frequencies
  termRowCount: number; // rows now in article_terms
  relatedRowCount: number; // rows now in article_related
}

/**
 * Recomputes document counts, term vectors and every related list from all published
 * articles, for bulk seeding and imports (the method: related-method.ts). Two streaming
 * passes over the text (read-corpus-terms.ts) — the first counts document frequencies, the
 * second weighs each article's terms — so bodies are never all in memory; what stays is
 * 32 terms per article. Lists are then scored from an in-memory inverted index and written
 * batch by batch, each batch in its own transaction, so other requests keep getting turns
 * on the database. The inverted index is emptied first: a rebuild stopped midway leaves it
 * partial, and the cure is to run it again.
 */
export async function rebuildAllRelated(db: Database, options: RebuildRelatedOptions = {}): Promise<RebuildRelatedSummary> {
  const batchSize = options.batchSize ?? 2000;
  const report = options.onProgress ?? (() => {});
  const terms = await readCorpusTerms(db, { batchSize, report: (phase, done) => report({ phase, done }) });
  const { ids, publishedAt, vocabulary, termCount, termIds, termWeights } = terms;
  const articleCount = ids.length;
  const docIndex = new Map(ids.map((id, d) => [id, d]));

  const corpus: MemoryCorpus = {
    ids,
    indexOfId: docIndex,
    recency: Float64Array.from(publishedAt, recencyOf),
    ...(await loadTaxonomy(db, docIndex, terms.primaryTopicIds, batchSize)),
    termsPerArticle: terms.termsPerArticle,
    termCount,
    termIds,
    termWeights,
    vocabularySize: vocabulary.length,
  };
  const postings = buildPostings(corpus);
  const scratch = createScratch(corpus);

  await replaceAllDocumentCounts(
    db,
    vocabulary.map((term, t) => ({ term, document_count: terms.documentCounts[t]! })),
  );
  // The index is rewritten whole: emptied once, then filled in large chunks in key order.
  await deleteAllArticleTerms(db);
  let termRowCount = 0;
  let relatedRowCount = 0;
  for (let chunk = 0; chunk < articleCount; chunk += TERMS_CHUNK) {
    const chunkEnd = Math.min(articleCount, chunk + TERMS_CHUNK);
    termRowCount += await insertArticleTerms(db, termRowsInKeyOrder(corpus, vocabulary, chunk, chunkEnd));
    for (let from = chunk; from < chunkEnd; from += batchSize) {
      const to = Math.min(chunkEnd, from + batchSize);
      const rows: RelatedListRow[] = [];
      for (let d = from; d < to; d++) {
        relatedListFor(d, corpus, postings, scratch).forEach((c, i) =>
          rows.push({ article_id: ids[d]!, rank: i + 1, related_id: c.id, score: c.score }),
        );
      }
      await replaceRelatedLists(db, ids.slice(from, to), rows);
      relatedRowCount += rows.length;
      report({ phase: 'scoring and writing', done: to });
    }
  }
  await deleteListsOfUnpublished(db);
  return { articleCount, vocabularySize: vocabulary.length, termRowCount, relatedRowCount };
}

// Articles whose terms go in one sorted sweep and one transaction: 320,000 rows, held
// only as sorted keys, written in a few seconds.
const TERMS_CHUNK = 10_000;

/**
 * The article_terms rows of articles [from, to), sorted by (term, article): inserted in
 * that order, each insert walks the (term, article_id) primary key forward instead of
 * jumping around an index far larger than SQLite's page cache, which made writing the
 * slowest part of a 100,000-article rebuild. Term ids follow term text order and slots
 * follow article order, so a numeric sort of term id × all slots + slot is that order.
 * Rows are made as they are inserted; only the sorted keys (8 bytes a row) are held.
 */
function* termRowsInKeyOrder(
  corpus: MemoryCorpus,
  vocabulary: readonly string[],
  from: number,
  to: number,
): Generator<{ term: string; article_id: string; weight: number }> {
  const { termsPerArticle: slots, termCount, termIds, termWeights, ids } = corpus;
  const allSlots = ids.length * slots;
  let size = 0;
  for (let d = from; d < to; d++) size += termCount[d]!;
  const keys = new Float64Array(size);
  let at = 0;
  for (let d = from; d < to; d++) {
    for (let slot = d * slots; slot < d * slots + termCount[d]!; slot++) keys[at++] = termIds[slot]! * allSlots + slot;
  }
  for (const key of keys.sort()) {
    const slot = key % allSlots;
    yield { term: vocabulary[(key - slot) / allSlots]!, article_id: ids[Math.floor(slot / slots)]!, weight: termWeights[slot]! };
  }
}

type CorpusTaxonomy = Pick<MemoryCorpus, 'primaryTopic' | 'linkedTopics' | 'topicSets' | 'tags' | 'topicMembers' | 'tagMembers'>;

/**
 * Topics (with ancestry weights) and tags of the corpus as small integers, and the member
 * lists of every topic and tag, which keep unpublished articles too so that "nearest in id
 * order" counts the same articles as the SQL path does.
 */
async function loadTaxonomy(
  db: Database,
  docIndex: ReadonlyMap<string, number>,
  primaryTopicIds: readonly string[],
  batchSize: number,
): Promise<CorpusTaxonomy> {
  const topics = (await allTopicParents(db)).sort((a, b) => compareTerms(a.id, b.id));
  const topicIndex = new Map(topics.map((topic, i) => [topic.id, i]));
  const indexOfTopic = (id: string) => {
    let i = topicIndex.get(id);
    if (i === undefined) topicIndex.set(id, (i = topicIndex.size)); // not in topics: no ancestry
    return i;
  };
  const parentOf = new Map<number, number>();
  for (const topic of topics) if (topic.parentId !== null) parentOf.set(indexOfTopic(topic.id), indexOfTopic(topic.parentId));
  const ancestorMemo = new Map<number, number[]>();
  const ancestorsOf = (topic: number): number[] => {
    let chain = ancestorMemo.get(topic);
    if (!chain) {
      chain = [];
      // The chain check guards against a parent cycle written by hand into the table.
      for (let p = parentOf.get(topic); p !== undefined && p !== topic && !chain.includes(p); p = parentOf.get(p)) chain.push(p);
      ancestorMemo.set(topic, chain);
    }
    return chain;
  };

  const primaryTopic = Int32Array.from(primaryTopicIds, indexOfTopic);
  const linkedTopics: number[][] = Array.from(primaryTopic, () => []);
  const topicMembers = new Map<number, string[]>();
  for await (const rows of articleLinkBatches(db, 'article_topics', batchSize * 5)) {
    for (const row of rows) {
      const topic = indexOfTopic(row.linkedId);
      membersOf(topicMembers, topic).push(row.articleId);
      const d = docIndex.get(row.articleId);
      if (d !== undefined) linkedTopics[d]!.push(topic);
    }
  }
  const tagIndex = new Map<string, number>();
  const tags: number[][] = Array.from(primaryTopic, () => []);
  const tagMembers = new Map<number, string[]>();
  for await (const rows of articleLinkBatches(db, 'article_tags', batchSize * 5)) {
    for (const row of rows) {
      let tag = tagIndex.get(row.linkedId);
      if (tag === undefined) tagIndex.set(row.linkedId, (tag = tagIndex.size));
      membersOf(tagMembers, tag).push(row.articleId);
      const d = docIndex.get(row.articleId);
      if (d !== undefined) tags[d]!.push(tag);
    }
  }
  // Rows come in (article, topic) key order, so each article's links are unique but the member lists need sorting.
  for (const list of [...topicMembers.values(), ...tagMembers.values()]) list.sort(compareTerms);
  const topicSets = linkedTopics.map((linked, d) => sortedWeights(topicWeights(primaryTopic[d]!, linked, ancestorsOf)));
  return { primaryTopic, linkedTopics, topicSets, tags, topicMembers, tagMembers };
}

function membersOf(lists: Map<number, string[]>, key: number): string[] {
  let list = lists.get(key);
  if (!list) lists.set(key, (list = []));
  return list;
}
