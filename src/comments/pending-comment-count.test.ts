import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCommentWorld, type CommentWorld } from '../../test/comment-world.js';
import { ForbiddenError } from '../shared/errors.js';
import { PendingCommentCount } from './pending-comment-count.js';

/*
 * The count behind the admin's badge (its freshness, through the real pages, is tested in
 * admin/query-budget.test.ts): only moderators may read it, from memory or not.
 */
describe('the count of held comments', () => {
  let w: CommentWorld;
  beforeAll(async () => {
    w = await createCommentWorld('sqlite');
  });
  afterAll(() => w.t.destroy());

  it('is for moderators alone, even when it is in memory', async () => {
    const count = new PendingCommentCount(w.t.db, w.clock);
    await w.post();
    expect(await count.count({ id: 'editor', role: 'editor' })).toBe(1);
    await expect(count.count({ id: 'author', role: 'author' })).rejects.toThrow(ForbiddenError);
    await expect(count.count({ id: 'contributor', role: 'contributor' })).rejects.toThrow(ForbiddenError);
  });
});
