/**
 * Figures: `<figure><img …><figcaption>Caption <small class="credit">Credit</small></figcaption></figure>`,
 * the save step's `<picture>` around the image, and galleries of figures. The caption and
 * the credit are two editable lines of the figcaption; an empty one is not written out.
 */
import { Node } from '@tiptap/core';
import { hiddenAttribute } from './attributes.js';
import { imageNodeView } from './node-views.js';

export type AttrPairs = [string, string][];

export function pairsOf(el: Element | null): AttrPairs {
  return el ? [...el.attributes].map((a) => [a.name, a.value] as [string, string]) : [];
}

export function pairValue(pairs: AttrPairs, name: string): string | null {
  return pairs.find(([n]) => n === name)?.[1] ?? null;
}

/** The pairs with `name` set to `value` (in place if present, else appended), or removed when null. */
export function withPair(pairs: AttrPairs, name: string, value: string | null): AttrPairs {
  const has = pairs.some(([n]) => n === name);
  if (value === null) return pairs.filter(([n]) => n !== name);
  return has ? pairs.map(([n, v]) => [n, n === name ? value : v]) : [...pairs, [name, value]];
}

/** The image attributes a new figure gets, in the order the server writes them for unknown images. */
export function newImageAttrs(image: { src: string; alt: string; width?: number | null; height?: number | null }): AttrPairs {
  const pairs: AttrPairs = [['src', image.src], ['alt', image.alt]];
  if (image.width) pairs.push(['width', String(image.width)]);
  if (image.height) pairs.push(['height', String(image.height)]);
  return pairs;
}

function isPlainPicture(el: HTMLElement): boolean {
  const kids = [...el.childNodes];
  return kids.length === 2 && kids[0] instanceof HTMLElement && kids[0].tagName === 'SOURCE' && kids[1] instanceof HTMLElement && kids[1].tagName === 'IMG';
}

export const Figure = Node.create({
  name: 'figure',
  group: 'block',
  content: 'image figcaption',
  isolating: true,
  draggable: true,
  parseHTML: () => [{ tag: 'figure', getAttrs: (el: HTMLElement) => (el.hasAttribute('class') ? false : null) }],
  renderHTML: () => ['figure', 0],
});

/**
 * The image of a figure. Its attributes are kept as ordered pairs, exactly as stored (the
 * save step writes srcset, sizes, loading and decoding for the site's own media), and
 * `source` is the WebP `<source>` of the `<picture>` around it, if there is one.
 */
export const Image = Node.create({
  name: 'image',
  atom: true,
  selectable: false,
  addAttributes() {
    return {
      imgAttrs: hiddenAttribute((el) => pairsOf(el.tagName === 'PICTURE' ? el.querySelector('img') : el), []),
      source: hiddenAttribute((el) => (el.tagName === 'PICTURE' ? pairsOf(el.querySelector('source')) : null)),
    };
  },
  parseHTML: () => [
    { tag: 'picture', getAttrs: (el: HTMLElement) => (isPlainPicture(el) ? null : false) },
    { tag: 'img[src]' },
  ],
  renderHTML: ({ node }) => {
    const pairs = node.attrs.imgAttrs as AttrPairs;
    const attrs: Record<string, string> = {};
    for (const name of ['src', 'alt', 'width', 'height']) {
      const value = pairValue(pairs, name);
      if (value !== null) attrs[name] = value;
    }
    return ['img', attrs];
  },
  addNodeView: () => imageNodeView,
});

export const Figcaption = Node.create({
  name: 'figcaption',
  content: 'captionText credit',
  isolating: true,
  addAttributes() {
    // What separates the caption from the credit ("Caption <small …>"): one space unless stored otherwise.
    return { gap: hiddenAttribute((el) => el.getAttribute('data-gap'), ' ') };
  },
  parseHTML: () => [{ tag: 'figcaption' }],
  renderHTML: () => ['figcaption', 0],
});

export const CaptionText = Node.create({
  name: 'captionText',
  content: 'inline*',
  parseHTML: () => [{ tag: 'figcaption > [data-caption]' }],
  renderHTML: () => ['div', { 'data-caption': '', class: 'editor-caption' }, 0],
  addKeyboardShortcuts() {
    return {
      // Enter moves from the caption to the credit line rather than splitting the caption.
      Enter: ({ editor }) => {
        const { $from } = editor.state.selection;
        if ($from.parent.type.name !== this.name) return false;
        return editor.commands.setTextSelection($from.after() + 1);
      },
    };
  },
});

export const Credit = Node.create({
  name: 'credit',
  content: 'inline*',
  parseHTML: () => [{ tag: 'figcaption > small.credit' }],
  renderHTML: () => ['small', { class: 'credit editor-credit' }, 0],
  addKeyboardShortcuts() {
    return {
      // Enter at the credit leaves the figure for a new paragraph after it.
      Enter: ({ editor }) => {
        const { $from } = editor.state.selection;
        if ($from.parent.type.name !== this.name) return false;
        const figureDepth = $from.depth - 2;
        if ($from.node(figureDepth).type.name !== 'figure') return false;
        const after = $from.after(figureDepth);
        return editor.chain().insertContentAt(after, { type: 'paragraph' }).setTextSelection(after + 1).run();
      },
    };
  },
});

export const Gallery = Node.create({
  name: 'gallery',
  group: 'block',
  content: 'figure+',
  isolating: true,
  parseHTML: () => [{ tag: 'figure', priority: 60, getAttrs: (el: HTMLElement) => (el.getAttribute('class') === 'gallery' ? null : false) }],
  renderHTML: () => ['figure', { class: 'gallery' }, 0],
});
