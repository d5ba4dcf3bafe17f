import { type Actor, assertCan } from '../accounts/index.js';
import type { Database } from '../db/database.js';
import { parseInput } from '../shared/validate.js';
import type { WriteDeps } from '../shared/write-deps.js';
import { DEFAULT_SETTINGS, SiteSettings } from './settings.js';
import { readSettingRows, writeSettingRows } from './settings.queries.js';

/**
 * The site's settings, defaults filled in for anything never saved. A stored value that no
 * longer fits its field (an older shape) falls back to that field's default alone, so one
 * stale row never resets the whole site to defaults.
 */
export async function loadSettings(db: Database): Promise<SiteSettings> {
  const stored = await readSettingRows(db);
  const merged = { ...DEFAULT_SETTINGS, ...stored };
  const parsed = SiteSettings.safeParse(merged);
  if (parsed.success) return parsed.data;
  const fields = SiteSettings.shape;
  const settings: Record<string, unknown> = {};
  for (const key of Object.keys(DEFAULT_SETTINGS) as Array<keyof SiteSettings>) {
    const field = fields[key].safeParse(stored[key]);
    settings[key] = field.success ? field.data : DEFAULT_SETTINGS[key];
  }
  return settings as SiteSettings;
}

/** Saves changed settings; every page shows some of them (title, navigation…), so all pages follow. */
export async function saveSettings(deps: WriteDeps, changes: Partial<SiteSettings>): Promise<SiteSettings> {
  const next = parseInput(SiteSettings, { ...(await loadSettings(deps.db)), ...changes }, 'settings');
  await writeSettingRows(deps.db, next);
  await deps.events.emit({ type: 'settings.changed' });
  return next;
}

/** Settings changed by a person in the admin: only those who manage settings may. */
export async function updateSiteSettings(deps: WriteDeps, actor: Actor, changes: Partial<SiteSettings>): Promise<SiteSettings> {
  assertCan(actor, 'manage_settings', 'change the site settings');
  return saveSettings(deps, changes);
}
