/** Test support: render a view to a document and query it like a browser would. */
import type { Document, Element } from 'domhandler';
import { findAll, getAttributeValue, textContent } from 'domutils';
import { parseDocument } from 'htmlparser2';

export async function render(element: unknown): Promise<string> {
  return '<!doctype html>' + (await (element as { toString(): string | Promise<string> }).toString());
}

export interface Page {
  html: string;
  doc: Document;
  /** elements matching a tag name and, optionally, attribute values */
  all(tag: string, attrs?: Record<string, string>): Element[];
  one(tag: string, attrs?: Record<string, string>): Element;
  text(el?: Element): string;
  attr(el: Element, name: string): string | undefined;
}

export async function renderPage(element: unknown): Promise<Page> {
  const html = await render(element);
  const doc = parseDocument(html);
  const all = (tag: string, attrs: Record<string, string> = {}) =>
    findAll(
      (el) => el.name === tag && Object.entries(attrs).every(([k, v]) => (k === 'class' ? (el.attribs.class ?? '').split(/\s+/).includes(v) : el.attribs[k] === v)),
      doc.children,
    );
  return {
    html,
    doc,
    all,
    one(tag, attrs) {
      const found = all(tag, attrs);
      if (found.length !== 1) throw new Error(`expected one <${tag} ${JSON.stringify(attrs ?? {})}>, found ${found.length}`);
      return found[0]!;
    },
    text: (el) => textContent(el ?? doc).replace(/\s+/g, ' ').trim(),
    attr: (el, name) => getAttributeValue(el, name),
  };
}
