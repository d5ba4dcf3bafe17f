import type { Generated, Selectable } from 'kysely';

export interface MediaTable {
  id: string;
  /** the largest JPEG variant's name: what `/media/<file>` and <img src> use */
  file: string;
  /** the original's type, sniffed from its content */
  mime_type: string;
  /** bytes of the stored original */
  size: number;
  /** the largest JPEG variant's size */
  width: number;
  height: number;
  variants: Generated<string>; // JSON: MediaVariant[]
  alt: Generated<string>;
  caption: Generated<string>;
  credit: Generated<string>;
  created_at: string;
  /** the file name it was uploaded under ('' when not known) */
  original_name: Generated<string>;
  /** the original's own size, upright (0 when not known) */
  original_width: Generated<number>;
  original_height: Generated<number>;
  uploaded_by: string | null;
  /** "<user id>:<client key>" of the upload that stored it, so a retry finds it */
  idempotency_key: string | null;
}
export type MediaRow = Selectable<MediaTable>;
