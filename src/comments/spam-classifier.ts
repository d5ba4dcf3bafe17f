import type { Database } from '../db/database.js';
import type { SpamFeatures } from './spam-features.js';
import { addTokenCounts, DOCUMENTS_TOKEN, readTokenCounts, type TokenCounts } from './spam-token.queries.js';

export type SpamLabel = 'spam' | 'ham';

export interface SpamScore {
  /** how likely the comment is spam, 0 to 1; 0.5 when the filter knows too little to say */
  probability: number;
  /** the tokens that pointed most towards spam, for the moderator's note */
  signals: string[];
}

/** The port the comment rules use: anything that scores a comment and learns from moderators. */
export interface SpamClassifier {
  score(features: SpamFeatures): Promise<SpamScore>;
  /** Learns one labelled comment; `previous` takes back what was learned from it before (a moderator changed their mind). */
  learn(features: SpamFeatures, label: SpamLabel, previous?: SpamLabel | null): Promise<void>;
}

export interface NaiveBayesOptions {
  /** below this many learned comments of either label, every score is 0.5 */
  minDocuments: number;
  /** how many of a comment's tokens decide: those whose counts differ most between the labels */
  maxEvidence: number;
}

export const NAIVE_BAYES_DEFAULTS: NaiveBayesOptions = Object.freeze({ minDocuments: 10, maxEvidence: 40 });

/**
 * A naive Bayes filter whose counts live in the spam_tokens table. Each token's chance under
 * a label is the share of that label's comments that held it, smoothed (Laplace: one
 * imagined comment with it and one without), so a token seen only in spam is strong
 * evidence but never certainty. Tokens it has never seen say nothing. The labels are given
 * equal prior weight: how many of each the moderators happened to mark should not tilt the
 * verdict, the words should. Only the `maxEvidence` most telling tokens are summed, so ten
 * lines of ordinary words pasted under a sales pitch do not drown it out.
 */
export function naiveBayesClassifier(db: Database, options: NaiveBayesOptions = NAIVE_BAYES_DEFAULTS): SpamClassifier {
  return {
    async score(features) {
      const counts = await readTokenCounts(db, [...features.tokens, DOCUMENTS_TOKEN]);
      return scoreWith(counts, features, options);
    },
    async learn(features, label, previous = null) {
      if (label === previous) return;
      const spam = (label === 'spam' ? 1 : 0) - (previous === 'spam' ? 1 : 0);
      const ham = (label === 'ham' ? 1 : 0) - (previous === 'ham' ? 1 : 0);
      await addTokenCounts(db, [...features.tokens, DOCUMENTS_TOKEN], spam, ham);
    },
  };
}

export function scoreWith(counts: ReadonlyMap<string, TokenCounts>, features: SpamFeatures, options: NaiveBayesOptions): SpamScore {
  const documents = counts.get(DOCUMENTS_TOKEN) ?? { spam: 0, ham: 0 };
  if (documents.spam < options.minDocuments || documents.ham < options.minDocuments) return { probability: 0.5, signals: [] };
  const evidence: { token: string; weight: number }[] = [];
  for (const token of new Set(features.tokens)) {
    const c = counts.get(token);
    if (!c || c.spam + c.ham === 0) continue;
    const inSpam = (Math.min(c.spam, documents.spam) + 1) / (documents.spam + 2);
    const inHam = (Math.min(c.ham, documents.ham) + 1) / (documents.ham + 2);
    evidence.push({ token, weight: Math.log(inSpam / inHam) });
  }
  evidence.sort((a, b) => Math.abs(b.weight) - Math.abs(a.weight) || a.token.localeCompare(b.token));
  const telling = evidence.slice(0, options.maxEvidence);
  const logOdds = telling.reduce((sum, e) => sum + e.weight, 0);
  const probability = 1 / (1 + Math.exp(-logOdds));
  const signals = telling
    .filter((e) => e.weight > 0)
    .slice(0, 5)
    .map((e) => e.token);
  return { probability, signals };
}
