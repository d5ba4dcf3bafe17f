import { z } from 'zod';
import type { Redirect } from './redirect.js';
import { RedirectInput } from './redirect.schema.js';

/** The most rows one import takes: a site's whole history of moved URLs fits, a mistake does not. */
export const MAX_IMPORT_ROWS = 10_000;

export interface CsvRow {
  /** 1-based, as an editor's spreadsheet numbers it */
  line: number;
  redirect: Redirect;
}

export interface CsvProblem {
  line: number;
  /** the value at fault, as written in the file */
  value: string;
  message: string;
}

/**
 * Reads `from,to,code` lines (an optional header row `from,to,code`; the code may be left
 * out for 301; fields may be quoted as spreadsheets write them). Every line is checked, and
 * every problem is reported with its line and value, so one pass fixes the whole file.
 */
export function parseRedirectCsv(text: string): { rows: CsvRow[]; problems: CsvProblem[] } {
  const rows: CsvRow[] = [];
  const problems: CsvProblem[] = [];
  const seen = new Map<string, number>();
  const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\n|\r/);
  lines.forEach((raw, index) => {
    const line = index + 1;
    if (raw.trim() === '') return;
    const fields = splitCsvLine(raw);
    if (fields === null) return void problems.push({ line, value: raw, message: 'a quoted field is not closed' });
    if (line === firstNonEmptyLine(lines) && isHeader(fields)) return;
    if (fields.length < 2 || fields.length > 3) {
      return void problems.push({ line, value: raw, message: `expected from,to,code (found ${fields.length} field${fields.length === 1 ? '' : 's'})` });
    }
    const [from = '', to = '', code = ''] = fields.map((f) => f.trim());
    const codeNumber = code === '' ? 301 : /^\d+$/.test(code) ? Number(code) : NaN;
    const parsed = RedirectInput.safeParse({ fromPath: from, toPath: to, code: codeNumber });
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      const field = String(issue.path[0] ?? '');
      const value = field === 'fromPath' ? from : field === 'toPath' ? to : field === 'code' ? code : raw;
      return void problems.push({ line, value, message: issue.message });
    }
    const earlier = seen.get(parsed.data.fromPath);
    if (earlier !== undefined) return void problems.push({ line, value: from, message: `the same path as line ${earlier}` });
    seen.set(parsed.data.fromPath, line);
    rows.push({ line, redirect: parsed.data });
  });
  if (rows.length + problems.length === 0) problems.push({ line: 1, value: '', message: 'the file has no redirects' });
  if (rows.length > MAX_IMPORT_ROWS) problems.push({ line: rows[MAX_IMPORT_ROWS]!.line, value: '', message: `at most ${MAX_IMPORT_ROWS} redirects per import` });
  return { rows, problems };
}

function firstNonEmptyLine(lines: readonly string[]): number {
  return lines.findIndex((l) => l.trim() !== '') + 1;
}

const HEADER = z.tuple([z.literal('from'), z.literal('to')]).rest(z.literal('code'));

function isHeader(fields: string[]): boolean {
  return HEADER.safeParse(fields.map((f) => f.trim().toLowerCase())).success;
}

/** One CSV line's fields (RFC 4180 quoting within a line); null when a quote is left open. */
export function splitCsvLine(line: string): string[] | null {
  const fields: string[] = [];
  let field = '';
  let isQuoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i]!;
    if (isQuoted) {
      if (ch === '"' && line[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') isQuoted = false;
      else field += ch;
    } else if (ch === '"' && field.trim() === '') {
      isQuoted = true;
      field = '';
    } else if (ch === ',') {
      fields.push(field);
      field = '';
    } else field += ch;
  }
  if (isQuoted) return null;
  fields.push(field);
  return fields;
}
