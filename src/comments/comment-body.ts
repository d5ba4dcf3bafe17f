import sanitizeHtml from 'sanitize-html';

/*
 * What a commenter may type: paragraphs (a blank line between), line breaks, *emphasis*,
 * **strong**, `code`, [links](https://…), bare https:// addresses and "> " quotes. Anything
 * else is text. The renderer escapes every piece of text it writes, and its output is then
 * sanitized against an allow-list of its own few tags, so even a renderer bug cannot let
 * markup through: the sanitizer is the second wall, not the only one.
 *
 * Raw text is stored; the rendered HTML is stored beside it with RENDER_VERSION. A row
 * rendered by an older version is rendered again when read (see threadComments), so a
 * change to these rules reaches old comments without a migration. Truncation, when asked,
 * cuts the raw text before rendering, never the HTML after it: a cut through HTML can
 * leave a tag or an entity half open.
 */

/** Bump when the output of renderCommentBody changes for some input. */
export const RENDER_VERSION = 1;

/** The longest body accepted from a commenter (characters). */
export const COMMENT_BODY_MAX = 5000;

/** How long a rendered body may be: imported comments are not checked against COMMENT_BODY_MAX. */
export const RENDER_MAX = 20000;

export const COMMENT_LINK_REL = 'nofollow ugc noopener';

const SANITIZE_OPTIONS: sanitizeHtml.IOptions = {
  allowedTags: ['p', 'br', 'em', 'strong', 'code', 'blockquote', 'a'],
  allowedAttributes: { a: ['href', 'rel'] },
  allowedSchemes: ['http', 'https'],
  allowProtocolRelative: false,
  disallowedTagsMode: 'escape',
  transformTags: {
    // Whatever the renderer wrote, a link leaves with this rel and nothing else.
    a: (tagName, attribs) => ({ tagName, attribs: { href: attribs.href ?? '', rel: COMMENT_LINK_REL } }),
  },
};

/** A comment's text as HTML: the subset above, escaped, then sanitized. */
export function renderCommentBody(text: string, options: { maxLength?: number } = {}): string {
  const source = truncate(normalizeText(text), options.maxLength ?? RENDER_MAX);
  return sanitizeCommentHtml(blocksOf(source).map(renderBlock).join(''));
}

/** The second wall: only p, br, em, strong, code, blockquote and http(s) links with the rel, whatever comes in. */
export function sanitizeCommentHtml(html: string): string {
  return sanitizeHtml(html, SANITIZE_OPTIONS);
}

/** Line breaks as LF, no trailing spaces at line ends, no control characters but LF and TAB. */
export function normalizeText(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F\u200B-\u200F\u202A-\u202E\u2066-\u2069\uFEFF]/g, '')
    .replace(/[ \t]+\n/g, '\n')
    .trim();
}

/**
 * The first `max` characters (whole code points, so no emoji is cut in half) and an
 * ellipsis when something was cut. Works on raw text, before anything is rendered.
 */
export function truncate(text: string, max: number): string {
  const points = Array.from(text);
  if (points.length <= max) return text;
  return `${points.slice(0, Math.max(0, max - 1)).join('').trimEnd()}…`;
}

/** A plain-text excerpt for lists (the moderation queue, feeds): markup markers dropped, cut to `max`. */
export function commentExcerpt(text: string, max: number): string {
  const plain = normalizeText(text)
    .replace(/^>\s?/gm, '')
    .replace(/\[([^\]\n]*)\]\((\S+?)\)/g, '$1 ($2)')
    .replace(/\*\*([^*\n]+)\*\*/g, '$1')
    .replace(/\s+/g, ' ')
    .trim();
  return truncate(plain, max);
}

type Block = { kind: 'p' | 'quote'; lines: string[] };

function blocksOf(text: string): Block[] {
  const blocks: Block[] = [];
  for (const chunk of text.split(/\n\s*\n/)) {
    const lines = chunk.split('\n').filter((l) => l.trim() !== '');
    if (lines.length === 0) continue;
    // A run of "> " lines is a quote; a paragraph that merely contains one keeps it as text.
    const isQuote = lines.every((l) => /^\s*>/.test(l));
    blocks.push({ kind: isQuote ? 'quote' : 'p', lines: isQuote ? lines.map((l) => l.replace(/^\s*>\s?/, '')) : lines });
  }
  return blocks;
}

