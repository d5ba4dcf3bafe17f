import type { Database } from '../db/database.js';

export async function replaceRecoveryCodes(db: Database, userId: string, hashes: readonly string[], now: string): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await trx.deleteFrom('recovery_codes').where('user_id', '=', userId).execute();
    if (hashes.length > 0) {
      await trx
        .insertInto('recovery_codes')
        .values(hashes.map((hash) => ({ code_hash: hash, user_id: userId, created_at: now, used_at: null })))
        .execute();
    }
  });
}

/** Uses a recovery code up; false if it is not this user's or was used already. */
export async function consumeRecoveryCode(db: Database, userId: string, hash: string, now: string): Promise<boolean> {
  const result = await db
    .updateTable('recovery_codes')
    .set({ used_at: now })
    .where('code_hash', '=', hash)
    .where('user_id', '=', userId)
    .where('used_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function countUnusedRecoveryCodes(db: Database, userId: string): Promise<number> {
  const row = await db
    .selectFrom('recovery_codes')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('user_id', '=', userId)
    .where('used_at', 'is', null)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function insertChallenge(db: Database, row: { id: string; userId: string; createdAt: string; expiresAt: string }): Promise<void> {
  await db.insertInto('sign_in_challenges').values({ id: row.id, user_id: row.userId, created_at: row.createdAt, expires_at: row.expiresAt }).execute();
}

export async function findLiveChallengeUser(db: Database, id: string, now: string): Promise<string | null> {
  const row = await db.selectFrom('sign_in_challenges').select('user_id').where('id', '=', id).where('expires_at', '>', now).executeTakeFirst();
  return row?.user_id ?? null;
}

/** Ends a challenge; true for the one request that removed it. */
export async function deleteChallenge(db: Database, id: string): Promise<boolean> {
  const result = await db.deleteFrom('sign_in_challenges').where('id', '=', id).executeTakeFirst();
  return Number(result.numDeletedRows) === 1;
}

export async function deleteChallengesExpiredBy(db: Database, now: string): Promise<number> {
  const result = await db.deleteFrom('sign_in_challenges').where('expires_at', '<=', now).executeTakeFirst();
  return Number(result.numDeletedRows);
}
