import { sql } from 'kysely';
import type { Database } from '../db/database.js';
import { rowChunks } from '../shared/row-chunks.js';
import { trigramsOf, type VocabularyChange } from './vocabulary.js';

/**
 * Applies a vocabulary change: counts go up or down; a term new to the vocabulary gets its
 * trigrams, a term no published article uses any more goes (its trigrams with it, by the
 * foreign key). Terms in sorted order, so concurrent writers on PostgreSQL lock rows in one
 * order and cannot deadlock.
 */
export async function applyVocabularyChange(db: Database, change: VocabularyChange): Promise<void> {
  const entries = [...change].filter(([, delta]) => delta !== 0).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const added = entries.filter(([, delta]) => delta > 0);
  for (const chunk of rowChunks(added)) {
    const rows = await db
      .insertInto('search_terms')
      .values(chunk.map(([term, delta]) => ({ term, document_count: delta })))
      .onConflict((oc) => oc.column('term').doUpdateSet((eb) => ({ document_count: eb('search_terms.document_count', '+', eb.ref('excluded.document_count')) })))
      .returning(['term', 'document_count'])
      .execute();
    // A count equal to what was added is a term that was not there before.
    const deltas = new Map(chunk);
    const fresh = rows.filter((r) => Number(r.document_count) === deltas.get(r.term)).map((r) => r.term);
    const trigrams = fresh.flatMap((term) => trigramsOf(term).map((trigram) => ({ trigram, term })));
    for (const rowsOfTrigrams of rowChunks(trigrams)) {
      await db.insertInto('search_term_trigrams').values(rowsOfTrigrams).onConflict((oc) => oc.doNothing()).execute();
    }
  }
  const removed = entries.filter(([, delta]) => delta < 0);
  const byDelta = new Map<number, string[]>();
  for (const [term, delta] of removed) byDelta.set(delta, [...(byDelta.get(delta) ?? []), term]);
  for (const [delta, terms] of byDelta) {
    for (const chunk of rowChunks(terms)) {
      await db
        .updateTable('search_terms')
        .set((eb) => ({ document_count: eb('document_count', '+', delta) }))
        .where('term', 'in', chunk)
        .execute();
    }
  }
  for (const chunk of rowChunks(removed.map(([term]) => term))) {
    await db.deleteFrom('search_terms').where('term', 'in', chunk).where('document_count', '<=', 0).execute();
  }
}

export interface TermCandidate {
  term: string;
  documentCount: number;
}

/** The vocabulary terms that share the most trigrams with a word, most shared first. */
export async function termsSharingTrigrams(db: Database, word: string, options: { limit: number; maxLengthDifference: number }): Promise<TermCandidate[]> {
  const length = [...word].length;
  const rows = await db
    .selectFrom('search_term_trigrams as g')
    .innerJoin('search_terms as t', 't.term', 'g.term')
    .select(['g.term', 't.document_count', (eb) => eb.fn.countAll<number>().as('shared')])
    .where('g.trigram', 'in', trigramsOf(word))
    // A term too much longer or shorter is beyond the edit distance allowed: not grouped at all.
    .where(sql<number>`length(t.term)`, '>=', length - options.maxLengthDifference)
    .where(sql<number>`length(t.term)`, '<=', length + options.maxLengthDifference)
    .groupBy(['g.term', 't.document_count'])
    .orderBy('shared', 'desc')
    .orderBy('t.document_count', 'desc')
    .limit(options.limit)
    .execute();
  return rows.map((r) => ({ term: r.term, documentCount: Number(r.document_count) }));
}

export async function documentCountOf(db: Database, term: string): Promise<number> {
  const row = await db.selectFrom('search_terms').select('document_count').where('term', '=', term).executeTakeFirst();
  return row ? Number(row.document_count) : 0;
}
