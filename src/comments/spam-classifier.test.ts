import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb, type TestDb, testDialects } from '../../test/test-db.js';
import { DEFAULT_COMMENT_LIMITS } from './comment-deps.js';
import { NAIVE_BAYES_DEFAULTS, naiveBayesClassifier, scoreWith } from './spam-classifier.js';
import { loadCorpus, splitCorpus } from './spam-corpus/corpus.js';
import { evaluateSpamFilter } from './spam-corpus/evaluate.js';
import { spamFeaturesOf } from './spam-features.js';
import { DOCUMENTS_TOKEN, readTokenCounts } from './spam-token.queries.js';

describe('the labelled set', () => {
  it('holds at least 400 comments of both kinds, split three to one, each written once', () => {
    const all = loadCorpus();
    expect(all.length).toBeGreaterThanOrEqual(400);
    const { train, test } = splitCorpus(all);
    for (const label of ['spam', 'ham'] as const) {
      expect(all.filter((c) => c.label === label).length).toBeGreaterThanOrEqual(200);
      expect(test.filter((c) => c.label === label).length).toBeGreaterThanOrEqual(50);
    }
    expect(train.length + test.length).toBe(all.length);
    expect(new Set(all.map((c) => c.body)).size).toBe(all.length);
    for (const c of all) expect(c.body.length, c.authorName).toBeGreaterThan(0);
  });
});

describe.each(testDialects)('the naive Bayes filter on %s', (dialect) => {
  let t: TestDb;
  beforeAll(async () => {
    t = await createTestDb(dialect);
  });
  afterAll(async () => t?.destroy());

  it('reaches precision ≥ 0.95 and recall ≥ 0.8 for spam on the held-out comments', async () => {
    const e = await evaluateSpamFilter(t.db, DEFAULT_COMMENT_LIMITS.spamThreshold);
    console.log(
      `[${dialect}] spam filter on ${e.tested.spam} spam + ${e.tested.ham} ham held out: precision ${e.precision.toFixed(3)}, recall ${e.recall.toFixed(3)} (threshold ${DEFAULT_COMMENT_LIMITS.spamThreshold})`,
    );
    expect(e.precision).toBeGreaterThanOrEqual(0.95);
    expect(e.recall).toBeGreaterThanOrEqual(0.8);
  });

  it('takes a lesson back exactly: learning spam then correcting it to ham leaves the counts of a ham lesson', async () => {
    const features = spamFeaturesOf({ authorName: 'Q', authorUrl: '', body: 'quetzal quokka quagga' });
    const filter = naiveBayesClassifier(t.db);
    const before = await readTokenCounts(t.db, [DOCUMENTS_TOKEN, 'quokka']);
    await filter.learn(features, 'spam');
    await filter.learn(features, 'ham', 'spam');
    await filter.learn(features, 'ham', 'ham'); // the same lesson twice is none
    const after = await readTokenCounts(t.db, [DOCUMENTS_TOKEN, 'quokka']);
    const docs = before.get(DOCUMENTS_TOKEN)!;
    expect(after.get(DOCUMENTS_TOKEN)).toEqual({ spam: docs.spam, ham: docs.ham + 1 });
    expect(after.get('quokka')).toEqual({ spam: 0, ham: 1 });
    // Taking back what was never learned cannot go below zero.
    await filter.learn(spamFeaturesOf({ authorName: 'Z', authorUrl: '', body: 'zebu zorilla' }), 'ham', 'spam');
    expect((await readTokenCounts(t.db, ['zorilla'])).get('zorilla')).toEqual({ spam: 0, ham: 1 });
  });
});

describe('scoring', () => {
  const counts = (docs: { spam: number; ham: number }, tokens: Record<string, [number, number]>) =>
    new Map([[DOCUMENTS_TOKEN, docs], ...Object.entries(tokens).map(([k, [spam, ham]]) => [k, { spam, ham }] as const)]);

  it('says 0.5 until both kinds have enough lessons', () => {
    const few = counts({ spam: 9, ham: 100 }, { viagra: [9, 0] });
    expect(scoreWith(few, { tokens: ['viagra'] }, NAIVE_BAYES_DEFAULTS)).toEqual({ probability: 0.5, signals: [] });
  });

  it('weighs tokens by how much more often they come in one kind, ignores unseen ones, and names the spammy ones', () => {
    const c = counts({ spam: 50, ham: 50 }, { viagra: [40, 0], port: [2, 30], the: [45, 45] });
    const spammy = scoreWith(c, { tokens: ['viagra', 'never-seen'] }, NAIVE_BAYES_DEFAULTS);
    expect(spammy.probability).toBeGreaterThan(0.95);
    expect(spammy.signals).toEqual(['viagra']);
    expect(scoreWith(c, { tokens: ['port', 'the'] }, NAIVE_BAYES_DEFAULTS).probability).toBeLessThan(0.1);
    expect(scoreWith(c, { tokens: ['the'] }, NAIVE_BAYES_DEFAULTS).probability).toBeCloseTo(0.5, 5);
    expect(scoreWith(c, { tokens: ['never-seen'] }, NAIVE_BAYES_DEFAULTS).probability).toBe(0.5);
  });

  it('decides on the most telling tokens only, so padding with ordinary words does not drown a pitch', () => {
    const padding = Object.fromEntries(Array.from({ length: 200 }, (_, i) => [`w${i}`, [20, 26] as [number, number]]));
    const c = counts({ spam: 50, ham: 50 }, { viagra: [40, 0], pharmacy: [35, 0], ...padding });
    const tokens = ['viagra', 'pharmacy', ...Object.keys(padding)];
    expect(scoreWith(c, { tokens }, { ...NAIVE_BAYES_DEFAULTS, maxEvidence: 2 }).probability).toBeGreaterThan(0.99);
    expect(scoreWith(c, { tokens }, { ...NAIVE_BAYES_DEFAULTS, maxEvidence: 1000 }).probability).toBeLessThan(0.5);
  });
});

describe('features', () => {
  it('takes words, pairs, name words, hosts of the website and of links, and a few shapes', () => {
    const { tokens } = spamFeaturesOf({ authorName: 'Best CBD Oil 2026', authorUrl: 'https://www.cbd-shop.example/buy', body: 'BUY NOW!!! CHEAP OIL FOR EVERYONE at https://cbd-shop.example/x for $9' });
    for (const token of ['buy', 'buy now', 'cheap', 'name:cbd', 'name:digits', 'name:words:4', 'site:cbd-shop.example', 'site:tld:example', 'site:path', 'link:cbd-shop.example', 'meta:links:1', 'meta:shouting', 'meta:money', 'meta:exclaims']) {
      expect(tokens, token).toContain(token);
    }
    // The address is counted by its host, not as the words of its spelling.
    expect(tokens).not.toContain('https');
  });
});
