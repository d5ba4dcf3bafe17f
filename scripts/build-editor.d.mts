export const EDITOR_ENTRY: string;
export const EDITOR_BUNDLE: string;
export function isEditorBundleStale(): boolean;
export function buildEditorBundle(options?: { ifStale?: boolean }): Promise<boolean>;
