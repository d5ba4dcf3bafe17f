export { DEFAULT_SETTINGS, SiteSettings } from './settings.js';
export { loadSettings, saveSettings } from './load-settings.js';
