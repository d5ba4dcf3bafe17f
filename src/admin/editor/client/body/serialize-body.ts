/**
 * The editor document as stored body HTML, byte for byte as the server's save step writes
 * it (body-html.ts): the same escapes, attribute order and whitespace, heading anchors made
 * by the same rule, rel="noopener" on external links. So a stored body the editor loads and
 * writes back unchanged is the same string, and saving it changes nothing.
 */
import type { Mark, Node as PMNode } from '@tiptap/pm/model';
import { slugify } from '../../../../shared/slugify.js';
import { isExternalHref } from '../schema/urls.js';
import type { AttrPairs } from '../schema/figures.js';
import { attributesHtml, escapeText, startTag } from './html-text.js';

/** The whole document, anchors computed as the server computes them. */
export function serializeBody(doc: PMNode): string {
  const wsEnd = (doc.attrs.wsEnd as string | null) ?? '';
  const first = doc.firstChild;
  // An empty editor is an empty body, not "<p></p>".
  if (doc.childCount === 1 && first?.type.name === 'paragraph' && first.content.size === 0 && first.attrs.ws === null) return wsEnd;
  const writer = new BodyWriter(new HeadingAnchors());
  writer.blocks(doc, true);
  return writer.out + wsEnd;
}

/**
 * Nodes parsed from one stored block, written back with the anchors they were stored with:
 * the loader compares this with the stored text to know the block survives exactly.
 */
export function serializeChunk(nodes: readonly PMNode[]): string {
  const writer = new BodyWriter(null);
  for (const node of nodes) writer.block(node, '');
  return writer.out;
}

/** body-html.ts: ids from the heading's text, unique in document order, h2 to h4. */
class HeadingAnchors {
  private readonly used = new Set<string>();

  next(text: string): string {
    const base = slugify(text.replace(/\s+/g, ' ').trim(), 60) || 'section';
    let id = base;
    for (let n = 2; this.used.has(id); n++) id = `${base}-${n}`;
    this.used.add(id);
    return id;
  }

  /** Headings inside raw HTML take their ids first too, as on the server. */
  reserveIn(html: string): void {
    if (!/<h[234][\s>]/i.test(html)) return;
    const template = document.createElement('template');
    template.innerHTML = html;
    for (const heading of template.content.querySelectorAll('h2, h3, h4')) this.next(heading.textContent ?? '');
  }
}

class BodyWriter {
  out = '';

  constructor(private readonly anchors: HeadingAnchors | null) {}

  /** A container's block children, each after its stored whitespace (a newline between new top-level blocks). */
  blocks(parent: PMNode, isTop = false): void {
    parent.forEach((child, _offset, index) => {
      this.block(child, isTop && index > 0 ? '\n' : '');
    });
  }

  block(node: PMNode, defaultWs: string): void {
    const ws = (node.attrs.ws as string | null | undefined) ?? defaultWs;
    const end = () => (node.attrs.wsEnd as string | null | undefined) ?? '';
    switch (node.type.name) {
      case 'paragraph':
        this.out += `${ws}<p>`;
        this.inline(node);
        this.out += '</p>';
        return;
      case 'heading': {
        const level = node.attrs.level as number;
        const id = this.anchors ? this.anchors.next(textOf(node)) : (node.attrs.id as string | null);
        this.out += ws + startTag(`h${level}`, [['id', id]]);
        this.inline(node);
        this.out += `</h${level}>`;
        return;
      }
      case 'blockquote':
        this.out += ws + startTag('blockquote', [['class', node.attrs.pull ? 'pull-quote' : null]]);
        this.blocks(node);
        this.out += `${end()}</blockquote>`;
        return;
      case 'citation':
        if (node.content.size === 0) return;
        this.out += `${ws}<cite>`;
        this.inline(node);
        this.out += '</cite>';
        return;
      case 'bulletList':
      case 'orderedList': {
        const tag = node.type.name === 'bulletList' ? 'ul' : 'ol';
        this.out += ws + startTag(tag, [['start', node.attrs.start as string | null | undefined]]);
        this.blocks(node);
        this.out += `${end()}</${tag}>`;
        return;
      }
      case 'listItem':
        this.out += `${ws}<li>`;
        node.forEach((child, _offset, index) => {
          if (index === 0 && node.attrs.bare && child.type.name === 'paragraph') {
            this.out += (child.attrs.ws as string | null) ?? '';
            this.inline(child);
          } else {
            this.block(child, '');
          }
        });
        this.out += `${end()}</li>`;
        return;
      case 'horizontalRule':
        this.out += `${ws}<hr>`;
        return;
      case 'figure':
        this.out += `${ws}<figure>`;
        this.blocks(node);
        this.out += `${end()}</figure>`;
        return;
      case 'gallery':
        this.out += `${ws}<figure class="gallery">`;
        this.blocks(node);
        this.out += `${end()}</figure>`;
        return;
      case 'image': {
        const img = startTag('img', node.attrs.imgAttrs as AttrPairs);
        const source = node.attrs.source as AttrPairs | null;
        this.out += ws + (source ? `<picture>${startTag('source', source)}${img}</picture>` : img);
        return;
      }
      case 'figcaption':
        this.figcaption(node, ws, end());
        return;
      case 'linkCard':
        this.out += ws + linkCardHtml(node.attrs as LinkCardAttrs);
        return;
      case 'htmlBlock':
        this.anchors?.reserveIn(node.attrs.html as string);
        this.out += ws + (node.attrs.html as string);
        return;
      default:
        throw new Error(`the body schema has no element for ${node.type.name}`);
    }
  }

