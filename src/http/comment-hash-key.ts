import { createHmac } from 'node:crypto';

/**
 * The key of the comments' keyed hashes (IP hashes, avatar seeds), derived from the site's
 * persisted secret with its own label: stable across restarts and processes, and never the
 * session-signing key itself. The public form (site/comments/comment-routes.tsx) derives the
 * same key, so an address blocked in the admin hashes as the form hashes it
 * (admin/comments/comment-edit.test.ts posts through the form to prove it).
 */
export function commentHashKey(siteSecret: Buffer): string {
  return createHmac('sha256', siteSecret).update('dossier comment ip hash key').digest('base64url');
}
