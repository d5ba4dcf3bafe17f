/**
 * A readable diff between two revisions: the body is read as the blocks a reader sees
 * (headings marked with #, list items, quotations, figures with their caption and credit),
 * blocks are matched in order, and a changed block shows its words struck and inserted.
 * Pure: the stored HTML in, plain text parts out (the view escapes them).
 */
import { diffArrays, diffWordsWithSpace } from 'diff';
import { type ChildNode, type Element, isTag } from 'domhandler';
import { getAttributeValue, textContent } from 'domutils';
import { parseDocument } from 'htmlparser2';

export interface DiffPart {
  text: string;
  change: 'same' | 'added' | 'removed';
}

export interface DiffBlock {
  /** which part of the article: the title, the dek or the body */
  field: 'title' | 'dek' | 'body';
  change: 'same' | 'changed' | 'added' | 'removed';
  parts: DiffPart[];
}

export interface RevisionText {
  title: string;
  dek: string;
  body: string;
}

const squash = (text: string) => text.replace(/\s+/g, ' ').trim();

/** The body as the blocks a reader sees, each one line of text. */
export function bodyBlocks(html: string): string[] {
  const blocks: string[] = [];
  const visit = (nodes: ChildNode[]) => {
    for (const node of nodes) {
      if (!isTag(node)) {
        const text = squash(textContent(node));
        if (text) blocks.push(text);
        continue;
      }
      const line = blockOf(node, visit);
      if (line !== null && line !== '') blocks.push(line);
    }
  };
  visit(parseDocument(html).children);
  return blocks;
}

/** One element's line, or null when its children were visited as blocks of their own. */
function blockOf(el: Element, visit: (nodes: ChildNode[]) => void): string | null {
  const text = squash(textContent(el));
  const classes = (getAttributeValue(el, 'class') ?? '').split(/\s+/);
  switch (el.name) {
    case 'h2':
      return `## ${text}`;
    case 'h3':
      return `### ${text}`;
    case 'h4':
      return `#### ${text}`;
    case 'ul':
    case 'ol':
      visit(el.children.filter((c) => isTag(c) && c.name === 'li'));
      return null;
    case 'li':
      return `• ${text}`;
    case 'blockquote':
      return `${classes.includes('pull-quote') ? 'Pull quote' : 'Quote'}: ${quotationLine(el)}`;
    case 'hr':
      return '———';
    case 'figure':
      if (classes.includes('gallery')) {
        visit(el.children.filter((c) => isTag(c) && c.name === 'figure'));
        return null;
      }
      return figureLine(el, classes.includes('link-card'));
    case 'div':
      return classes.includes('html-block') ? `HTML block: ${text}` : text;
    case 'picture':
    case 'img':
      return figureLine(el, false);
    default:
      return text;
  }
}

/** A quotation's paragraphs, then its speaker after a dash (their texts touch in the HTML). */
function quotationLine(el: Element): string {
  const said = el.children.filter((c) => !(isTag(c) && c.name === 'cite')).map((c) => squash(textContent(c)));
  const cite = el.children.find((c): c is Element => isTag(c) && c.name === 'cite');
  const speaker = cite ? squash(textContent(cite)) : '';
  return [said.filter(Boolean).join(' '), speaker && `— ${speaker}`].filter(Boolean).join(' ');
}

function figureLine(el: Element, isLinkCard: boolean): string {
  const find = (name: string, root: Element = el): Element | undefined => {
    for (const child of root.children) {
      if (!isTag(child)) continue;
      if (child.name === name) return child;
      const deeper = find(name, child);
      if (deeper) return deeper;
    }
    return undefined;
  };
  if (isLinkCard) {
    const a = find('a');
    return `Link card: ${squash(textContent(el))}${a ? ` <${getAttributeValue(a, 'href') ?? ''}>` : ''}`;
  }
  const img = el.name === 'img' ? el : find('img');
  const src = img ? (getAttributeValue(img, 'src') ?? '') : '';
  const alt = img ? (getAttributeValue(img, 'alt') ?? '') : '';
  const caption = find('figcaption');
  const credit = caption ? find('small', caption) : undefined;
  const creditText = credit ? squash(textContent(credit)) : '';
  const captionText = caption ? squash(textContent(caption)).replace(creditText, '').trim() : '';
  const file = src.split('/').pop() ?? src;
  return [`Figure ${file}`, alt && `alt “${alt}”`, captionText && `caption “${captionText}”`, creditText && `credit “${creditText}”`].filter(Boolean).join(', ');
}

/** Every block of two revisions, same or changed, words marked within changed blocks. */
export function diffRevisions(from: RevisionText, to: RevisionText): DiffBlock[] {
  return [
    ...diffField('title', from.title ? [from.title] : [], to.title ? [to.title] : []),
    ...diffField('dek', from.dek ? [from.dek] : [], to.dek ? [to.dek] : []),
    ...diffField('body', bodyBlocks(from.body), bodyBlocks(to.body)),
  ];
}

function diffField(field: DiffBlock['field'], before: string[], after: string[]): DiffBlock[] {
  const blocks: DiffBlock[] = [];
  const changes = diffArrays(before, after);
  for (let i = 0; i < changes.length; i++) {
    const change = changes[i]!;
    if (!change.added && !change.removed) {
      for (const text of change.value) blocks.push({ field, change: 'same', parts: [{ text, change: 'same' }] });
      continue;
    }
    // A run of removed blocks followed by added ones: the first pairs are edits of each other.
    const removed = change.removed ? change.value : [];
    const next = changes[i + 1];
    const added = change.added ? change.value : next?.added ? next.value : [];
    if (change.removed && next?.added) i++;
    const paired = Math.min(removed.length, added.length);
    for (let k = 0; k < paired; k++) blocks.push({ field, change: 'changed', parts: wordParts(removed[k]!, added[k]!) });
    for (const text of removed.slice(paired)) blocks.push({ field, change: 'removed', parts: [{ text, change: 'removed' }] });
    for (const text of added.slice(paired)) blocks.push({ field, change: 'added', parts: [{ text, change: 'added' }] });
  }
  return blocks;
}

function wordParts(before: string, after: string): DiffPart[] {
  return diffWordsWithSpace(before, after).map((c) => ({ text: c.value, change: c.added ? 'added' : c.removed ? 'removed' : 'same' }));
}
