/**
 * The article body HTML subset (docs/body-html.md): sanitizing on save, heading anchors,
 * the table of contents, responsive images for the site's own media, and the text
 * measures (words, excerpt) derived from it. Pure: media lookups are passed in.
 */
import render from 'dom-serializer';
import { type ChildNode, type Element, isTag, isText } from 'domhandler';
import { getAttributeValue, textContent } from 'domutils';
import { parseDocument } from 'htmlparser2';
import sanitizeHtml from 'sanitize-html';
import { type MediaImage, srcsetOf } from '../media/media.js';
import { slugify } from '../shared/slugify.js';

export interface TocEntry {
  id: string;
  text: string;
  level: 2 | 3;
}

export interface PreparedBody {
  html: string;
  toc: TocEntry[];
  wordCount: number;
  /** the first paragraph's text, shortened: the excerpt when an editor gives none */
  lead: string;
}

/** The `sizes` of a body image: the column is at most 42rem wide. */
export const BODY_IMAGE_SIZES = '(min-width: 46rem) 42rem, 100vw';

const SANITIZE_OPTIONS: sanitizeHtml.IOptions = {
  allowedTags: [
    'p', 'em', 'strong', 'b', 'i', 's', 'sub', 'sup', 'code', 'br', 'hr',
    'h2', 'h3', 'h4', 'ul', 'ol', 'li', 'a', 'blockquote', 'cite',
    'figure', 'figcaption', 'img', 'small', 'span', 'div',
    'table', 'caption', 'thead', 'tbody', 'tr', 'th', 'td',
  ],
  // picture/source are rebuilt by prepareBody from the media library, never taken from input.
  allowedAttributes: {
    a: ['href', 'title', 'rel'],
    img: ['src', 'alt', 'width', 'height'],
    ol: ['start'],
    th: ['colspan', 'rowspan', 'scope'],
    td: ['colspan', 'rowspan'],
  },
  allowedClasses: {
    blockquote: ['pull-quote'],
    figure: ['gallery', 'link-card'],
    small: ['credit'],
    div: ['html-block'],
  },
  allowedSchemes: ['http', 'https', 'mailto'],
  allowedSchemesByTag: { img: ['http', 'https'] },
  allowProtocolRelative: false,
  nonTextTags: ['script', 'style', 'textarea', 'option', 'noscript', 'iframe', 'object', 'embed', 'template', 'svg', 'math'],
  disallowedTagsMode: 'discard',
  transformTags: {
    h1: 'h2',
    a: (tagName, attribs) => {
      const href = attribs.href ?? '';
      return {
        tagName,
        attribs: /^https?:\/\//i.test(href) ? { ...attribs, rel: 'noopener' } : attribs,
      };
    },
  },
};

export function sanitizeBody(html: string): string {
  // Browsers post a textarea's line breaks as CRLF; the stored body has LF, as a parsed page does.
  return sanitizeHtml(html.replace(/\r\n?/g, '\n'), SANITIZE_OPTIONS);
}

/** Every `<img src>` in a (sanitized) body, so the caller can look up the site's media. */
export function imageSources(html: string): string[] {
  const sources = new Set<string>();
  walk(parseDocument(html).children, (el) => {
    const src = el.name === 'img' ? getAttributeValue(el, 'src') : undefined;
    if (src) sources.add(src);
  });
  return [...sources];
}

/**
 * Sanitizes, then gives h2/h3 stable ids from their text, and turns each image of the
 * site's own media into a `<picture>` with WebP and JPEG `srcset`s and its true size.
 */
export function prepareBody(html: string, mediaBySrc: ReadonlyMap<string, MediaImage> = new Map()): PreparedBody {
  const doc = parseDocument(sanitizeBody(html));
  const toc: TocEntry[] = [];
  const usedIds = new Set<string>();
  walk(doc.children, (el) => {
    if (el.name === 'h2' || el.name === 'h3' || el.name === 'h4') {
      const text = textContent(el).replace(/\s+/g, ' ').trim();
      const id = uniqueId(slugify(text, 60) || 'section', usedIds);
      el.attribs.id = id;
      if (el.name !== 'h4' && text) toc.push({ id, text, level: el.name === 'h2' ? 2 : 3 });
    } else if (el.name === 'img') {
      const image = mediaBySrc.get(getAttributeValue(el, 'src') ?? '');
      if (image) expandImage(el, image);
    }
  });
  const text = textContent(doc.children);
  return {
    html: render(doc.children, { encodeEntities: 'utf8' }),
    toc,
    wordCount: countWords(text),
    lead: shorten(firstParagraphText(doc.children), 220),
  };
}

