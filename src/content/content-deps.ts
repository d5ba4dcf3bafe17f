import type { Database } from '../db/database.js';
import type { Clock } from '../shared/clock.js';
import type { DomainEvent } from '../shared/domain-events.js';
import type { EventSink } from '../shared/events.js';

/** What every content use case is given: the database, the time, and where to announce changes. */
export interface ContentDeps {
  db: Database;
  clock: Clock;
  events: EventSink<DomainEvent>;
}
