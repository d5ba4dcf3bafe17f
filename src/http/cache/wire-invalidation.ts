import type { ContentEvent } from '../../shared/domain-events.js';
import type { EventBus } from '../../shared/events.js';
import type { CacheInvalidator } from './cache-invalidator.js';
import { tagsForEvent } from './cache-tags.js';

/**
 * Listens to content events and drops exactly the cached pages each one touched. It runs
 * synchronously within `emit`, so the write's caller sees fresh pages when it returns.
 */
export function wireCacheInvalidation(events: EventBus<ContentEvent>, invalidator: CacheInvalidator): () => void {
  return events.subscribe((event) => invalidator.invalidate(tagsForEvent(event)));
}
