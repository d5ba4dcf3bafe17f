import type { Database } from '../db/database.js';
import { findMediaByIds, listMediaIds } from '../media/index.js';
import type { SelectOption } from './views/form-fields.js';

/**
 * The library's most recent images as select options (ids are ULIDs, so the largest are
 * the newest), for picking an avatar or a logo without JavaScript. The chosen one is kept
 * in the list even when it is older.
 */
export async function recentImageOptions(db: Database, chosenId: string | null, limit = 40): Promise<SelectOption[]> {
  const ids = (await listMediaIds(db)).sort().reverse().slice(0, limit);
  if (chosenId && !ids.includes(chosenId)) ids.unshift(chosenId);
  const images = await findMediaByIds(db, ids);
  return ids
    .filter((id) => images.has(id))
    .map((id) => {
      const image = images.get(id)!;
      const name = image.alt || image.caption || image.url.replace(/^\/media\//, '');
      return { value: id, label: `${name.slice(0, 70)} (${image.width}×${image.height})` };
    });
}

/** Whether an id names an image in the library. */
export async function isImageId(db: Database, id: string): Promise<boolean> {
  return (await findMediaByIds(db, [id])).has(id);
}
