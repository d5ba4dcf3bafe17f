import type { Database } from '../db/database.js';

/** Runs `work` in a transaction, or in the caller's when `db` already is one. */
export async function inTransaction<T>(db: Database, work: (trx: Database) => Promise<T>): Promise<T> {
  return db.isTransaction ? work(db) : db.transaction().execute(work);
}