export interface ArticleText {
  body: PreparedBody;
  /** the editor's excerpt, else the dek, else the lead paragraph, shortened */
  excerpt: string;
}

/** Everything an article's stored text derives from its input: one rule for every writer. */
export function prepareArticleText(
  input: { body: string; dek: string; excerpt: string },
  mediaBySrc: ReadonlyMap<string, MediaImage>,
): ArticleText {
  const body = prepareBody(input.body, mediaBySrc);
  return { body, excerpt: input.excerpt || shorten(input.dek || body.lead, 220) };
}

function expandImage(img: Element, image: MediaImage): void {
  img.attribs = {
    src: image.url,
    srcset: srcsetOf(image, 'jpeg'),
    sizes: BODY_IMAGE_SIZES,
    width: String(image.width),
    height: String(image.height),
    alt: img.attribs.alt ?? image.alt,
    loading: 'lazy',
    decoding: 'async',
  };
  const webp = srcsetOf(image, 'webp');
  if (!webp || !img.parent) return;
  const picture = parseDocument(
    `<picture><source type="image/webp" srcset="${webp}" sizes="${BODY_IMAGE_SIZES}"></picture>`,
  ).children[0] as Element;
  const siblings = img.parent.children;
  siblings[siblings.indexOf(img)] = picture;
  picture.parent = img.parent;
  picture.children.push(img);
  img.parent = picture;
}

function uniqueId(base: string, used: Set<string>): string {
  let id = base;
  for (let n = 2; used.has(id); n++) id = `${base}-${n}`;
  used.add(id);
  return id;
}

function firstParagraphText(nodes: ChildNode[]): string {
  let found = '';
  walk(nodes, (el) => {
    if (!found && el.name === 'p' && el.parent?.type === 'root') found = textContent(el);
  });
  return found.replace(/\s+/g, ' ').trim();
}

export function countWords(text: string): number {
  return text.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;
}

/** Reading time at 230 words a minute, at least one minute. */
export function readingMinutes(wordCount: number): number {
  return Math.max(1, Math.round(wordCount / 230));
}

export function shorten(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max - 1);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), max / 2)).replace(/[\s,;:.–—-]+$/, '')}…`;
}

/**
 * Plain text of an HTML fragment, for descriptions and search: blocks and line breaks part
 * words ("table</h2><p>Customs" is two). Each block's text is `blockSeparator` from the next
 * (a space: one line; search stores a paragraph separator, so a passage can stop at a
 * caption's end instead of running it into the paragraph after it).
 */
export function htmlToText(html: string, blockSeparator = ' '): string {
  const blocks: string[] = [];
  let text = '';
  const endBlock = () => {
    // \s includes U+2028/U+2029: a separator typed inside a block becomes a space.
    const line = text.replace(/\s+/g, ' ').trim();
    if (line) blocks.push(line);
    text = '';
  };
  // A quotation is one block with its attribution ("“…” Name, title"), whatever it holds.
  const visit = (nodes: ChildNode[], isInQuote: boolean) => {
    for (const node of nodes) {
      if (isText(node)) text += node.data;
      else if (isTag(node) && (node.name === 'br' || (isInQuote && !INLINE_TAGS.has(node.name)))) {
        text += ' ';
        visit(node.children, isInQuote);
        text += ' ';
      } else if (isTag(node)) {
        const isBlock = !INLINE_TAGS.has(node.name);
        if (isBlock) endBlock();
        visit(node.children, node.name === 'blockquote');
        if (isBlock) endBlock();
      } else if ('children' in node) visit((node as { children: ChildNode[] }).children, isInQuote);
    }
  };
  visit(parseDocument(html).children, false);
  endBlock();
  return blocks.join(blockSeparator);
}

/** Elements that flow inside a line of text; every other element begins and ends one. */
const INLINE_TAGS = new Set(['a', 'abbr', 'b', 'bdi', 'bdo', 'cite', 'code', 'data', 'del', 'dfn', 'em', 'i', 'ins', 'kbd', 'mark', 'q', 's', 'samp', 'small', 'span', 'strong', 'sub', 'sup', 'time', 'u', 'var', 'wbr']);

function walk(nodes: ChildNode[], visit: (el: Element) => void): void {
  for (const node of [...nodes]) {
    if (isTag(node)) {
      visit(node);
      walk(node.children, visit);
    } else if (!isText(node) && 'children' in node) {
      walk((node as { children: ChildNode[] }).children, visit);
    }
  }
}
