import type { LoginLimits } from '../accounts/index.js';
import type { PendingCommentCount } from '../comments/index.js';
import type { Config } from '../config/config.js';
import type { Database } from '../db/database.js';
import type { Logger } from '../http/logger.js';
import type { AssetStore } from '../http/static-assets.js';
import type { Clock } from '../shared/clock.js';
import type { DomainEvent } from '../shared/domain-events.js';
import type { EventSink } from '../shared/events.js';

/** What the admin and each of its areas is given, wired once in createApp. */
export interface AdminDeps {
  db: Database;
  clock: Clock;
  /** where the admin's writes announce themselves after commit (the page cache listens) */
  events: EventSink<DomainEvent>;
  config: Config;
  siteUrl: URL;
  /** from TRUSTED_PROXY: only these peers' X-Forwarded-For is believed */
  trustedProxies: readonly string[];
  assets: AssetStore;
  sessionSecret: Buffer;
  /** where stored images live */
  mediaDir: string;
  logger: Logger;
  /** the navigation's count of held comments, kept in memory and told of comment writes (createApp subscribes it) */
  pendingComments: PendingCommentCount;
  /** tests lower these; production uses LOGIN_LIMITS */
  loginLimits?: LoginLimits;
}
