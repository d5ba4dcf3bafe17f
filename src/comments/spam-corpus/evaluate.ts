import type { Database } from '../../db/database.js';
import { naiveBayesClassifier } from '../spam-classifier.js';
import { spamFeaturesOf } from '../spam-features.js';
import { type LabelledComment, loadCorpus, splitCorpus } from './corpus.js';

export interface SpamEvaluation {
  trained: { spam: number; ham: number };
  tested: { spam: number; ham: number };
  truePositives: number;
  falsePositives: number;
  falseNegatives: number;
  trueNegatives: number;
  /** of the comments sent to spam, the share that were spam */
  precision: number;
  /** of the spam, the share sent to spam */
  recall: number;
  /** the test comments judged wrongly, for tuning */
  mistakes: { label: string; probability: number; comment: LabelledComment }[];
}

/**
 * Trains the filter stored in `db` (empty beforehand) on the training split, through the same
 * port moderation uses, and judges the test split at `threshold`.
 */
export async function evaluateSpamFilter(db: Database, threshold: number): Promise<SpamEvaluation> {
  const { train, test } = splitCorpus(loadCorpus());
  await db.transaction().execute(async (trx) => {
    const filter = naiveBayesClassifier(trx);
    for (const c of train) await filter.learn(spamFeaturesOf(c), c.label);
  });
  const filter = naiveBayesClassifier(db);
  const counts = { tp: 0, fp: 0, fn: 0, tn: 0 };
  const mistakes: SpamEvaluation['mistakes'] = [];
  for (const c of test) {
    const { probability } = await filter.score(spamFeaturesOf(c));
    const isSpam = probability >= threshold;
    if (isSpam && c.label === 'spam') counts.tp++;
    else if (isSpam) counts.fp++;
    else if (c.label === 'spam') counts.fn++;
    else counts.tn++;
    if (isSpam !== (c.label === 'spam')) mistakes.push({ label: c.label, probability, comment: c });
  }
  const count = (list: LabelledComment[], label: string) => list.filter((c) => c.label === label).length;
  return {
    trained: { spam: count(train, 'spam'), ham: count(train, 'ham') },
    tested: { spam: count(test, 'spam'), ham: count(test, 'ham') },
    truePositives: counts.tp,
    falsePositives: counts.fp,
    falseNegatives: counts.fn,
    trueNegatives: counts.tn,
    precision: counts.tp + counts.fp === 0 ? 0 : counts.tp / (counts.tp + counts.fp),
    recall: counts.tp + counts.fn === 0 ? 0 : counts.tp / (counts.tp + counts.fn),
    mistakes,
  };
}
