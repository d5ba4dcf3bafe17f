/**
 * The admin's one client-side script (public/build/editor.js, bundled by esbuild): turns
 * each `[data-editor-for]` on the page into the rich-text editor for its textarea. Without
 * it, the textarea is the editor.
 */
import { mountEditorIsland } from './island.js';

for (const mount of document.querySelectorAll<HTMLElement>('[data-editor-for]')) mountEditorIsland(mount);
