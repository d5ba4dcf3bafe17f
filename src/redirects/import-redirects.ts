import { type Actor, assertCan } from '../accounts/index.js';
import type { Database } from '../db/database.js';
import { ValidationError } from '../shared/errors.js';
import type { WriteDeps } from '../shared/write-deps.js';
import type { Redirect } from './redirect.js';
import { type CsvProblem, type CsvRow, parseRedirectCsv } from './redirect-csv.js';
import { findRedirects, insertRedirect } from './redirect.queries.js';

export type ImportChange = 'new' | 'changed' | 'unchanged';

export interface ImportPreviewRow extends CsvRow {
  change: ImportChange;
  /** what the path redirects to today, when it does */
  before: Redirect | null;
}

export interface ImportPreview {
  rows: ImportPreviewRow[];
  problems: CsvProblem[];
  counts: Record<ImportChange, number>;
}

/** What an import would do, line by line, without writing anything. */
export async function previewRedirectImport(db: Database, actor: Actor, csv: string): Promise<ImportPreview> {
  assertCan(actor, 'manage_redirects', 'import redirects');
  const { rows, problems } = parseRedirectCsv(csv);
  const existing = await findRedirectsInChunks(db, rows.map((r) => r.redirect.fromPath));
  const counts: Record<ImportChange, number> = { new: 0, changed: 0, unchanged: 0 };
  const previewed = rows.map((row): ImportPreviewRow => {
    const before = existing.get(row.redirect.fromPath) ?? null;
    const change: ImportChange = !before ? 'new' : before.toPath === row.redirect.toPath && before.code === row.redirect.code ? 'unchanged' : 'changed';
    counts[change]++;
    return { ...row, change, before: before && { fromPath: before.fromPath, toPath: before.toPath, code: before.code } };
  });
  return { rows: previewed, problems, counts };
}

/** The message of a refused import: every line at fault, with its value. */
export function describeProblems(problems: readonly CsvProblem[]): string {
  const shown = problems.slice(0, 20).map((p) => `line ${p.line}: ${p.value === '' ? '' : `"${p.value}" — `}${p.message}`);
  const more = problems.length > shown.length ? [`and ${problems.length - shown.length} more`] : [];
  return [...shown, ...more].join('; ');
}

/**
 * Imports redirects from CSV, all or nothing: any line at fault refuses the whole file
 * (naming every such line), and the rows are written in one transaction. A row for a path
 * that already redirects replaces where it points.
 */
export async function importRedirects(deps: WriteDeps, actor: Actor, csv: string): Promise<{ written: number; unchanged: number }> {
  const preview = await previewRedirectImport(deps.db, actor, csv);
  if (preview.problems.length > 0) throw new ValidationError(`Nothing was imported. ${describeProblems(preview.problems)}`, { csv: describeProblems(preview.problems) });
  const toWrite = preview.rows.filter((r) => r.change !== 'unchanged');
  const now = deps.clock.now().toISOString();
  await deps.db.transaction().execute(async (trx) => {
    for (const row of toWrite) await insertRedirect(trx, row.redirect, now);
  });
  for (const row of toWrite) await deps.events.emit({ type: 'redirect.changed', fromPath: row.redirect.fromPath });
  return { written: toWrite.length, unchanged: preview.counts.unchanged };
}

async function findRedirectsInChunks(db: Database, paths: readonly string[]) {
  const found = new Map<string, Redirect>();
  for (let i = 0; i < paths.length; i += 500) {
    for (const [path, entry] of await findRedirects(db, paths.slice(i, i + 500))) found.set(path, entry);
  }
  return found;
}
