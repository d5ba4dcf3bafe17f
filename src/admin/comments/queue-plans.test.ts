import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countCommentsInStatus, countQueueByStatus, listQueueRows } from '../../comments/moderation.queries.js';
import type { Database } from '../../db/database.js';
import { type PlanRules, unindexedPlans } from '../../../test/query-plans.js';
import { createTestDb, type TestDb, testDialects } from '../../../test/test-db.js';

/*
 * The queue's pages and counts are answered through an index, as the reader's pages are
 * (site/pages/query-plans.test.ts): no full scan of comments, and the newest-first lists
 * (every status, one status, one IP hash) read an index in order instead of sorting.
 */
describe.each(testDialects)('the moderation queue’s query plans on %s', (dialect) => {
  let t: TestDb;
  beforeAll(async () => {
    t = await createTestDb(dialect);
  });
  afterAll(() => t.destroy());

  const cases: [string, (db: Database) => Promise<unknown>, PlanRules][] = [
    ['the All tab', (db) => listQueueRows(db, {}, 20, 0), { ordered: true }],
    ['a status tab', (db) => listQueueRows(db, { status: 'pending' }, 20, 0), { ordered: true }],
    ['one IP hash', (db) => listQueueRows(db, { ipHash: '0'.repeat(32) }, 20, 0), { ordered: true }],
    ['one email', (db) => listQueueRows(db, { emailKey: 'reader@example.org' }, 20, 0), { ordered: false }],
    ['one article', (db) => listQueueRows(db, { articleId: 'a', status: 'pending' }, 20, 0), { ordered: true }],
    ['the tabs’ counts', (db) => countQueueByStatus(db, {}), { ordered: false }],
    ['the navigation’s pending count', (db) => countCommentsInStatus(db, 'pending'), { ordered: false }],
  ];

  it.each(cases)('%s uses an index', async (_name, run, rules) => {
    expect(await unindexedPlans(t, run, rules)).toEqual([]);
  });
});
