import { createHmac } from 'node:crypto';

/**
 * The key of the comments' keyed hashes (IP hashes, avatar seeds), derived from the site's
 * persisted secret with its own label: stable across restarts and processes, and never the
 * session-signing key itself. Every web-layer caller of the comment rules takes it from here,
 * so an address blocked in the admin hashes as the public form hashed it.
 */
export function commentHashKey(siteSecret: Buffer): string {
  return createHmac('sha256', siteSecret).update('dossier comment hashes').digest('hex');
}
