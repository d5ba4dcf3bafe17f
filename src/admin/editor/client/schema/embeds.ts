/**
 * Blocks edited as a whole: the link card an embed becomes, and the opaque HTML block
 * (`div.html-block`, or any stored block the schema cannot hold exactly), kept verbatim.
 */
import { Node } from '@tiptap/core';
import { domToHtml } from '../body/html-text.js';
import { htmlBlockNodeView, linkCardNodeView } from './node-views.js';

function childText(parent: Element, tag: string): string | null {
  const el = [...parent.children].find((c) => c.tagName === tag);
  return el ? (el.textContent ?? '') : null;
}

/** `<figure class="link-card"><a href="…"><strong>Title</strong> <span>Description</span> <small>host</small></a></figure>` */
export const LinkCard = Node.create({
  name: 'linkCard',
  group: 'block',
  atom: true,
  draggable: true,
  addAttributes() {
    const fromAnchor = (read: (a: Element) => string | null) => (el: HTMLElement) => {
      const a = el.querySelector(':scope > a[href]');
      return a ? read(a) : null;
    };
    return {
      href: { default: '', rendered: false, parseHTML: fromAnchor((a) => a.getAttribute('href')) },
      title: { default: '', rendered: false, parseHTML: fromAnchor((a) => childText(a, 'STRONG')) },
      description: { default: '', rendered: false, parseHTML: fromAnchor((a) => childText(a, 'SPAN')) },
      host: { default: '', rendered: false, parseHTML: fromAnchor((a) => childText(a, 'SMALL')) },
    };
  },
  parseHTML: () => [
    {
      tag: 'figure',
      priority: 60,
      getAttrs: (el: HTMLElement) => (el.getAttribute('class') === 'link-card' && el.querySelector(':scope > a[href]') ? null : false),
    },
  ],
  renderHTML: ({ node }) => {
    const { href, title, description, host } = node.attrs as Record<string, string>;
    const parts: unknown[] = [['strong', title]];
    if (description) parts.push(' ', ['span', description]);
    if (host) parts.push(' ', ['small', host]);
    return ['figure', { class: 'link-card' }, ['a', { href }, ...parts]] as never;
  },
  addNodeView: () => linkCardNodeView,
});

export type HtmlBlockKind = 'html-block' | 'kept';

/**
 * Raw HTML shown read-only: a `div.html-block` (tables and whatever else fits nothing), or a
 * stored block this editor cannot represent exactly (`kind: "kept"`), so nothing is lost.
 */
export const HtmlBlock = Node.create({
  name: 'htmlBlock',
  group: 'block',
  atom: true,
  draggable: true,
  addAttributes() {
    return {
      html: { default: '', rendered: false, parseHTML: (el: HTMLElement) => el.getAttribute('data-html') ?? domToHtml(el) },
      kind: { default: 'html-block', rendered: false, parseHTML: (el: HTMLElement) => (el.getAttribute('data-kind') === 'kept' ? 'kept' : 'html-block') },
    };
  },
  parseHTML: () => [
    { tag: 'div[data-html]', priority: 70 },
    { tag: 'div', priority: 60, getAttrs: (el: HTMLElement) => (el.getAttribute('class') === 'html-block' ? null : false) },
  ],
  // The clipboard form: the editor's own copy and paste carries the HTML in an attribute.
  renderHTML: ({ node }) => ['div', { class: 'html-block', 'data-html': node.attrs.html as string, 'data-kind': node.attrs.kind as string }],
  addNodeView: () => htmlBlockNodeView,
});
