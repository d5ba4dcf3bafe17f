/**
 * HTML text exactly as the server writes it (dom-serializer with `encodeEntities: "utf8"`,
 * body-html.ts): the same escapes, and an empty attribute written as its bare name.
 */

export function escapeText(text: string): string {
  return text.replace(/[&<>\u00a0]/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : c === '>' ? '&gt;' : '&nbsp;'));
}

export function escapeAttribute(value: string): string {
  return value.replace(/["&\u00a0]/g, (c) => (c === '"' ? '&quot;' : c === '&' ? '&amp;' : '&nbsp;'));
}

export function attributesHtml(pairs: readonly (readonly [string, string | null | undefined])[]): string {
  let out = '';
  for (const [name, value] of pairs) {
    if (value === null || value === undefined) continue;
    out += value === '' ? ` ${name}` : ` ${name}="${escapeAttribute(value)}"`;
  }
  return out;
}

export function startTag(name: string, pairs: readonly (readonly [string, string | null | undefined])[] = []): string {
  return `<${name}${attributesHtml(pairs)}>`;
}

const VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'param', 'source', 'track', 'wbr']);
const RAW_TEXT = new Set(['script', 'style', 'xmp', 'iframe', 'noembed', 'noframes', 'plaintext', 'noscript']);

/** A DOM subtree written the server's way: how a pasted HTML block is stored. */
export function domToHtml(node: Node): string {
  if (node.nodeType === Node.TEXT_NODE) {
    const parent = node.parentElement?.tagName.toLowerCase();
    return parent && RAW_TEXT.has(parent) ? (node.textContent ?? '') : escapeText(node.textContent ?? '');
  }
  if (node.nodeType === Node.COMMENT_NODE) return `<!--${node.textContent ?? ''}-->`;
  if (node.nodeType === Node.DOCUMENT_FRAGMENT_NODE) return [...node.childNodes].map(domToHtml).join('');
  if (!(node instanceof Element)) return '';
  const name = node.tagName.toLowerCase();
  const open = startTag(name, [...node.attributes].map((a) => [a.name, a.value] as const));
  if (VOID.has(name)) return open;
  const children = node instanceof HTMLTemplateElement ? node.content : node;
  return `${open}${[...children.childNodes].map(domToHtml).join('')}</${name}>`;
}
