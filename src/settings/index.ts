export { DEFAULT_SETTINGS, SiteSettings } from './settings.js';
export { loadSettings, saveSettings } from './load-settings.js';
export { readInternalSetting, writeInternalSetting } from './internal-settings.js';
