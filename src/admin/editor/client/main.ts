/**
 * The admin's one client-side script (public/build/editor.js, bundled by esbuild): turns
 * each `[data-editor-for]` on the page into the rich-text editor for its textarea. Without
 * it, the textarea is the editor.
 */
import { mountEditorIsland } from './island.js';

// Marks for the bench (scripts/bench-editor.ts): from here to 'dossier-editor-ready' is the island's own start-up.
performance.mark('dossier-editor-start');
for (const mount of document.querySelectorAll<HTMLElement>('[data-editor-for]')) mountEditorIsland(mount);
