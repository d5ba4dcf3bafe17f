/**
 * Splits stored body HTML into its top-level blocks, as exact substrings, with the
 * whitespace between them. The loader parses each block on its own and keeps any block the
 * schema cannot reproduce exactly as its original text (load-body.ts). Bodies come from the
 * server's serializer (every element closed, attributes quoted), but the scanner copes with
 * anything: what it cannot balance becomes one last chunk, kept verbatim if need be.
 */

export interface TopChunk {
  /** whitespace before the chunk */
  ws: string;
  html: string;
}

export interface SplitBody {
  chunks: TopChunk[];
  trailingWs: string;
}

const BLOCK_TAGS = new Set([
  'p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'ul', 'ol', 'li', 'dl', 'dt', 'dd', 'blockquote', 'figure', 'figcaption', 'div',
  'hr', 'table', 'pre', 'section', 'article', 'aside', 'header', 'footer', 'nav', 'address', 'details', 'summary',
  'form', 'fieldset', 'main', 'hgroup', 'menu',
]);
const VOID_TAGS = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'param', 'source', 'track', 'wbr']);
const RAW_TEXT_TAGS = new Set(['script', 'style', 'textarea', 'title', 'xmp', 'iframe', 'noembed', 'noframes', 'noscript']);

interface Tag {
  kind: 'start' | 'end' | 'other';
  name: string;
  /** index just after the tag */
  end: number;
  selfClosing: boolean;
}

/** The markup token at `at` (which holds "<"), or null when the "<" is text. */
function readTag(html: string, at: number): Tag | null {
  if (html.startsWith('<!--', at)) {
    const close = html.indexOf('-->', at + 4);
    return { kind: 'other', name: '', end: close < 0 ? html.length : close + 3, selfClosing: false };
  }
  const next = html[at + 1] ?? '';
  if (next === '!' || next === '?') {
    const close = html.indexOf('>', at);
    return { kind: 'other', name: '', end: close < 0 ? html.length : close + 1, selfClosing: false };
  }
  const isEnd = next === '/';
  const nameMatch = /^[a-zA-Z][a-zA-Z0-9:-]*/.exec(html.slice(at + (isEnd ? 2 : 1), at + 40));
  if (!nameMatch) return null;
  let i = at + (isEnd ? 2 : 1) + nameMatch[0].length;
  let quote = '';
  for (; i < html.length; i++) {
    const c = html[i];
    if (quote) {
      if (c === quote) quote = '';
    } else if (c === '"' || c === "'") {
      quote = c;
    } else if (c === '>') {
      return { kind: isEnd ? 'end' : 'start', name: nameMatch[0].toLowerCase(), end: i + 1, selfClosing: html[i - 1] === '/' };
    }
  }
  return { kind: isEnd ? 'end' : 'start', name: nameMatch[0].toLowerCase(), end: html.length, selfClosing: false };
}

/** Index just after the element that starts with `open`, or -1 when it never closes. */
function elementEnd(html: string, open: Tag): number {
  if (VOID_TAGS.has(open.name) || open.selfClosing) return open.end;
  if (RAW_TEXT_TAGS.has(open.name)) return rawTextEnd(html, open);
  const stack = [open.name];
  let pos = open.end;
  while (stack.length > 0) {
    const lt = html.indexOf('<', pos);
    if (lt < 0) return -1;
    const tag = readTag(html, lt);
    if (!tag) {
      pos = lt + 1;
      continue;
    }
    if (tag.kind === 'start' && !VOID_TAGS.has(tag.name) && !tag.selfClosing) {
      if (RAW_TEXT_TAGS.has(tag.name)) {
        const end = rawTextEnd(html, tag);
        if (end < 0) return -1;
        pos = end;
        continue;
      }
      stack.push(tag.name);
    } else if (tag.kind === 'end') {
      const at = stack.lastIndexOf(tag.name);
      if (at >= 0) stack.length = at;
    }
    pos = tag.end;
  }
  return pos;
}

function rawTextEnd(html: string, open: Tag): number {
  const close = html.toLowerCase().indexOf(`</${open.name}`, open.end);
  if (close < 0) return -1;
  const gt = html.indexOf('>', close);
  return gt < 0 ? -1 : gt + 1;
}

export function splitTopLevel(html: string): SplitBody {
  const chunks: TopChunk[] = [];
  let pendingWs = '';
  let runStart = -1;
  let runWs = '';
  const startRun = (at: number) => {
    if (runStart >= 0) return;
    runStart = at;
    runWs = pendingWs;
    pendingWs = '';
  };
  const endRun = (at: number) => {
    if (runStart < 0) return;
    chunks.push({ ws: runWs, html: html.slice(runStart, at) });
    runStart = -1;
  };
  let i = 0;
  while (i < html.length) {
    if (html[i] !== '<' || readTag(html, i) === null) {
      const lt = html.indexOf('<', i + 1);
      const j = lt < 0 ? html.length : lt;
      const text = html.slice(i, j);
      if (runStart < 0 && /^[ \t\n\r\f]*$/.test(text)) pendingWs += text;
      else startRun(i);
      i = j;
      continue;
    }
    const tag = readTag(html, i)!;
    const end = tag.kind === 'start' ? elementEnd(html, tag) : tag.end;
    if (tag.kind === 'start' && BLOCK_TAGS.has(tag.name)) {
      endRun(i);
      chunks.push({ ws: pendingWs, html: html.slice(i, end < 0 ? html.length : end) });
      pendingWs = '';
    } else {
      // Inline content at the top (text, a stray <br>, a comment) runs until the next block.
      startRun(i);
    }
    if (end < 0) {
      if (runStart >= 0) endRun(html.length);
      return { chunks, trailingWs: '' };
    }
    i = end;
  }
  endRun(html.length);
  return { chunks, trailingWs: pendingWs };
}
