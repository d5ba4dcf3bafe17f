// Rows per INSERT: under SQLite's 32,766 and PostgreSQL's 65,535 bound parameters even for
// the widest row (the article, about 25 columns).
export const ROWS_PER_STATEMENT = 500;

/** Rows in slices small enough for one multi-row statement each. */
export function* rowChunks<T>(rows: readonly T[], size = ROWS_PER_STATEMENT): Generator<T[]> {
  for (let i = 0; i < rows.length; i += size) yield rows.slice(i, i + size);
}
