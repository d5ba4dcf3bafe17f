/**
 * Text blocks and their containers: paragraphs, h2–h4, quotations with a citation, pull
 * quotes, lists, rules and line breaks. Each maps to exactly one element of the stored
 * subset (docs/body-html.md); serialize-body.ts writes them back.
 */
import { Node } from '@tiptap/core';
import { hiddenAttribute } from './attributes.js';

export type HeadingLevel = 2 | 3 | 4;
export const HEADING_LEVELS: readonly HeadingLevel[] = [2, 3, 4];

export const Doc = Node.create({
  name: 'doc',
  topNode: true,
  content: 'block+',
  addAttributes() {
    // Whitespace after the last block; set by the loader, never parsed from an element.
    return { wsEnd: { default: null, rendered: false } };
  },
});

export const Text = Node.create({ name: 'text', group: 'inline' });

export const Paragraph = Node.create({
  name: 'paragraph',
  group: 'block',
  content: 'inline*',
  priority: 1000,
  parseHTML: () => [{ tag: 'p' }],
  renderHTML: () => ['p', 0],
});

export const Heading = Node.create({
  name: 'heading',
  group: 'block',
  content: 'inline*',
  defining: true,
  addAttributes() {
    return {
      level: { default: 2, rendered: false, parseHTML: (el: HTMLElement) => levelOf(el.tagName) },
      // The stored anchor; the serializer recomputes it as the server does (body-html.ts).
      id: hiddenAttribute((el) => el.getAttribute('id')),
    };
  },
  // h1 is the page title (the server turns it into h2), and the subset stops at h4.
  parseHTML: () => ['h1', 'h2', 'h3', 'h4', 'h5', 'h6'].map((tag) => ({ tag })),
  renderHTML: ({ node }) => [`h${node.attrs.level as number}`, 0],
});

function levelOf(tagName: string): HeadingLevel {
  const n = Number(tagName.slice(1));
  return n <= 2 ? 2 : n >= 4 ? 4 : 3;
}

/** `<blockquote>`: a quotation (with a `<cite>` last), or with `pull: true` a pull quote. */
export const Blockquote = Node.create({
  name: 'blockquote',
  group: 'block',
  content: 'block+ citation?',
  defining: true,
  addAttributes() {
    return {
      pull: { default: false, rendered: false, parseHTML: (el: HTMLElement) => el.getAttribute('class') === 'pull-quote' },
    };
  },
  parseHTML: () => [{ tag: 'blockquote' }],
  renderHTML: ({ node }) => ['blockquote', node.attrs.pull ? { class: 'pull-quote' } : {}, 0],
});

/** The `<cite>` that closes a quotation: "Name, role". */
export const Citation = Node.create({
  name: 'citation',
  content: 'inline*',
  defining: true,
  parseHTML: () => [{ tag: 'blockquote > cite', priority: 60 }],
  renderHTML: () => ['cite', { class: 'editor-citation' }, 0],
});

export const BulletList = Node.create({
  name: 'bulletList',
  group: 'block',
  content: 'listItem+',
  parseHTML: () => [{ tag: 'ul' }],
  renderHTML: () => ['ul', 0],
});

export const OrderedList = Node.create({
  name: 'orderedList',
  group: 'block',
  content: 'listItem+',
  addAttributes() {
    return { start: { default: null, parseHTML: (el: HTMLElement) => el.getAttribute('start') } };
  },
  parseHTML: () => [{ tag: 'ol' }],
  renderHTML: ({ node }) => ['ol', node.attrs.start === null ? {} : { start: node.attrs.start as string }, 0],
});

/**
 * `<li>`. Stored items hold their text directly (`<li>Turnout</li>`); the editor keeps it in
 * a paragraph, as list commands need, and `bare` says to write that paragraph without `<p>`.
 */
export const ListItem = Node.create({
  name: 'listItem',
  content: 'paragraph block*',
  defining: true,
  addAttributes() {
    return {
      bare: {
        default: true,
        rendered: false,
        parseHTML: (el: HTMLElement) => !(el.firstChild instanceof HTMLElement && el.firstChild.tagName === 'P'),
      },
    };
  },
  parseHTML: () => [{ tag: 'li' }],
  renderHTML: () => ['li', 0],
  addKeyboardShortcuts() {
    return {
      Enter: () => this.editor.commands.splitListItem(this.name),
      Tab: () => this.editor.commands.sinkListItem(this.name),
      'Shift-Tab': () => this.editor.commands.liftListItem(this.name),
    };
  },
});

export const HorizontalRule = Node.create({
  name: 'horizontalRule',
  group: 'block',
  atom: true,
  parseHTML: () => [{ tag: 'hr' }],
  renderHTML: () => ['hr'],
});

export const HardBreak = Node.create({
  name: 'hardBreak',
  group: 'inline',
  inline: true,
  selectable: false,
  parseHTML: () => [{ tag: 'br' }],
  renderHTML: () => ['br'],
  renderText: () => '\n',
  addKeyboardShortcuts() {
    return {
      'Shift-Enter': () => this.editor.commands.insertContent({ type: this.name }),
    };
  },
});
