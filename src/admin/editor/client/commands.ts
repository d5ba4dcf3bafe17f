/**
 * What the toolbar and the keyboard shortcuts do, in one place, each with whether it is
 * on (for aria-pressed) and whether it can run here (a heading cannot go in a caption).
 */
import type { Editor } from '@tiptap/core';
import type { HeadingLevel } from './schema/blocks.js';

export function toggleMark(editor: Editor, mark: 'strong' | 'em' | 's' | 'code' | 'sub' | 'sup'): boolean {
  return editor.chain().focus().toggleMark(mark).run();
}

export function toggleHeading(editor: Editor, level: HeadingLevel): boolean {
  return editor.chain().focus().toggleNode('heading', 'paragraph', { level }).run();
}

export function canToggleHeading(editor: Editor, level: HeadingLevel): boolean {
  return editor.can().toggleNode('heading', 'paragraph', { level });
}

export function toggleList(editor: Editor, list: 'bulletList' | 'orderedList'): boolean {
  return editor.chain().focus().toggleList(list, 'listItem').run();
}

/** A quotation or a pull quote: on when the cursor is in one of that kind; switches kind in place. */
export function isQuoteActive(editor: Editor, pull: boolean): boolean {
  return editor.isActive('blockquote', { pull });
}

export function toggleQuote(editor: Editor, pull: boolean): boolean {
  const chain = editor.chain().focus();
  if (isQuoteActive(editor, pull)) return chain.lift('blockquote').run();
  if (editor.isActive('blockquote')) return chain.updateAttributes('blockquote', { pull }).run();
  return chain.wrapIn('blockquote', { pull }).run();
}

export function canToggleQuote(editor: Editor): boolean {
  return editor.isActive('blockquote') || editor.can().wrapIn('blockquote');
}

/** The innermost quotation around the cursor: its position and node. */
function quoteAround(editor: Editor): { pos: number; node: import('@tiptap/pm/model').Node } | null {
  const { $from } = editor.state.selection;
  for (let depth = $from.depth; depth > 0; depth--) {
    const node = $from.node(depth);
    if (node.type.name === 'blockquote') return { pos: $from.before(depth), node };
  }
  return null;
}

/** Puts the cursor in the quotation's citation ("Name, role"), adding one at its end if needed. */
export function editCitation(editor: Editor): boolean {
  const quote = quoteAround(editor);
  if (!quote) return false;
  const last = quote.node.lastChild;
  const end = quote.pos + quote.node.nodeSize - 1;
  if (last?.type.name === 'citation') return editor.chain().focus().setTextSelection(end - 1).run();
  return editor.chain().focus().insertContentAt(end, { type: 'citation' }).setTextSelection(end + 1).run();
}

export function canEditCitation(editor: Editor): boolean {
  return quoteAround(editor) !== null;
}

export function insertRule(editor: Editor): boolean {
  return editor.chain().focus().insertContent([{ type: 'horizontalRule' }, { type: 'paragraph' }]).run();
}

/** The figure around the cursor (its image's position), for the alt-text dialog. */
export function imagePosAtCursor(editor: Editor): number | null {
  const { $from } = editor.state.selection;
  for (let depth = $from.depth; depth > 0; depth--) {
    if ($from.node(depth).type.name === 'figure') return $from.before(depth) + 1;
  }
  const node = editor.state.doc.nodeAt($from.pos);
  return node?.type.name === 'figure' ? $from.pos + 1 : null;
}

/** The link card selected, if one is. */
export function linkCardPosAtCursor(editor: Editor): number | null {
  const { selection } = editor.state;
  const node = editor.state.doc.nodeAt(selection.from);
  return node?.type.name === 'linkCard' && selection.to === selection.from + node.nodeSize ? selection.from : null;
}

/**
 * Puts a block where the cursor is: in a top-level paragraph it splits there (an empty one
 * is replaced); anywhere else (a caption, a list, a quotation) it goes after that block.
 */
export function insertBlock(editor: Editor, content: import('@tiptap/core').JSONContent, at?: number): boolean {
  if (at !== undefined) return editor.chain().focus().insertContentAt(at, content).run();
  const { $from } = editor.state.selection;
  if ($from.depth === 1 && $from.parent.type.name === 'paragraph') {
    if ($from.parent.content.size === 0) return editor.chain().focus().insertContentAt({ from: $from.before(1), to: $from.after(1) }, content).run();
    return editor.chain().focus().insertContent(content).run();
  }
  const after = $from.depth === 0 ? $from.pos : $from.after(1);
  return editor.chain().focus().insertContentAt(after, content).run();
}
