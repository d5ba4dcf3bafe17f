import { parseDocument } from 'htmlparser2';
import { isTag } from 'domhandler';

/**
 * A long body split at its first top-level heading (h2 or h3): the opening paragraphs come
 * before the table of contents, as DESIGN.md §1 draws the page, and the rest after it. The
 * stored HTML is cut at the heading's offset, never re-serialized, so it stays as sanitized.
 */
export function splitLead(html: string): { lead: string; rest: string } {
  const doc = parseDocument(html, { withStartIndices: true });
  const heading = doc.children.find((node) => isTag(node) && (node.name === 'h2' || node.name === 'h3'));
  const at = heading?.startIndex ?? null;
  if (at === null) return { lead: '', rest: html };
  return { lead: html.slice(0, at).trim(), rest: html.slice(at) };
}
