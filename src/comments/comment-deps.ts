import type { Database } from '../db/database.js';
import type { WriteDeps } from '../shared/write-deps.js';
import type { SpamClassifier } from './spam-classifier.js';

export interface RateWindow {
  limit: number;
  windowSeconds: number;
}

/** The numbers of the abuse defences: configuration, raised in tests and benchmarks. */
export interface CommentLimits {
  /** comments per IP address (IPv6: per /64) in a window */
  perIp: RateWindow;
  /** comments per email address in a window */
  perEmail: RateWindow;
  /** links a comment may hold ([text](url), bare addresses, "www." names) */
  maxLinks: number;
  /** the same body from the same email on the same article within this is a duplicate */
  duplicateWindowSeconds: number;
  /** a spam probability at or above this sends a comment to the spam folder */
  spamThreshold: number;
}

export const DEFAULT_COMMENT_LIMITS: CommentLimits = Object.freeze({
  perIp: Object.freeze({ limit: 5, windowSeconds: 600 }),
  perEmail: Object.freeze({ limit: 5, windowSeconds: 600 }),
  maxLinks: 2,
  duplicateWindowSeconds: 86_400,
  spamThreshold: 0.9,
});

/** What the comment use cases that write are given. */
export interface CommentDeps extends WriteDeps {
  /** the site's secret: IP hashes and avatar seeds are HMACs with it */
  hashKey: string;
  limits: CommentLimits;
  /**
   * The spam filter over a database handle (the transaction a moderation runs in, so a
   * lesson and the decision it comes from commit together). Defaults to naive Bayes.
   */
  spamFilter?: (db: Database) => SpamClassifier;
}
