import type { LoginLimits, ResetLimits } from '../accounts/index.js';
import type { Database } from '../db/database.js';
import type { Logger } from '../http/logger.js';
import type { Clock } from '../shared/clock.js';
import type { DomainEvent } from '../shared/domain-events.js';
import type { EventSink } from '../shared/events.js';

/** What the sign-in routes and the emailed-link routes beside them are given. */
export interface LoginRouteDeps {
  db: Database;
  clock: Clock;
  events: EventSink<DomainEvent>;
  siteUrl: URL;
  trustedProxies: readonly string[];
  sessionSecret: Buffer;
  isSecure: boolean;
  cssUrl: () => string;
  logger: Logger;
  loginLimits?: LoginLimits;
  resetLimits?: ResetLimits;
}
