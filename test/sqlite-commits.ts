import fs from 'node:fs';
import { sql } from 'kysely';
import type { Database } from '../src/db/database.js';

const WAL_HEADER_BYTES = 32;
const FRAME_HEADER_BYTES = 24;
const WAL_MAGIC = new Set([0x377f0682, 0x377f0683]);

/**
 * The commits `run` makes on a SQLite database in WAL mode, as the disk sees them: the
 * frames of its write-ahead log that end a transaction (each one fsync under
 * synchronous=FULL), counted in the WAL file itself, so a statement that commits on its own
 * counts as much as a transaction, whoever ran it. The log is emptied first and not
 * checkpointed during `run` (`wal_autocheckpoint = 0`), so every frame it then holds was
 * written by `run`; automatic checkpoints are restored after.
 */
export async function commitsDuring(db: Database, file: string, run: () => Promise<unknown>): Promise<number> {
  await sql`pragma wal_autocheckpoint = 0`.execute(db);
  try {
    await sql`pragma wal_checkpoint(TRUNCATE)`.execute(db);
    if (countWalCommits(`${file}-wal`) !== 0) throw new Error('the WAL was not emptied: another connection holds a read on it');
    await run();
    return countWalCommits(`${file}-wal`);
  } finally {
    await sql`pragma wal_autocheckpoint = 1000`.execute(db);
  }
}

/** Frames whose header marks a commit (a database size after it) and whose salts are the log's own. */
function countWalCommits(walFile: string): number {
  const wal = fs.existsSync(walFile) ? fs.readFileSync(walFile) : Buffer.alloc(0);
  if (wal.length < WAL_HEADER_BYTES) return 0;
  if (!WAL_MAGIC.has(wal.readUInt32BE(0))) throw new Error(`${walFile} is not a SQLite WAL file`);
  const pageSize = wal.readUInt32BE(8);
  const [salt1, salt2] = [wal.readUInt32BE(16), wal.readUInt32BE(20)];
  let commits = 0;
  for (let at = WAL_HEADER_BYTES; at + FRAME_HEADER_BYTES + pageSize <= wal.length; at += FRAME_HEADER_BYTES + pageSize) {
    // Frames left from before the log last restarted carry other salts: not this log's.
    if (wal.readUInt32BE(at + 8) !== salt1 || wal.readUInt32BE(at + 12) !== salt2) break;
    if (wal.readUInt32BE(at + 4) !== 0) commits++;
  }
  return commits;
}
