import type { Database } from '../db/database.js';
import type { Clock } from './clock.js';
import type { DomainEvent } from './domain-events.js';
import type { EventSink } from './events.js';

/** What every use case that writes is given: the database, the time, and where to announce what changed after commit. */
export interface WriteDeps {
  db: Database;
  clock: Clock;
  events: EventSink<DomainEvent>;
}
