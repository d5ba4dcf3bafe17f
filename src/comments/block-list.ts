import { type Actor, assertCan } from '../accounts/index.js';
import type { Database } from '../db/database.js';
import { toStoredTime } from '../shared/clock.js';
import { ValidationError } from '../shared/errors.js';
import type { StatusReason } from './comment.js';
import type { CommentDeps } from './comment-deps.js';
import { emailKeyOf, hashIp } from './comment-hash.js';
import { deleteBlock, findBlocksFor, insertBlock, listBlockRows } from './comment-block.queries.js';

/*
 * The block list: words or phrases, email addresses and IP hashes whose comments go
 * straight to the spam folder, with the entry named in the note a moderator reads. A
 * blocked commenter is not told: the form answers as for a held comment, so probing the
 * list teaches nothing. Moderators see IP hashes, never addresses; an entry may be given
 * either, and an address is hashed with the site's key before it is stored.
 */

export const BLOCK_KINDS = ['word', 'email', 'ip'] as const;
export type BlockKind = (typeof BLOCK_KINDS)[number];

export interface BlockEntry {
  kind: BlockKind;
  /** the word or phrase (lowercase), the email key, or the IP hash */
  value: string;
  note: string;
  createdAt: Date;
}

export interface BlockMatch {
  reason: Extract<StatusReason, 'blocked-word' | 'blocked-email' | 'blocked-ip'>;
  note: string;
}

const IP_HASH = /^[0-9a-f]{32}$/;

export async function addBlock(deps: CommentDeps, actor: Actor, entry: { kind: BlockKind; value: string; note?: string }): Promise<BlockEntry> {
  assertCan(actor, 'moderate_comments', 'change the comment block list');
  const value = blockValueOf(deps.hashKey, entry.kind, entry.value);
  const note = (entry.note ?? '').trim().slice(0, 200);
  const createdAt = deps.clock.now();
  await insertBlock(deps.db, { kind: entry.kind, value, note, created_at: toStoredTime(createdAt) });
  return { kind: entry.kind, value, note, createdAt };
}

export async function removeBlock(deps: CommentDeps, actor: Actor, kind: BlockKind, value: string): Promise<boolean> {
  assertCan(actor, 'moderate_comments', 'change the comment block list');
  return deleteBlock(deps.db, kind, blockValueOf(deps.hashKey, kind, value));
}

export async function listBlocks(db: Database, actor: Actor): Promise<BlockEntry[]> {
  assertCan(actor, 'moderate_comments', 'see the comment block list');
  return (await listBlockRows(db)).map((r) => ({ kind: r.kind as BlockKind, value: r.value, note: r.note, createdAt: new Date(r.created_at) }));
}

function blockValueOf(hashKey: string, kind: BlockKind, raw: string): string {
  const value = raw.trim();
  if (kind === 'word') {
    const word = value.toLowerCase().replace(/\s+/g, ' ');
    if (word.length < 2 || word.length > 100) throw new ValidationError('invalid block', { value: 'Enter a word or phrase of 2 to 100 characters.' });
    return word;
  }
  if (kind === 'email') {
    if (!/^[^\s@]+@[^\s@]+$/.test(value)) throw new ValidationError('invalid block', { value: 'Enter an email address such as name@example.org.' });
    return emailKeyOf(value);
  }
  if (IP_HASH.test(value.toLowerCase())) return value.toLowerCase();
  if (/^[0-9a-f:.]+$/i.test(value) && (value.includes('.') || value.includes(':'))) return hashIp(hashKey, value);
  throw new ValidationError('invalid block', { value: 'Enter an IP address or an IP hash from the moderation queue.' });
}

/** The first block entry a comment falls under, if any: its email, its IP hash, then a word in any field. */
export async function matchBlockList(
  db: Database,
  comment: { emailKey: string; ipHash: string; name: string; website: string; body: string },
): Promise<BlockMatch | null> {
  const entries = await findBlocksFor(db, comment.emailKey, comment.ipHash || '\u0000none');
  if (entries.some((e) => e.kind === 'email')) return { reason: 'blocked-email', note: 'The email address is on the block list.' };
  if (entries.some((e) => e.kind === 'ip')) return { reason: 'blocked-ip', note: 'The IP address is on the block list.' };
  const text = [comment.name, comment.emailKey, comment.website, comment.body].join('\n').normalize('NFKC').toLowerCase();
  for (const e of entries) {
    if (e.kind === 'word' && containsPhrase(text, e.value)) return { reason: 'blocked-word', note: `Contains “${e.value}”, which is on the block list.` };
  }
  return null;
}

/** The phrase as whole words: "cialis" blocks "Cialis!" but not "specialist". */
export function containsPhrase(text: string, phrase: string): boolean {
  const escaped = phrase.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/ /g, '\\s+');
  return new RegExp(`(?<![\\p{L}\\p{N}])${escaped}(?![\\p{L}\\p{N}])`, 'u').test(text);
}
