import type { Generated } from 'kysely';

export interface RedirectsTable {
  from_path: string;
  to_path: string;
  code: number; // 301 | 410
  created_at: string;
  /** times followed, added in batches (count-hits.ts) */
  hits: Generated<number>;
  last_hit_at: string | null;
}
