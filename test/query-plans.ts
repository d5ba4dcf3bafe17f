import { CompiledQuery, type KyselyPlugin, type RootOperationNode } from 'kysely';
import type { Database } from '../src/db/database.js';
import type { TestDb } from './test-db.js';

/** What a query's plans must show beyond "no full scan". */
export interface PlanRules {
  /** an ordered list: it must read an index in order, not sort in a temporary B-tree (SQLite) */
  ordered: boolean;
  /** a lookup by key: it must not walk the low-selectivity status index (SQLite) */
  lookup?: boolean;
}

/** Records the operation tree of every query run through it, so each can be EXPLAINed. */
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

/**
 * Runs `run` and EXPLAINs every statement it sent, one line per problem (the statement and
 * its plan): none when each is answered through an index. On SQLite a plan line
 * "SCAN <table>" without an index is a full scan; on PostgreSQL the planner is told
 * sequential scans cost too much, and must still find a plan without one. A `run` that
 * sends no statement is a problem too (it would prove nothing).
 */
export async function unindexedPlans(t: TestDb, run: (db: Database) => Promise<unknown>, rules: PlanRules): Promise<string[]> {
  const capture = new CapturePlugin();
  await run(t.db.withPlugin(capture));
  if (capture.nodes.length === 0) return ['no statement ran'];
  const problems: string[] = [];
  for (const node of capture.nodes) {
    const compiled = t.db.getExecutor().compileQuery(node, { queryId: 'plan' });
    const plan = await explain(t, compiled.sql, compiled.parameters);
    const shown = `${compiled.sql}\n  ${plan.join('\n  ')}`;
    if (t.dialect === 'sqlite') {
      if (plan.some((line) => /^SCAN \w+$/.test(line.trim()))) problems.push(`a full scan: ${shown}`);
      if (rules.ordered && plan.some((line) => /USE TEMP B-TREE FOR ORDER BY/.test(line))) problems.push(`a sort: ${shown}`);
      if (rules.lookup && plan.some((line) => /\(status=\?\)/.test(line))) problems.push(`a lookup through the status index: ${shown}`);
    } else if (plan.some((line) => /Seq Scan/.test(line))) {
      problems.push(`a sequential scan: ${shown}`);
    }
  }
  return problems;
}

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
