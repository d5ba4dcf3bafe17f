/**
 * Clipboard HTML from Word, Google Docs and web pages, cleaned to the body subset before
 * the schema parses it: no scripts, styles, frames, forms, classes or handlers; Word's list
 * paragraphs become lists; Google Docs' styled spans become strong/em/s/sub/sup; tables
 * become an HTML block; links keep only http(s), mailto and site paths; images only when
 * they are the site's own media. The server sanitizes again on save; this keeps the
 * document clean while it is edited.
 */
import { splitCaptions } from '../body/prepare-dom.js';
import { isAllowedHref } from '../schema/urls.js';
import { declarationsOf, unwrap } from './dom-helpers.js';
import { convertWordLists } from './word-lists.js';

const REMOVED = [
  'script', 'style', 'noscript', 'iframe', 'frame', 'object', 'embed', 'applet', 'template', 'svg', 'math', 'head', 'title',
  'meta', 'link', 'base', 'input', 'select', 'textarea', 'button', 'canvas', 'video', 'audio', 'map', 'area', 'dialog',
].join(', ');
const TABLE_TAGS = new Set(['TABLE', 'CAPTION', 'THEAD', 'TBODY', 'TFOOT', 'TR', 'TH', 'TD']);
const TABLE_INLINE = new Set(['A', 'STRONG', 'EM', 'B', 'I', 'S', 'SUB', 'SUP', 'CODE', 'BR', 'P']);
/** Elements whose direct text makes a paragraph; a <br> anywhere else is an empty line to drop. */
const TEXT_HOSTS = new Set(['P', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'LI', 'TD', 'TH', 'CAPTION', 'FIGCAPTION', 'CITE', 'A', 'STRONG', 'EM', 'B', 'I', 'S', 'SUB', 'SUP', 'CODE', 'SMALL', 'SPAN']);
const KEPT_ATTRIBUTES: Record<string, string[]> = {
  A: ['href', 'title'],
  IMG: ['src', 'alt', 'width', 'height'],
  OL: ['start'],
  TH: ['colspan', 'rowspan', 'scope'],
  TD: ['colspan', 'rowspan'],
};
const KEPT_CLASSES: Record<string, string[]> = {
  BLOCKQUOTE: ['pull-quote'],
  SMALL: ['credit'],
  FIGURE: ['gallery', 'link-card'],
};
const TABLE_BLOCK = 'data-dossier-table';

export function cleanPastedHtml(html: string): string {
  // The editor's own copy carries its schema's markup already (ProseMirror marks it).
  if (html.includes('data-pm-slice')) return html;
  const template = document.createElement('template');
  template.innerHTML = fragmentOf(html);
  const root = template.content;
  removeComments(root);
  for (const el of root.querySelectorAll(REMOVED)) el.remove();
  for (const el of root.querySelectorAll('o\\:p')) el.remove();
  convertWordLists(root);
  for (const el of root.querySelectorAll('b[id^="docs-internal-guid"]')) unwrap(el);
  for (const el of root.querySelectorAll('span[style], font[style]')) styleToMarks(el as HTMLElement);
  for (const el of root.querySelectorAll('span, font')) unwrap(el);
  renameAll(root, 'b', 'strong');
  renameAll(root, 'i', 'em');
  renameAll(root, 'strike, del', 's');
  for (const table of root.querySelectorAll('table')) tableToHtmlBlock(table);
  for (const img of root.querySelectorAll('img')) if (!(img.getAttribute('src') ?? '').startsWith('/media/')) img.remove();
  for (const a of root.querySelectorAll('a')) if (!isAllowedHref(a.getAttribute('href') ?? '')) unwrap(a);
  tidyLists(root);
  for (const br of root.querySelectorAll('br')) {
    const host = br.parentElement;
    if (!host || !TEXT_HOSTS.has(host.tagName) || (host.tagName === 'P' && br === host.lastChild)) br.remove();
  }
  for (const el of root.querySelectorAll('*')) keepOnlyKnownAttributes(el);
  for (const el of root.querySelectorAll('p, h1, h2, h3, h4, h5, h6')) if (isBlank(el)) el.remove();
  splitCaptions(root);
  return template.innerHTML;
}

