import type { Database } from '../db/database.js';
import { parseInput } from '../shared/validate.js';
import type { WriteDeps } from '../shared/write-deps.js';
import { DEFAULT_SETTINGS, SiteSettings } from './settings.js';
import { readSettingRows, writeSettingRows } from './settings.queries.js';

/** The site's settings, defaults filled in for anything never saved. */
export async function loadSettings(db: Database): Promise<SiteSettings> {
  const stored = await readSettingRows(db);
  const merged = { ...DEFAULT_SETTINGS, ...stored };
  const parsed = SiteSettings.safeParse(merged);
  return parsed.success ? parsed.data : DEFAULT_SETTINGS;
}

/** Saves changed settings; every page shows some of them (title, navigation…), so all pages follow. */
export async function saveSettings(deps: WriteDeps, changes: Partial<SiteSettings>): Promise<SiteSettings> {
  const next = parseInput(SiteSettings, { ...(await loadSettings(deps.db)), ...changes }, 'settings');
  await writeSettingRows(deps.db, next);
  await deps.events.emit({ type: 'settings.changed' });
  return next;
}
