import type { DomainEvent } from '../../shared/domain-events.js';
import type { EventBus } from '../../shared/events.js';
import type { CacheInvalidator } from './cache-invalidator.js';
import { tagsForEvent } from './cache-tags.js';

/**
 * Listens to domain events and drops exactly the cached pages each one touched. The local
 * invalidator drops them before `emit` first yields, so the writer sees fresh pages when
 * its write returns; the Redis one tells every process.
 */
export function wireCacheInvalidation(events: EventBus<DomainEvent>, invalidator: CacheInvalidator): () => void {
  return events.subscribe((event) => {
    const tags = tagsForEvent(event);
    if (tags.length > 0) return invalidator.invalidate(tags);
  });
}