  /** `<figcaption>Caption <small class="credit">Credit</small></figcaption>`, or nothing when both are empty. */
  private figcaption(node: PMNode, ws: string, wsEnd: string): void {
    const caption = node.child(0);
    const credit = node.childCount > 1 ? node.child(1) : null;
    const hasCaption = caption.content.size > 0;
    const hasCredit = credit !== null && credit.content.size > 0;
    if (!hasCaption && !hasCredit) return;
    this.out += `${ws}<figcaption>`;
    this.inline(caption);
    if (hasCaption && hasCredit) this.out += (node.attrs.gap as string | null) ?? ' ';
    if (credit && hasCredit) {
      this.out += `${(credit.attrs.ws as string | null) ?? ''}<small class="credit">`;
      this.inline(credit);
      this.out += '</small>';
    }
    this.out += `${wsEnd}</figcaption>`;
  }

  /** Text with its marks, opened and closed as the marks change (outermost first). */
  private inline(node: PMNode): void {
    const open: Mark[] = [];
    node.forEach((child) => {
      const marks = child.marks;
      let keep = 0;
      while (keep < open.length && keep < marks.length && marks[keep]!.eq(open[keep]!)) keep++;
      while (open.length > keep) this.out += `</${tagOf(open.pop()!)}>`;
      for (let i = keep; i < marks.length; i++) {
        this.out += openTag(marks[i]!);
        open.push(marks[i]!);
      }
      if (child.isText) this.out += escapeText(child.text ?? '');
      else if (child.type.name === 'hardBreak') this.out += '<br>';
    });
    while (open.length > 0) this.out += `</${tagOf(open.pop()!)}>`;
  }
}

const MARK_TAGS: Record<string, string> = { link: 'a', strong: 'strong', b: 'b', em: 'em', i: 'i', s: 's', code: 'code', sub: 'sub', sup: 'sup', cite: 'cite', span: 'span' };

function tagOf(mark: Mark): string {
  const tag = MARK_TAGS[mark.type.name];
  if (!tag) throw new Error(`the body schema has no element for the mark ${mark.type.name}`);
  return tag;
}

function openTag(mark: Mark): string {
  if (mark.type.name !== 'link') return `<${tagOf(mark)}>`;
  const href = (mark.attrs.href as string | null) ?? '';
  return `<a${attributesHtml([['href', href], ['title', mark.attrs.title as string | null], ['rel', relFor(href, mark.attrs.rel as string | null)]])}>`;
}

/** body-html.ts gives every http(s) link rel="noopener" and keeps any other link's rel. */
function relFor(href: string, stored: string | null): string | null {
  return isExternalHref(href) ? 'noopener' : stored;
}

function textOf(node: PMNode): string {
  let text = '';
  node.descendants((child) => {
    if (child.isText) text += child.text ?? '';
  });
  return text;
}

export interface LinkCardAttrs {
  href: string;
  title: string;
  description: string;
  host: string;
}

export function linkCardHtml({ href, title, description, host }: LinkCardAttrs): string {
  let inner = `<strong>${escapeText(title)}</strong>`;
  if (description) inner += ` <span>${escapeText(description)}</span>`;
  if (host) inner += ` <small>${escapeText(host)}</small>`;
  return `<figure class="link-card"><a${attributesHtml([['href', href], ['rel', relFor(href, null)]])}>${inner}</a></figure>`;
}
