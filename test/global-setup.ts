import { buildEditorBundle } from '../scripts/build-editor.mjs';

/**
 * Once per test run: tests load assets from public/, so the editor island's bundle
 * (public/build/editor.js, gitignored) is rebuilt first when its sources are newer.
 */
export default async function setup(): Promise<void> {
  await buildEditorBundle({ ifStale: true });
}
