import { escapeHtml } from '../shared/escape-html.js';
import { BLOCK_SEPARATOR, MARK_END, MARK_START } from './search-text.js';

/**
 * A text an engine marked (MARK_START/MARK_END around matches) as HTML that is safe to
 * render: every character escaped, and the only tags the <mark> pairs the markers stood
 * for — properly paired, whatever the engine returned. The stored text cannot hold the
 * markers (cleanText removes them), so only the engine's marks become tags.
 */
export function markedToHtml(marked: string): string {
  let html = '';
  let isOpen = false;
  for (const piece of marked.split(/([\uE000\uE001])/u)) {
    if (piece === MARK_START) {
      if (!isOpen) html += '<mark>';
      isOpen = true;
    } else if (piece === MARK_END) {
      if (isOpen) html += '</mark>';
      isOpen = false;
    } else {
      html += escapeHtml(piece);
    }
  }
  return isOpen ? `${html}</mark>` : html;
}

export function hasMark(marked: string): boolean {
  return marked.includes(MARK_START);
}

/**
 * The blocks of an engine's passage that hold a match, joined by " … ": a passage around a
 * match in the paragraph after a figure shows that paragraph, not the caption and photo
 * credit run into it. A passage with no match (only the title matched) keeps every block.
 */
export function matchedBlocks(marked: string): string {
  const blocks = marked.split(BLOCK_SEPARATOR).filter((block) => block.trim() !== '');
  const matched = blocks.filter(hasMark);
  return (matched.length > 0 ? matched : blocks).map((block) => block.trim()).join(' … ');
}
