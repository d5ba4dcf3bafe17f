import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDemoDb, DEMO_NOW } from '../../../test/demo-db.js';
import { type TestDb, testDialects } from '../../../test/test-db.js';
import { htmlToText } from '../../content/index.js';
import { generateDemoSite } from '../../demo/index.js';
import { foldText } from '../search-text.js';
import { evaluateSearch, type SearchEvaluation } from './evaluate-search.js';
import { loadJudgedSet } from './judged-set.js';

/*
 * Floors under the figures measured on the demo (scripts/eval-search.ts prints them; the
 * README beside this file quotes them), a few hundredths below, so a change that makes
 * search worse for readers goes red here.
 */
const FLOORS = {
  overall: { ndcgAt10: 0.84, precisionAt5: 0.79 },
  overallWithSuggestions: { ndcgAt10: 0.92 },
  alias: { ndcgAt10: 0.9 },
};

const judged = loadJudgedSet();
const demo = generateDemoSite(new Date(DEMO_NOW));

describe('the judged set', () => {
  it('has at least 40 queries, of every kind the issue names', () => {
    expect(judged.length).toBeGreaterThanOrEqual(40);
    const kinds = new Set(judged.map((j) => j.kind));
    for (const kind of ['one word', 'two words', 'alias', 'person', 'author', 'phrase', 'misspelling', 'exclusion', 'accents'] as const) {
      expect(kinds, kind).toContain(kind);
    }
  });

  it('judges demo articles only', () => {
    const slugs = new Set(demo.articles.map((a) => a.slug));
    for (const j of judged) for (const slug of Object.keys(j.relevant)) expect(slugs, `${j.query}: ${slug}`).toContain(slug);
  });

  it('judges relevant, for an exclusion, only articles without the excluded word (else no engine could rank them)', () => {
    const nameOf = <T extends { slug: string; name: string }>(list: T[], slug: string) => list.find((x) => x.slug === slug)!;
    const searchable = new Map(
      demo.articles.map((a) => {
        const topics = a.topicSlugs.map((s) => nameOf(demo.topics, s)).flatMap((t) => [t.name, ...t.aliases]);
        const names = [...topics, ...a.tagSlugs.map((s) => nameOf(demo.tags, s).name), ...a.authorSlugs.map((s) => nameOf(demo.authors, s).name)];
        return [a.slug, ` ${foldText([a.title, a.dek, htmlToText(a.bodyHtml), ...names].join(' ')).replace(/[^\p{L}\p{N}]+/gu, ' ')} `];
      }),
    );
    for (const j of judged.filter((q) => q.kind === 'exclusion')) {
      const excluded = j.query.split(/\s+/).filter((w) => w.startsWith('-')).map((w) => foldText(w.slice(1)));
      expect(excluded.length, j.query).toBeGreaterThan(0);
      for (const slug of Object.keys(j.relevant)) for (const word of excluded) expect(searchable.get(slug), `${j.query}: ${slug}`).not.toContain(` ${word} `);
    }
  });
});

describe.each(testDialects)('search quality on the demo, %s', (dialect) => {
  let t: TestDb;
  let evaluation: SearchEvaluation;
  beforeAll(async () => {
    t = await createDemoDb(dialect);
    evaluation = await evaluateSearch({ db: t.db, dialect }, judged);
  }, 120_000);
  afterAll(async () => t?.destroy());

  it('keeps nDCG@10 and precision@5 over the judged queries above their floors', () => {
    const { overall, overallWithSuggestions } = evaluation;
    console.log(
      `[${dialect}] ${overall.queries} judged queries: as typed P@5 ${overall.precisionAt5.toFixed(3)}, nDCG@10 ${overall.ndcgAt10.toFixed(3)}; ` +
        `suggestions followed P@5 ${overallWithSuggestions.precisionAt5.toFixed(3)}, nDCG@10 ${overallWithSuggestions.ndcgAt10.toFixed(3)}`,
    );
    expect(overall.ndcgAt10).toBeGreaterThanOrEqual(FLOORS.overall.ndcgAt10);
    expect(overall.precisionAt5).toBeGreaterThanOrEqual(FLOORS.overall.precisionAt5);
    expect(overallWithSuggestions.ndcgAt10).toBeGreaterThanOrEqual(FLOORS.overallWithSuggestions.ndcgAt10);
  });

  it('opens every alias query with an article judged relevant, and ranks alias queries well', () => {
    const aliases = evaluation.queries.filter((q) => q.kind === 'alias');
    for (const q of aliases) {
      const top = q.ranked[0];
      expect(top && judged.find((j) => j.query === q.query)!.relevant[top], `${q.query}: first result ${top ?? 'none'}`).toBeGreaterThan(0);
    }
    expect(evaluation.kinds.find((k) => k.kind === 'alias')!.ndcgAt10).toBeGreaterThanOrEqual(FLOORS.alias.ndcgAt10);
  });

  it('offers a correction for every misspelled query, whose results open with a relevant article', () => {
    for (const q of evaluation.queries.filter((x) => x.kind === 'misspelling')) {
      expect(q.corrected, q.query).toBeTruthy();
      const top = q.corrected!.ranked[0];
      expect(top && judged.find((j) => j.query === q.query)!.relevant[top], `${q.query} → ${q.corrected!.query}: ${top ?? 'none'}`).toBeGreaterThan(0);
    }
  });
});
