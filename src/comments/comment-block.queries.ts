import type { Database } from '../db/database.js';

export interface BlockRow {
  kind: string;
  value: string;
  note: string;
  created_at: string;
}

export async function insertBlock(db: Database, row: BlockRow): Promise<void> {
  await db
    .insertInto('comment_blocks')
    .values(row)
    .onConflict((oc) => oc.columns(['kind', 'value']).doUpdateSet({ note: row.note }))
    .execute();
}

export async function deleteBlock(db: Database, kind: string, value: string): Promise<boolean> {
  const result = await db.deleteFrom('comment_blocks').where('kind', '=', kind).where('value', '=', value).executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}

export async function listBlockRows(db: Database): Promise<BlockRow[]> {
  return db.selectFrom('comment_blocks').selectAll().orderBy('kind').orderBy('value').execute();
}

/** In one statement: every blocked word, and this email and this IP hash if they are blocked. */
export async function findBlocksFor(db: Database, emailKey: string, ipHash: string): Promise<{ kind: string; value: string }[]> {
  return db
    .selectFrom('comment_blocks')
    .select(['kind', 'value'])
    .where((eb) =>
      eb.or([
        eb('kind', '=', 'word'),
        eb.and([eb('kind', '=', 'email'), eb('value', '=', emailKey)]),
        eb.and([eb('kind', '=', 'ip'), eb('value', '=', ipHash)]),
      ]),
    )
    .execute();
}
