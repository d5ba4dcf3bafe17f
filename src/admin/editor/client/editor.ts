/**
 * The Tiptap editor over the body schema: the stored body loaded losslessly, undo, drop
 * and gap cursors, placeholders for captions, credits and citations, the shortcuts, and
 * pasted HTML cleaned to the subset.
 */
import { Editor, Extension, getSchema } from '@tiptap/core';
import { Dropcursor, Gapcursor, Placeholder, UndoRedo } from '@tiptap/extensions';
import { loadBody } from './body/load-body.js';
import { toggleHeading, toggleList, toggleMark, toggleQuote } from './commands.js';
import { cleanPastedHtml } from './paste/clean-paste.js';
import { BODY_EXTENSIONS } from './schema/index.js';

export interface BodyEditorOptions {
  host: HTMLElement;
  html: string;
  labelId: string;
  onLink: () => void;
  onFocusToolbar: () => void;
  /** image files dropped or pasted at a document position */
  onFiles: (files: File[], pos: number) => void;
}

const PLACEHOLDERS: Record<string, string> = {
  captionText: 'Caption',
  credit: 'Credit',
  citation: 'Name, role',
};

function shortcuts(options: Pick<BodyEditorOptions, 'onLink' | 'onFocusToolbar'>) {
  return Extension.create({
    name: 'dossierShortcuts',
    addKeyboardShortcuts() {
      const editor = this.editor;
      return {
        'Mod-b': () => toggleMark(editor, 'strong'),
        'Mod-i': () => toggleMark(editor, 'em'),
        'Mod-k': () => {
          options.onLink();
          return true;
        },
        'Mod-Alt-0': () => editor.chain().focus().setNode('paragraph').run(),
        'Mod-Alt-2': () => toggleHeading(editor, 2),
        'Mod-Alt-3': () => toggleHeading(editor, 3),
        'Mod-Alt-4': () => toggleHeading(editor, 4),
        'Mod-Shift-8': () => toggleList(editor, 'bulletList'),
        'Mod-Shift-7': () => toggleList(editor, 'orderedList'),
        'Mod-Shift-b': () => toggleQuote(editor, false),
        'Alt-F10': () => {
          options.onFocusToolbar();
          return true;
        },
      };
    },
  });
}

export function createBodyEditor(options: BodyEditorOptions): { editor: Editor; keptBlocks: number } {
  const extensions = [
    ...BODY_EXTENSIONS,
    UndoRedo,
    Dropcursor.configure({ class: 'editor-dropcursor', width: 3 }),
    Gapcursor,
    Placeholder.configure({
      includeChildren: true,
      showOnlyCurrent: false,
      placeholder: ({ node, editor }) => PLACEHOLDERS[node.type.name] ?? (node.type.name === 'paragraph' && editor.isEmpty ? 'Write the article…' : ''),
    }),
    shortcuts(options),
  ];
  const loaded = loadBody(options.html, getSchema(extensions));
  const editor = new Editor({
    element: options.host,
    extensions,
    content: loaded.doc.toJSON(),
    injectCSS: false,
    enableContentCheck: false,
    editorProps: {
      attributes: {
        class: 'editor-content',
        role: 'textbox',
        'aria-multiline': 'true',
        'aria-labelledby': options.labelId,
        spellcheck: 'true',
      },
      transformPastedHTML: cleanPastedHtml,
      handleDrop: (view, event, _slice, moved) => {
        const files = [...(event.dataTransfer?.files ?? [])];
        if (moved || files.length === 0) return false;
        event.preventDefault();
        const pos = view.posAtCoords({ left: event.clientX, top: event.clientY })?.pos ?? view.state.selection.from;
        options.onFiles(files, pos);
        return true;
      },
      handlePaste: (view, event) => {
        const files = [...(event.clipboardData?.files ?? [])].filter((f) => f.type.startsWith('image/'));
        if (files.length === 0) return false;
        options.onFiles(files, view.state.selection.from);
        return true;
      },
    },
  });
  return { editor, keptBlocks: loaded.keptBlocks };
}