function renderBlock(block: Block): string {
  if (block.kind === 'quote') {
    // Inside a quote, blank "> " lines separate its paragraphs; nested quotes stay text.
    const inner = block.lines
      .join('\n')
      .split(/\n\s*\n/)
      .map((p) => p.split('\n').filter((l) => l.trim() !== ''))
      .filter((p) => p.length > 0)
      .map(renderParagraph)
      .join('');
    return inner ? `<blockquote>${inner}</blockquote>` : '';
  }
  return renderParagraph(block.lines);
}

function renderParagraph(lines: string[]): string {
  return `<p>${lines.map((l) => renderInline(l.trim())).join('<br>')}</p>`;
}

// One pass over a line: code spans, [text](url) links, bare addresses, **strong**, *emphasis*.
const INLINE =
  /`([^`\n]{1,500})`|\[([^\]\n]{1,300})\]\((https?:\/\/[^\s()<>]{1,2000})\)|(https?:\/\/[^\s<>"'`]{1,2000})|\*\*(?=\S)([^*\n]{1,2000}?)(?<=\S)\*\*|\*(?=[^\s*])([^*\n]{1,2000}?)(?<=[^\s*])\*/gi;

function renderInline(text: string, isInsideLink = false): string {
  let out = '';
  let at = 0;
  for (const m of text.matchAll(INLINE)) {
    const start = m.index;
    let whole = m[0];
    out += escapeHtml(text.slice(at, start));
    const [, code, linkText, linkUrl, bare, strong, em] = m;
    if (code !== undefined) {
      out += `<code>${escapeHtml(code)}</code>`;
    } else if (linkText !== undefined && linkUrl !== undefined) {
      const href = webAddress(linkUrl);
      out += href && !isInsideLink ? link(href, renderInline(linkText, true)) : escapeHtml(whole);
    } else if (bare !== undefined) {
      // Trailing punctuation ends the sentence, not the address; a ")" closes an "(" before it.
      const url = trimTrailing(bare);
      whole = url;
      const href = webAddress(url);
      out += href && !isInsideLink ? link(href, escapeHtml(url)) : escapeHtml(url);
    } else if (strong !== undefined) {
      out += `<strong>${renderInline(strong, isInsideLink)}</strong>`;
    } else if (em !== undefined) {
      out += `<em>${renderInline(em, isInsideLink)}</em>`;
    }
    at = start + whole.length;
  }
  // What a bare address left of its match is punctuation, written as text here or before the next match.
  return out + escapeHtml(text.slice(at));
}

function trimTrailing(url: string): string {
  let end = url.length;
  while (end > 0) {
    const ch = url[end - 1]!;
    if ('.,;:!?'.includes(ch)) end--;
    else if (ch === ')' && count(url.slice(0, end), '(') < count(url.slice(0, end), ')')) end--;
    else break;
  }
  return url.slice(0, end);
}

function count(text: string, ch: string): number {
  return text.split(ch).length - 1;
}

function link(href: string, inner: string): string {
  return `<a href="${escapeHtml(href)}" rel="${COMMENT_LINK_REL}">${inner}</a>`;
}

/** An http(s) address with a host, in its normalized form; null for anything else. */
export function webAddress(text: string): string | null {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return null;
  }
  if ((url.protocol !== 'http:' && url.protocol !== 'https:') || !url.hostname || url.username || url.password) return null;
  return url.href;
}

/** Every web address a body links to: [text](url) links and bare addresses. */
export function linksIn(text: string): string[] {
  const links: string[] = [];
  for (const m of normalizeText(text).matchAll(/\[[^\]\n]*\]\((https?:\/\/[^\s()<>]+)\)|(https?:\/\/[^\s<>"'`]+)/gi)) {
    const href = webAddress(m[1] ?? trimTrailing(m[2]!));
    if (href) links.push(href);
  }
  // Addresses spelled without a scheme ("cheap-pills.example/buy", "www.x.example") count too:
  // a link cap that "www." walks around caps nothing.
  for (const m of normalizeText(text).matchAll(/(?<![\w@/.-])(?:www\.)?[a-z0-9-]{2,63}\.(?:com|net|org|info|biz|io|co|ru|xyz|top|shop|online|site|club|pro|example)(?:\/[^\s<>"'`]*)?(?![\w-])/gi)) {
    const spelled = trimTrailing(m[0]).toLowerCase();
    if (!links.some((l) => l.includes(spelled.replace(/^www\./, '')))) links.push(`https://${spelled}`);
  }
  return links;
}

export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}
