/** The toolbar's buttons, grouped; each runs a command from commands.ts or opens a dialog. */
import type { Editor } from '@tiptap/core';
import {
  canEditCitation,
  canToggleHeading,
  canToggleQuote,
  editCitation,
  imagePosAtCursor,
  insertRule,
  isQuoteActive,
  linkCardPosAtCursor,
  toggleHeading,
  toggleList,
  toggleMark,
  toggleQuote,
} from './commands.js';
import type { Tool } from './ui/toolbar.js';

export interface ToolActions {
  link(): void;
  figure(): void;
  linkCard(pos: number | null): void;
  altText(pos: number): void;
}

export function toolGroups(editor: Editor, actions: ToolActions): { label: string; tools: Tool[] }[] {
  const heading = (level: 2 | 3 | 4): Tool => ({
    key: `h${level}`,
    label: `H${level} heading`,
    glyph: `H${level}`,
    shortcut: `Mod+Alt+${level}`,
    run: () => toggleHeading(editor, level),
    isActive: () => editor.isActive('heading', { level }),
    isEnabled: () => canToggleHeading(editor, level),
  });
  return [
    {
      label: 'Text',
      tools: [
        { key: 'bold', label: 'Bold', glyph: 'B', shortcut: 'Mod+B', run: () => toggleMark(editor, 'strong'), isActive: () => editor.isActive('strong'), isEnabled: () => editor.can().toggleMark('strong') },
        { key: 'italic', label: 'Italic', glyph: 'I', shortcut: 'Mod+I', run: () => toggleMark(editor, 'em'), isActive: () => editor.isActive('em'), isEnabled: () => editor.can().toggleMark('em') },
        { key: 'link', label: 'Link', glyph: 'Link', shortcut: 'Mod+K', run: actions.link, isActive: () => editor.isActive('link'), isEnabled: () => editor.can().setMark('link') },
      ],
    },
    { label: 'Headings', tools: [heading(2), heading(3), heading(4)] },
    {
      label: 'Blocks',
      tools: [
        { key: 'bullets', label: 'Bulleted list', glyph: '• List', shortcut: 'Mod+Shift+8', run: () => toggleList(editor, 'bulletList'), isActive: () => editor.isActive('bulletList'), isEnabled: () => editor.can().toggleList('bulletList', 'listItem') },
        { key: 'numbers', label: '1. List (numbered)', glyph: '1. List', shortcut: 'Mod+Shift+7', run: () => toggleList(editor, 'orderedList'), isActive: () => editor.isActive('orderedList'), isEnabled: () => editor.can().toggleList('orderedList', 'listItem') },
        { key: 'quote', label: 'Quote', glyph: '“ Quote', shortcut: 'Mod+Shift+B', run: () => toggleQuote(editor, false), isActive: () => isQuoteActive(editor, false), isEnabled: () => canToggleQuote(editor) },
        { key: 'pull', label: 'Pull quote', glyph: '❝ Pull', run: () => toggleQuote(editor, true), isActive: () => isQuoteActive(editor, true), isEnabled: () => canToggleQuote(editor) },
        { key: 'cite', label: 'Cite the speaker', glyph: '— Cite', run: () => editCitation(editor), isEnabled: () => canEditCitation(editor) },
      ],
    },
    {
      label: 'Insert',
      tools: [
        { key: 'figure', label: 'Insert a figure', glyph: 'Figure', run: actions.figure },
        { key: 'alt', label: 'Alt text of this figure', glyph: 'Alt', run: () => runAt(imagePosAtCursor(editor), actions.altText), isEnabled: () => imagePosAtCursor(editor) !== null },
        { key: 'card', label: 'Link card', glyph: 'Card', run: () => actions.linkCard(linkCardPosAtCursor(editor)) },
        { key: 'rule', label: 'Horizontal rule', glyph: '―', run: () => insertRule(editor) },
      ],
    },
    {
      label: 'History',
      tools: [
        { key: 'undo', label: 'Undo', glyph: '↶', shortcut: 'Mod+Z', run: () => editor.chain().focus().undo().run(), isEnabled: () => editor.can().undo() },
        { key: 'redo', label: 'Redo', glyph: '↷', shortcut: 'Mod+Shift+Z', run: () => editor.chain().focus().redo().run(), isEnabled: () => editor.can().redo() },
      ],
    },
  ];
}

function runAt(pos: number | null, action: (pos: number) => void): void {
  if (pos !== null) action(pos);
}
