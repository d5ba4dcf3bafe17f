/**
 * Word does not paste lists as lists: each item is a paragraph styled `mso-list:l0 level2
 * lfo1`, its bullet or number typed out in a `mso-list:Ignore` span. This rebuilds real,
 * nested `<ul>`/`<ol>` from runs of such paragraphs.
 */
import { declarationsOf } from './dom-helpers.js';

interface WordItem {
  p: HTMLElement;
  list: string;
  level: number;
  isOrdered: boolean;
}

function wordItemOf(node: ChildNode | null): WordItem | null {
  if (!(node instanceof HTMLElement) || node.tagName !== 'P') return null;
  const msoList = declarationsOf(node.getAttribute('style') ?? '').get('mso-list');
  const match = msoList ? /^(l\d+)\s+level(\d+)/.exec(msoList) : null;
  if (!match) return null;
  let marker = '';
  for (const ignored of node.querySelectorAll('[style]')) {
    if (!/mso-list:\s*ignore/i.test(ignored.getAttribute('style') ?? '')) continue;
    marker += ignored.textContent ?? '';
    // The marker sits in nested spans; remove the outermost one that holds nothing else.
    let outer: Element = ignored;
    while (outer.parentElement && outer.parentElement !== node && (outer.parentElement.textContent ?? '') === (outer.textContent ?? '')) outer = outer.parentElement;
    outer.remove();
  }
  const isOrdered = /^\(?[0-9a-z]{1,5}[.)]/i.test(marker.replace(/[\s\u00a0]+/g, ''));
  return { p: node, list: match[1]!, level: Number(match[2]), isOrdered };
}

function nextElementOrText(node: ChildNode): ChildNode | null {
  let next = node.nextSibling;
  while (next && next.nodeType === Node.TEXT_NODE && !(next.textContent ?? '').trim()) next = next.nextSibling;
  return next;
}

export function convertWordLists(root: DocumentFragment): void {
  for (const p of [...root.querySelectorAll('p')]) {
    if (!root.contains(p)) continue; // already moved into a list
    const first = wordItemOf(p);
    if (!first) continue;
    const items = [first];
    for (let next = wordItemOf(nextElementOrText(p)); next; next = wordItemOf(nextElementOrText(items[items.length - 1]!.p))) items.push(next);
    const stack: { level: number; list: HTMLElement }[] = [];
    const tops: HTMLElement[] = [];
    for (const item of items) {
      while (stack.length > 0 && stack[stack.length - 1]!.level > item.level) stack.pop();
      if (stack.length === 0 || stack[stack.length - 1]!.level < item.level) {
        const list = document.createElement(item.isOrdered ? 'ol' : 'ul');
        const parentItem = stack[stack.length - 1]?.list.lastElementChild;
        if (parentItem) parentItem.append(list);
        else tops.push(list);
        stack.push({ level: item.level, list });
      }
      const li = document.createElement('li');
      li.append(...item.p.childNodes);
      stack[stack.length - 1]!.list.append(li);
    }
    items[0]!.p.before(...tops);
    for (const item of items) item.p.remove();
  }
}
