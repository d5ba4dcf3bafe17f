import type { Database } from '../db/database.js';

export interface TokenCounts {
  spam: number;
  ham: number;
}

/** The row that counts the comments learned per label, beside the tokens (no token has a "#"). */
export const DOCUMENTS_TOKEN = '#documents';

export async function readTokenCounts(db: Database, tokens: readonly string[]): Promise<Map<string, TokenCounts>> {
  const counts = new Map<string, TokenCounts>();
  const unique = [...new Set(tokens)];
  for (let i = 0; i < unique.length; i += 500) {
    const rows = await db
      .selectFrom('spam_tokens')
      .select(['token', 'spam', 'ham'])
      .where('token', 'in', unique.slice(i, i + 500))
      .execute();
    for (const r of rows) counts.set(r.token, { spam: Number(r.spam), ham: Number(r.ham) });
  }
  return counts;
}

/**
 * Adds `spam` and `ham` (either may be negative, to take back a lesson) to each token's
 * counts, never below zero. Tokens go in sorted order, so two transactions that learn at
 * once lock rows in the same order and cannot deadlock.
 */
export async function addTokenCounts(db: Database, tokens: readonly string[], spam: number, ham: number): Promise<void> {
  const sorted = [...new Set(tokens)].sort();
  for (let i = 0; i < sorted.length; i += 500) {
    await db
      .insertInto('spam_tokens')
      .values(sorted.slice(i, i + 500).map((token) => ({ token, spam: Math.max(0, spam), ham: Math.max(0, ham) })))
      .onConflict((oc) =>
        oc.column('token').doUpdateSet((eb) => ({
          spam: eb.case().when(eb(eb('spam_tokens.spam', '+', spam), '<', eb.lit(0))).then(eb.lit(0)).else(eb('spam_tokens.spam', '+', spam)).end(),
          ham: eb.case().when(eb(eb('spam_tokens.ham', '+', ham), '<', eb.lit(0))).then(eb.lit(0)).else(eb('spam_tokens.ham', '+', ham)).end(),
        })),
      )
      .execute();
  }
}

/** Forgets everything learned (an operator retraining from scratch). */
export async function deleteAllTokenCounts(db: Database): Promise<void> {
  await db.deleteFrom('spam_tokens').execute();
}
