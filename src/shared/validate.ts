import type { z } from 'zod';
import { ValidationError } from './errors.js';

/** Parses input at a boundary; a failure becomes a ValidationError naming each field. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown, what = 'input'): z.output<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const fields: Record<string, string> = {};
  for (const issue of result.error.issues) {
    const key = issue.path.join('.') || '_';
    fields[key] ??= issue.message;
  }
  const summary = Object.entries(fields)
    .map(([k, v]) => (k === '_' ? v : `${k}: ${v}`))
    .join('; ');
  throw new ValidationError(`invalid ${what}: ${summary}`, fields);
}
