import { searchArticles, type SearchDeps, suggestQuerySpelling } from '../index.js';
import type { JudgedQuery, QueryKind } from './judged-set.js';
import { mean, ndcgAt, precisionAt } from './ranking-metrics.js';

/** The measures the issue asks for: precision of the first 5 results, graded nDCG of the first 10. */
export const PRECISION_AT = 5;
export const NDCG_AT = 10;

export interface RankingScore {
  /** the slugs of the first NDCG_AT results, best first */
  ranked: string[];
  /** how many articles matched: a number, or "1000+" past the engine's cap */
  total: string;
  precisionAt5: number;
  ndcgAt10: number;
}

export interface QueryEvaluation extends RankingScore {
  query: string;
  kind: QueryKind;
  /** the most precision@5 can be: a query with 2 relevant articles has 0.4 at best */
  bestPrecisionAt5: number;
  /**
   * The engine's "did you mean" and the results of following it, scored on the same judgements.
   * Only misspelling queries ask for it (another query's suggestion is not what it is measured on);
   * null when the engine offered none.
   */
  corrected?: (RankingScore & { query: string }) | null;
}

export interface Averages {
  queries: number;
  precisionAt5: number;
  /** the mean of the best each query's precision@5 can be, beside which precisionAt5 reads */
  bestPrecisionAt5: number;
  ndcgAt10: number;
}

export interface SearchEvaluation {
  queries: QueryEvaluation[];
  /** per kind, in the order kinds first appear in the set */
  kinds: (Averages & { kind: QueryKind })[];
  /** every query as typed: what a reader sees before following any suggestion */
  overall: Averages;
  /** the same, with each misspelling's suggestion followed where the engine offered one */
  overallWithSuggestions: Averages;
  /** the misspelled queries alone, their suggestions followed */
  misspellingsWithSuggestions: Averages;
}

/**
 * Runs every judged query through the public search (published articles, relevance order,
 * the first page of NDCG_AT) and scores the ranking. `deps.db` holds the demo site.
 */
export async function evaluateSearch(deps: SearchDeps, judged: readonly JudgedQuery[]): Promise<SearchEvaluation> {
  const queries: QueryEvaluation[] = [];
  for (const j of judged) {
    const bestPrecisionAt5 = Math.min(PRECISION_AT, Object.keys(j.relevant).length) / PRECISION_AT;
    const evaluation: QueryEvaluation = { query: j.query, kind: j.kind, bestPrecisionAt5, ...(await scoreQuery(deps, j.query, j.relevant)) };
    if (j.kind === 'misspelling') {
      const suggestion = await suggestQuerySpelling(deps.db, j.query);
      evaluation.corrected = suggestion ? { query: suggestion.query, ...(await scoreQuery(deps, suggestion.query, j.relevant)) } : null;
    }
    queries.push(evaluation);
  }
  const kinds = [...new Set(queries.map((q) => q.kind))].map((kind) => ({ kind, ...averages(queries.filter((q) => q.kind === kind)) }));
  const followed = queries.map((q) => ({ ...q, ...q.corrected }));
  return {
    queries,
    kinds,
    misspellingsWithSuggestions: averages(followed.filter((q) => q.kind === 'misspelling')),
    overall: averages(queries),
    overallWithSuggestions: averages(followed),
  };
}

async function scoreQuery(deps: SearchDeps, query: string, grades: JudgedQuery['relevant']): Promise<RankingScore> {
  const outcome = await searchArticles(deps, query, { audience: 'public', sort: 'relevance', page: 1, perPage: NDCG_AT });
  if (outcome.kind !== 'results') return { ranked: [], total: '0', precisionAt5: 0, ndcgAt10: 0 };
  const ranked = outcome.results.map((r) => r.slug);
  return {
    ranked,
    total: `${outcome.total.count}${outcome.total.isAtLeast ? '+' : ''}`,
    precisionAt5: precisionAt(PRECISION_AT, ranked, grades),
    ndcgAt10: ndcgAt(NDCG_AT, ranked, grades),
  };
}

function averages(scores: readonly { precisionAt5: number; bestPrecisionAt5: number; ndcgAt10: number }[]): Averages {
  return {
    queries: scores.length,
    precisionAt5: mean(scores.map((s) => s.precisionAt5)),
    bestPrecisionAt5: mean(scores.map((s) => s.bestPrecisionAt5)),
    ndcgAt10: mean(scores.map((s) => s.ndcgAt10)),
  };
}
