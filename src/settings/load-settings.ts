import type { Database } from '../db/database.js';
import { parseInput } from '../shared/validate.js';
import { DEFAULT_SETTINGS, SiteSettings } from './settings.js';
import { readSettingRows, writeSettingRows } from './settings.queries.js';



/** The site's settings, defaults filled in for anything never saved. */
export async function loadSettings(db: Database): Promise<SiteSettings> {
  const stored = await readSettingRows(db);
  const merged = { ...DEFAULT_SETTINGS, ...stored };
  const parsed = SiteSettings.safeParse(merged);
  return parsed.success ? parsed.data : DEFAULT_SETTINGS;
}

export async function saveSettings(db: Database, changes: Partial<SiteSettings>): Promise<SiteSettings> {
  const next = parseInput(SiteSettings, { ...(await loadSettings(db)), ...changes }, 'settings');
  await writeSettingRows(db, next);
  return next;
}
