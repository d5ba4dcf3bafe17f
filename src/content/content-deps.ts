import type { WriteDeps } from '../shared/write-deps.js';

/** What every content use case is given (the same as any writing use case). */
export type ContentDeps = WriteDeps;
