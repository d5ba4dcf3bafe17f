import type { Generated, Selectable } from 'kysely';

export interface MediaTable {
  id: string;
  file: string;
  mime_type: string;
  size: number;
  width: number;
  height: number;
  variants: Generated<string>; // JSON: MediaVariant[]
  alt: Generated<string>;
  caption: Generated<string>;
  credit: Generated<string>;
  created_at: string;
}
export type MediaRow = Selectable<MediaTable>;
