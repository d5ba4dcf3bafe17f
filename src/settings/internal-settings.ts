import type { Database } from '../db/database.js';
import { readSettingValue, writeSettingRows } from './settings.queries.js';

/*
 * Rows of the settings table that readers never see and no page shows (install state such
 * as the demo seed's progress): written without an event, read one key at a time.
 */
export async function readInternalSetting(db: Database, key: string): Promise<unknown> {
  return readSettingValue(db, key);
}

export async function writeInternalSetting(db: Database, key: string, value: unknown): Promise<void> {
  await writeSettingRows(db, { [key]: value });
}
