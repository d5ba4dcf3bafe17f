export interface SettingsTable {
  key: string;
  value: string; // JSON
}
