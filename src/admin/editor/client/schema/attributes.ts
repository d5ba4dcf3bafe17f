/**
 * Attribute helpers shared by the schema's nodes. Tiptap turns attribute strings into
 * numbers and booleans unless told otherwise ("01" would become 1); a lossless editor keeps
 * every value exactly as stored, so every attribute here parses itself.
 */
import { Extension } from '@tiptap/core';

/** An attribute kept in the document but never rendered into the editing view. */
export function hiddenAttribute(parse: (element: HTMLElement) => unknown, fallback: unknown = null) {
  return { default: fallback, rendered: false, keepOnSplit: false, parseHTML: parse };
}

/** Node types that are blocks in some container: they remember the whitespace before them. */
export const BLOCK_NODE_TYPES = [
  'paragraph', 'heading', 'blockquote', 'citation', 'bulletList', 'orderedList', 'listItem', 'horizontalRule',
  'figure', 'image', 'figcaption', 'gallery', 'linkCard', 'htmlBlock',
];

/** Node types with block children: they remember the whitespace before their closing tag. */
export const CONTAINER_NODE_TYPES = ['blockquote', 'bulletList', 'orderedList', 'listItem', 'figure', 'figcaption', 'gallery'];

/**
 * Stored bodies put whitespace (usually one newline) between blocks, or none. The loader
 * moves each such run into `data-ws` on the block after it (`data-ws-end` on its container
 * when it comes last), and these attributes carry it back out when the body is serialized.
 * `null` means "not from a stored body": the serializer then writes its default.
 */
export const BlockWhitespace = Extension.create({
  name: 'blockWhitespace',
  addGlobalAttributes() {
    return [
      { types: BLOCK_NODE_TYPES, attributes: { ws: hiddenAttribute((el) => el.getAttribute('data-ws')) } },
      { types: CONTAINER_NODE_TYPES, attributes: { wsEnd: hiddenAttribute((el) => el.getAttribute('data-ws-end')) } },
    ];
  },
});
