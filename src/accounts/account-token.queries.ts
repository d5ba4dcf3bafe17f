import type { Database } from '../db/database.js';

export type TokenPurpose = 'invite' | 'reset';

export async function insertAccountToken(
  db: Database,
  row: { id: string; userId: string; purpose: TokenPurpose; createdAt: string; expiresAt: string },
): Promise<void> {
  await db
    .insertInto('account_tokens')
    .values({ id: row.id, user_id: row.userId, purpose: row.purpose, created_at: row.createdAt, expires_at: row.expiresAt, used_at: null })
    .execute();
}

/** The user a live (unused, unexpired) token of this purpose belongs to. */
export async function findLiveTokenUser(db: Database, id: string, purpose: TokenPurpose, now: string): Promise<string | null> {
  const row = await db
    .selectFrom('account_tokens')
    .select('user_id')
    .where('id', '=', id)
    .where('purpose', '=', purpose)
    .where('used_at', 'is', null)
    .where('expires_at', '>', now)
    .executeTakeFirst();
  return row?.user_id ?? null;
}

/** Uses a token up: of two requests racing with one link, exactly one changes the row. */
export async function consumeAccountToken(db: Database, id: string, purpose: TokenPurpose, now: string): Promise<boolean> {
  const result = await db
    .updateTable('account_tokens')
    .set({ used_at: now })
    .where('id', '=', id)
    .where('purpose', '=', purpose)
    .where('used_at', 'is', null)
    .where('expires_at', '>', now)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Voids a user's other links of this purpose: only the newest one works. */
export async function deleteUnusedTokens(db: Database, userId: string, purpose: TokenPurpose): Promise<void> {
  await db.deleteFrom('account_tokens').where('user_id', '=', userId).where('purpose', '=', purpose).where('used_at', 'is', null).execute();
}

export async function deleteTokensExpiredBy(db: Database, now: string): Promise<number> {
  const result = await db.deleteFrom('account_tokens').where('expires_at', '<=', now).executeTakeFirst();
  return Number(result.numDeletedRows);
}
