/** A figure as the editor inserts it: `<figure><img src="/media/FILE" alt width height><figcaption>Caption <small class="credit">Credit</small></figcaption></figure>`. */
import type { JSONContent } from '@tiptap/core';
import { newImageAttrs } from '../schema/figures.js';
import { type MediaItem, mediaSrc } from './media-api.js';

const textContent = (text: string): JSONContent[] => (text ? [{ type: 'text', text }] : []);

export function figureContent(item: MediaItem, text: { alt: string; caption: string; credit: string }): JSONContent {
  return {
    type: 'figure',
    content: [
      { type: 'image', attrs: { imgAttrs: newImageAttrs({ src: mediaSrc(item), alt: text.alt, width: item.width, height: item.height }), source: null } },
      { type: 'figcaption', content: [{ type: 'captionText', content: textContent(text.caption) }, { type: 'credit', content: textContent(text.credit) }] },
    ],
  };
}
