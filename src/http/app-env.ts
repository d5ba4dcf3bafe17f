import type { User } from '../accounts/index.js';
import type { Logger } from './logger.js';

/** What a response may be cached under: the tags of everything it shows. */
export interface CacheDirective {
  tags: readonly string[];
  lastModified: Date;
  /** when the page turns false by the clock alone (see PageToCache.expiresAt) */
  expiresAt?: Date | null;
}

export interface AppEnv {
  Variables: {
    requestId: string;
    logger: Logger;
    /** set by a public handler whose 200 response may be cached */
    cacheDirective?: CacheDirective;
    /** the signed-in user, set by the session middleware on admin routes */
    user?: User;
  };
}
