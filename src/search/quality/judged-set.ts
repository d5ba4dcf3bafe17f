import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';

/*
 * The judged queries the engine's quality is measured on: queries a reader of the demo
 * publication would type, each with the demo articles that answer it, graded 2 (about it)
 * or 1 (partly about it); an article not listed is judged not relevant. README.md beside
 * this file says how the judgements were made and reviewed.
 */

export const QUERY_KINDS = [
  'one word',
  'two words',
  'three words',
  'alias',
  'person',
  'author',
  'phrase',
  'misspelling',
  'exclusion',
  'accents',
] as const;
export type QueryKind = (typeof QUERY_KINDS)[number];

const JudgedQuerySchema = z
  .object({
    query: z.string().min(1),
    kind: z.enum(QUERY_KINDS),
    /** why the query is there, or what a review changed */
    note: z.string().optional(),
    /** article slug → grade */
    relevant: z
      .record(z.string().min(1), z.union([z.literal(1), z.literal(2)]))
      .refine((grades) => Object.keys(grades).length > 0, 'a judged query needs at least one relevant article'),
  })
  .strict();

export type JudgedQuery = z.infer<typeof JudgedQuerySchema>;

export const JUDGED_SET_FILE = path.join(import.meta.dirname, 'judged-queries.json');

export function parseJudgedSet(json: unknown): JudgedQuery[] {
  const set = z.array(JudgedQuerySchema).min(1).parse(json);
  const seen = new Set<string>();
  for (const { query } of set) {
    if (seen.has(query)) throw new Error(`the judged set has "${query}" twice`);
    seen.add(query);
  }
  return set;
}

export function loadJudgedSet(file = JUDGED_SET_FILE): JudgedQuery[] {
  return parseJudgedSet(JSON.parse(fs.readFileSync(file, 'utf8')));
}
