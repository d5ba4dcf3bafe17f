import type { Database } from '../db/database.js';
import { deleteRedirectRows, insertRedirect, retargetRedirects } from './redirect.queries.js';

/** One public path that now lives at another: both canonical ("/world/levant/"). */
export interface PathMove {
  fromPath: string;
  toPath: string;
}

/**
 * Keeps old URLs alive after a move (a topic and its subtree, a merged or renamed tag). Run
 * inside the move's transaction, by the use case that moves them:
 * - redirects that led to an old path, or below it, are pointed at the new one (no chains);
 * - redirects from a new path are dropped: the path is live again and a row would hide it
 *   (a topic moved back to where it was, a tag renamed back);
 * - each old path answers 301 to its new one.
 * The page cache needs no event of its own: the pages at the old paths show what moved and
 * are dropped by the move's own event.
 */
export async function recordMovedPaths(db: Database, moves: readonly PathMove[], now: string): Promise<void> {
  const prefixes = moves.map((m) => m).sort((a, b) => a.fromPath.length - b.fromPath.length);
  const retargeted: string[] = [];
  for (const move of prefixes) {
    if (retargeted.some((p) => move.fromPath.startsWith(p))) continue;
    await retargetRedirects(db, move.fromPath, move.toPath);
    retargeted.push(move.fromPath);
  }
  await deleteRedirectRows(db, moves.map((m) => m.toPath));
  for (const move of moves) await insertRedirect(db, { fromPath: move.fromPath, toPath: move.toPath, code: 301 }, now);
}