/** Word and browsers wrap the copied part in <!--StartFragment--> … <!--EndFragment-->. */
function fragmentOf(html: string): string {
  const start = html.indexOf('<!--StartFragment-->');
  const end = html.indexOf('<!--EndFragment-->');
  return start >= 0 && end > start ? html.slice(start + '<!--StartFragment-->'.length, end) : html;
}

function removeComments(root: DocumentFragment): void {
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_COMMENT);
  const comments: Node[] = [];
  for (let node = walker.nextNode(); node; node = walker.nextNode()) comments.push(node);
  for (const node of comments) node.parentNode?.removeChild(node);
}

function renameAll(root: DocumentFragment, selector: string, tag: string): void {
  for (const el of root.querySelectorAll(selector)) {
    const renamed = document.createElement(tag);
    renamed.append(...el.childNodes);
    el.replaceWith(renamed);
  }
}

/** Google Docs (and Word, sometimes) say bold or italic with a style: make it the element. */
function styleToMarks(el: HTMLElement): void {
  const style = declarationsOf(el.getAttribute('style') ?? '');
  const weight = style.get('font-weight') ?? '';
  const decoration = `${style.get('text-decoration') ?? ''} ${style.get('text-decoration-line') ?? ''}`;
  const wrappers: string[] = [];
  if (weight === 'bold' || weight === 'bolder' || Number(weight) >= 600) wrappers.push('strong');
  if (style.get('font-style') === 'italic') wrappers.push('em');
  if (decoration.includes('line-through')) wrappers.push('s');
  if (style.get('vertical-align') === 'super') wrappers.push('sup');
  if (style.get('vertical-align') === 'sub') wrappers.push('sub');
  for (const tag of wrappers.reverse()) {
    const wrapper = document.createElement(tag);
    wrapper.append(...el.childNodes);
    el.append(wrapper);
  }
}

/** A table has no place in the subset's text, but fits the opaque HTML block, cleaned. */
function tableToHtmlBlock(table: HTMLTableElement): void {
  if (table.parentElement?.closest('table')) return; // nested: cleaned with its outer table
  for (const el of [...table.querySelectorAll('*')].reverse()) {
    if (!TABLE_TAGS.has(el.tagName) && !TABLE_INLINE.has(el.tagName)) unwrap(el);
  }
  const block = document.createElement('div');
  block.setAttribute('class', 'html-block');
  block.setAttribute(TABLE_BLOCK, '');
  table.replaceWith(block);
  block.append(table);
}

/** Google Docs puts a sub-list straight inside the list and each item's text in a <p>. */
function tidyLists(root: DocumentFragment): void {
  for (const list of root.querySelectorAll('ul > ul, ul > ol, ol > ul, ol > ol')) {
    const previous = list.previousElementSibling;
    if (previous?.tagName === 'LI') previous.append(list);
  }
  for (const li of root.querySelectorAll('li')) {
    const kids = [...li.childNodes].filter((n) => !(n.nodeType === Node.TEXT_NODE && !(n.textContent ?? '').trim()));
    const first = kids[0];
    if (first instanceof HTMLElement && first.tagName === 'P' && !kids.slice(1).some((k) => k instanceof HTMLElement && k.tagName === 'P')) {
      for (const k of [...li.childNodes]) if (k.nodeType === Node.TEXT_NODE && !(k.textContent ?? '').trim()) k.remove();
      unwrap(first);
    }
  }
}

function keepOnlyKnownAttributes(el: Element): void {
  const keep = KEPT_ATTRIBUTES[el.tagName] ?? [];
  const classes = KEPT_CLASSES[el.tagName] ?? [];
  const isOurTableBlock = el.tagName === 'DIV' && el.hasAttribute(TABLE_BLOCK);
  for (const { name, value } of [...el.attributes]) {
    if (keep.includes(name)) continue;
    if (name === 'class' && (classes.includes(value.trim()) || isOurTableBlock)) {
      el.setAttribute('class', value.trim());
      continue;
    }
    el.removeAttribute(name);
  }
}

function isBlank(el: Element): boolean {
  return !(el.textContent ?? '').replace(/[\s\u00a0]+/g, '') && !el.querySelector('img, br');
}
