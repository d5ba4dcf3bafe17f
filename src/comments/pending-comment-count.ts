import { type Actor, assertCan } from '../accounts/index.js';
import type { Database } from '../db/database.js';
import type { Clock } from '../shared/clock.js';
import type { DomainEvent } from '../shared/domain-events.js';
import { countCommentsInStatus } from './moderation.queries.js';

/** How long a count read here may stand when no comment was written in this process: the delay before another process's writes show. */
export const PENDING_COUNT_MAX_AGE_SECONDS = 10;

/**
 * How many comments wait for a moderator, for the admin navigation's badge on every
 * moderator page. Counting them on every page would cost a statement per page (an index
 * range as long as the queue), so the count is kept in this process's memory and read
 * again only when it may be wrong: after any `comments.changed` heard here (every comment
 * write emits one after commit: a post, a decision, an edit, an erasure) and, for writes
 * made in other processes, once it is PENDING_COUNT_MAX_AGE_SECONDS old. One per app,
 * made and subscribed in createApp.
 */
export class PendingCommentCount {
  private memo: { count: Promise<number>; readAt: number } | null = null;

  constructor(
    private readonly db: Database,
    private readonly clock: Clock,
    private readonly maxAgeMs = PENDING_COUNT_MAX_AGE_SECONDS * 1000,
  ) {}

  async count(actor: Actor): Promise<number> {
    assertCan(actor, 'moderate_comments', 'see the comment queue');
    const now = this.clock.now().getTime();
    // A clock set back (a test's, or an adjusted one) reads again rather than trusting the future.
    if (!this.memo || now - this.memo.readAt >= this.maxAgeMs || now < this.memo.readAt) {
      const current = { count: countCommentsInStatus(this.db, 'pending'), readAt: now };
      this.memo = current;
      // A failed read is not kept: the next page tries again.
      current.count.catch(() => {
        if (this.memo === current) this.memo = null;
      });
    }
    return this.memo.count;
  }

  /**
   * Subscribed in createApp. Dropping the memo (not adjusting it) keeps it exact: a read begun
   * before the write may have missed it, and the event does not say how many became pending.
   */
  readonly onEvent = (event: DomainEvent): void => {
    if (event.type === 'comments.changed') this.memo = null;
  };
}
