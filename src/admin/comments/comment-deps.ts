import { type CommentDeps, DEFAULT_COMMENT_LIMITS } from '../../comments/index.js';
import { commentHashKey } from '../../http/comment-hash-key.js';
import type { AdminDeps } from '../admin-deps.js';

/**
 * What the comment rules are given from the admin: a write's deps and the site's hash key
 * (an IP address entered in the block list, an edited email's avatar, a reply's IP hash).
 * Staff are never rate limited, so the default limits only fill the type.
 */
export function commentDepsOf(deps: AdminDeps): CommentDeps {
  return { db: deps.db, clock: deps.clock, events: deps.events, hashKey: commentHashKey(deps.sessionSecret), limits: DEFAULT_COMMENT_LIMITS };
}
