import { CompiledQuery, type KyselyPlugin, type RootOperationNode } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countCommentsInStatus, countQueueByStatus, listQueueRows } from '../../comments/moderation.queries.js';
import type { Database } from '../../db/database.js';
import { createTestDb, type TestDb, testDialects } from '../../../test/test-db.js';

class CapturePlugin implements KyselyPlugin {
  nodes: RootOperationNode[] = [];
  transformQuery({ node }: { node: RootOperationNode }) {
    this.nodes.push(node);
    return node;
  }
  async transformResult({ result }: { result: any }) {
    return result;
  }
}

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

  const cases: [string, (db: Database) => Promise<unknown>, { ordered: boolean }][] = [
    ['the All tab', (db) => listQueueRows(db, {}, 20, 0), { ordered: true }],
    ['a status tab', (db) => listQueueRows(db, { status: 'pending' }, 20, 0), { ordered: true }],
    ['one IP hash', (db) => listQueueRows(db, { ipHash: '0'.repeat(32) }, 20, 0), { ordered: true }],
    ['one email', (db) => listQueueRows(db, { emailKey: 'reader@example.org' }, 20, 0), { ordered: false }],
    ['one article', (db) => listQueueRows(db, { articleId: 'a', status: 'pending' }, 20, 0), { ordered: true }],
    ['the tabs’ counts', (db) => countQueueByStatus(db, {}), { ordered: false }],
    ['the navigation’s pending count', (db) => countCommentsInStatus(db, 'pending'), { ordered: false }],
  ];

  it.each(cases)('%s uses an index', async (_name, run, { ordered }) => {
    const capture = new CapturePlugin();
    await run(t.db.withPlugin(capture));
    for (const node of capture.nodes) {
      const compiled = t.db.getExecutor().compileQuery(node, { queryId: 'plan' });
      const plan = await explain(t, compiled.sql, compiled.parameters);
      if (dialect === 'sqlite') {
        expect(plan.filter((l) => /^SCAN \w+$/.test(l.trim())), `${compiled.sql}\n${plan.join('\n')}`).toEqual([]);
        if (ordered) expect(plan.join('\n'), compiled.sql).not.toMatch(/USE TEMP B-TREE FOR ORDER BY/);
      } else {
        expect(plan.join('\n'), compiled.sql).not.toMatch(/Seq Scan/);
      }
    }
  });
});

async function explain(t: TestDb, query: string, parameters: readonly unknown[]): Promise<string[]> {
  if (t.dialect === 'sqlite') {
    const result = await t.db.executeQuery<{ detail: string }>(CompiledQuery.raw(`explain query plan ${query}`, [...parameters]));
    return result.rows.map((r) => r.detail);
  }
  return t.db.connection().execute(async (conn) => {
    await conn.executeQuery(CompiledQuery.raw('set enable_seqscan = off'));
    const result = await conn.executeQuery<{ 'QUERY PLAN': string }>(CompiledQuery.raw(`explain ${query}`, [...parameters]));
    await conn.executeQuery(CompiledQuery.raw('reset enable_seqscan'));
    return result.rows.map((r) => r['QUERY PLAN']);
  });
}
