import type { Database } from '../db/database.js';
import { reservedSlugProblem } from './taxonomy.schema.js';
import { pageSlugsAmong, tagSlugsAmong, takenTopicPaths } from './taxonomy.queries.js';

/** "port-2", "port-3", …: the candidates offered when a slug is taken. */
function candidates(slug: string): string[] {
  const base = slug.replace(/-\d+$/, '');
  return Array.from({ length: 20 }, (_, i) => `${base}-${i + 2}`).filter((s) => s !== slug);
}

/** A free slug for a topic under this parent (null for the top level, which pages share). */
export async function suggestTopicSlug(db: Database, parentPath: string | null, slug: string): Promise<string | null> {
  const options = candidates(slug).filter((s) => !reservedSlugProblem(s, parentPath === null));
  const pathOf = (s: string) => (parentPath === null ? s : `${parentPath}/${s}`);
  const [taken, pages] = await Promise.all([
    takenTopicPaths(db, options.map(pathOf)),
    parentPath === null ? pageSlugsAmong(db, options) : Promise.resolve(new Set<string>()),
  ]);
  return options.find((s) => !taken.has(pathOf(s)) && !pages.has(s)) ?? null;
}

export async function suggestTagSlug(db: Database, slug: string): Promise<string | null> {
  const options = candidates(slug);
  const taken = await tagSlugsAmong(db, options);
  return options.find((s) => !taken.has(s)) ?? null;
}

/** "… is taken; try "x-2"" — the refusal an editor can act on. */
export function takenMessage(what: string, suggestion: string | null): string {
  return suggestion ? `${what}; try "${suggestion}"` : what;
}
