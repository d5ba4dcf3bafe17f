export {
  COMMENT_MODERATION,
  type CommentModeration,
  DEFAULT_SETTINGS,
  isTimeZone,
  knownTimeZones,
  MAX_MENU_LINKS,
  MenuUrl,
  NavigationLink,
  SiteSettings,
} from './settings.js';
export { loadSettings, saveSettings, updateSiteSettings } from './load-settings.js';
export { readInternalSetting, writeInternalSetting } from './internal-settings.js';
