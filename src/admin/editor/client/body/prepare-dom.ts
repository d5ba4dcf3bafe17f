/**
 * Readies parsed body HTML for the schema's parse rules without losing a byte: whitespace
 * between blocks moves into `data-ws` / `data-ws-end` attributes (ProseMirror would
 * otherwise drop it or turn it into paragraphs), and a figcaption's caption and credit are
 * told apart (`<div data-caption>` and the `small.credit` after it, `data-gap` between).
 */

const BLOCKISH = new Set([
  'P', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'UL', 'OL', 'LI', 'BLOCKQUOTE', 'FIGURE', 'FIGCAPTION', 'DIV', 'HR', 'TABLE', 'PICTURE',
]);
const CONTAINERS = 'blockquote, ul, ol, li, figure';

function isBlockish(node: ChildNode | null): boolean {
  if (node === null) return true;
  if (!(node instanceof Element)) return false;
  if (BLOCKISH.has(node.tagName)) return true;
  const parent = node.parentElement?.tagName;
  return (node.tagName === 'IMG' && parent === 'FIGURE') || (node.tagName === 'CITE' && parent === 'BLOCKQUOTE');
}

/** HTML's whitespace (not U+00A0, which the server writes as &nbsp; and is text). */
const isWhitespace = (node: ChildNode): node is Text => node.nodeType === Node.TEXT_NODE && /^[ \t\n\r\f]+$/.test(node.textContent ?? '');

/** Moves whitespace-only text that sits between blocks into attributes of the block after it. */
function liftWhitespace(container: ParentNode & Node): void {
  for (const child of [...container.childNodes]) {
    if (!isWhitespace(child) || !isBlockish(child.previousSibling) || !isBlockish(child.nextSibling)) continue;
    const next = child.nextSibling;
    if (next instanceof Element) next.setAttribute('data-ws', child.textContent ?? '');
    else if (container instanceof Element) container.setAttribute('data-ws-end', child.textContent ?? '');
    else continue; // trailing whitespace of a whole chunk is the splitter's business
    child.remove();
  }
}

/** `<figcaption>Caption <small class="credit">Credit</small></figcaption>` → caption | gap | credit. */
function splitCaption(figcaption: Element): void {
  const doc = figcaption.ownerDocument;
  const kids = [...figcaption.childNodes];
  let creditAt = -1;
  for (let i = kids.length - 1; i >= 0; i--) {
    const kid = kids[i]!;
    if (isWhitespace(kid)) continue;
    if (kid instanceof Element && kid.tagName === 'SMALL' && kid.getAttribute('class') === 'credit') creditAt = i;
    break;
  }
  const captionNodes = creditAt >= 0 ? kids.slice(0, creditAt) : kids;
  if (creditAt >= 0) {
    const trailing = kids.slice(creditAt + 1).map((k) => k.textContent ?? '').join('');
    for (const k of kids.slice(creditAt + 1)) k.remove();
    if (trailing) figcaption.setAttribute('data-ws-end', trailing);
    let gap = '';
    const last = captionNodes[captionNodes.length - 1];
    if (last && last.nodeType === Node.TEXT_NODE) {
      const text = last.textContent ?? '';
      const cut = /[ \t\n\r\f]*$/.exec(text)?.[0].length ?? 0;
      gap = text.slice(text.length - cut);
      if (cut === text.length) {
        last.remove();
        captionNodes.pop();
      } else {
        last.textContent = text.slice(0, text.length - cut);
      }
    }
    figcaption.setAttribute('data-gap', gap);
  }
  const caption = doc.createElement('div');
  caption.setAttribute('data-caption', '');
  caption.append(...captionNodes);
  figcaption.prepend(caption);
}

/** Tells each figcaption's caption from its credit (also for pasted figures). */
export function splitCaptions(root: DocumentFragment | Element): void {
  for (const figcaption of root.querySelectorAll('figcaption')) splitCaption(figcaption);
}

export function prepareForParsing(root: DocumentFragment | Element): void {
  splitCaptions(root);
  liftWhitespace(root);
  for (const container of root.querySelectorAll(CONTAINERS)) liftWhitespace(container);
}
