/**
 * Inline marks of the subset. `strong`/`b` and `em`/`i` stay distinct so a stored body comes
 * back as it was; the toolbar and the shortcuts make `strong` and `em`, and pasted `b`/`i`
 * become those (clean-paste.ts). Marks are nested in the order listed here (links outermost).
 */
import { Mark } from '@tiptap/core';
import { hiddenAttribute } from './attributes.js';
import { isLoadableHref } from './urls.js';

export const Link = Mark.create({
  name: 'link',
  priority: 1000,
  inclusive: false,
  addAttributes() {
    return {
      href: { default: null, parseHTML: (el: HTMLElement) => el.getAttribute('href') },
      title: { default: null, parseHTML: (el: HTMLElement) => el.getAttribute('title') },
      // The server writes rel="noopener" on external links; any other rel is kept as stored.
      rel: hiddenAttribute((el) => el.getAttribute('rel')),
    };
  },
  parseHTML: () => [{ tag: 'a[href]', getAttrs: (el: HTMLElement) => (isLoadableHref(el.getAttribute('href') ?? '') ? null : false) }],
  renderHTML: ({ mark }) => ['a', { href: mark.attrs.href as string, title: mark.attrs.title as string | null, rel: 'noopener noreferrer' }, 0],
});

function simpleMark(name: string, tag: string, priority: number, extraRules: { style: string; getAttrs: (v: string) => null | false }[] = []) {
  return Mark.create({
    name,
    priority,
    parseHTML: () => [{ tag }, ...extraRules],
    renderHTML: () => [tag, 0],
  });
}

const BOLD = /^(bold(er)?|[6-9]\d{2})$/;
export const Strong = simpleMark('strong', 'strong', 900, [{ style: 'font-weight', getAttrs: (v) => (BOLD.test(v) ? null : false) }]);
export const B = simpleMark('b', 'b', 890);
export const Em = simpleMark('em', 'em', 880, [{ style: 'font-style', getAttrs: (v) => (v === 'italic' ? null : false) }]);
export const I = simpleMark('i', 'i', 870);
export const S = simpleMark('s', 's', 860, [{ style: 'text-decoration', getAttrs: (v) => (v.includes('line-through') ? null : false) }]);
export const Code = simpleMark('code', 'code', 850);
export const Sub = simpleMark('sub', 'sub', 840);
export const Sup = simpleMark('sup', 'sup', 830);
/** An inline `<cite>` (a title in running text); the quotation's closing cite is a node. */
export const CiteMark = simpleMark('cite', 'cite', 820);
/** A plain `<span>` the server keeps from imports; pasted spans are unwrapped before parsing. */
export const Span = Mark.create({
  name: 'span',
  priority: 810,
  parseHTML: () => [{ tag: 'span', getAttrs: (el: HTMLElement) => (el.attributes.length === 0 ? null : false) }],
  renderHTML: () => ['span', 0],
});

export const MARKS = [Link, Strong, B, Em, I, S, Code, Sub, Sup, CiteMark, Span];
