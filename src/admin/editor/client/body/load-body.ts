/**
 * Stored body HTML → editor document, losslessly. Each top-level block is parsed on its own
 * and written back at once; if that gives anything but the stored text, the block is kept
 * as it was, verbatim, in a read-only HTML block. So writing the loaded document back gives
 * the stored body byte for byte, whatever it holds, and all the subset stays editable.
 */
import { DOMParser as PMDOMParser, type Node as PMNode, type Schema } from '@tiptap/pm/model';
import { prepareForParsing } from './prepare-dom.js';
import { serializeChunk } from './serialize-body.js';
import { splitTopLevel } from './split-top-level.js';

export interface LoadedBody {
  doc: PMNode;
  /** stored blocks the schema could not hold exactly, kept verbatim */
  keptBlocks: number;
}

const HTML_BLOCK_START = '<div class="html-block">';

export function loadBody(html: string, schema: Schema): LoadedBody {
  const parser = PMDOMParser.fromSchema(schema);
  const template = document.createElement('template');
  return loadWhole(html, schema, parser, template) ?? loadByBlock(html, schema, parser, template);
}

/**
 * The usual case, in one parse: the whole body, when it writes back exactly. Top-level
 * blocks without whitespace before them are marked so, or the writer would add its newline.
 */
function loadWhole(html: string, schema: Schema, parser: PMDOMParser, template: HTMLTemplateElement): LoadedBody | null {
  const trailingWs = /[ \t\n\r\f]*$/.exec(html)?.[0] ?? '';
  const body = html.slice(0, html.length - trailingWs.length);
  if (!body) return null;
  template.innerHTML = body;
  prepareForParsing(template.content);
  const parsed = parser.parse(template.content, { preserveWhitespace: 'full' });
  const nodes: PMNode[] = [];
  parsed.forEach((node) => nodes.push(node.attrs.ws === null ? withWs(node, '') : node));
  if (serializeChunk(nodes) !== body) return null;
  return { doc: schema.topNodeType.create({ wsEnd: trailingWs || null }, nodes), keptBlocks: 0 };
}

/** Block by block, keeping verbatim each block the schema cannot reproduce. */
function loadByBlock(html: string, schema: Schema, parser: PMDOMParser, template: HTMLTemplateElement): LoadedBody {
  const { chunks, trailingWs } = splitTopLevel(html);
  const blocks: PMNode[] = [];
  let keptBlocks = 0;
  for (const chunk of chunks) {
    const parsed = chunk.html.startsWith(HTML_BLOCK_START) ? null : parseChunk(chunk.html, parser, template);
    if (parsed) {
      parsed.forEach((node, i) => blocks.push(withWs(node, i === 0 ? chunk.ws : '')));
    } else {
      const kind = chunk.html.startsWith(HTML_BLOCK_START) ? 'html-block' : 'kept';
      if (kind === 'kept') keptBlocks++;
      blocks.push(schema.nodes.htmlBlock!.create({ html: chunk.html, kind, ws: chunk.ws }));
    }
  }
  const content = blocks.length > 0 ? blocks : [schema.nodes.paragraph!.create()];
  return { doc: schema.topNodeType.create({ wsEnd: trailingWs || null }, content), keptBlocks };
}

/** The block's nodes when they write back to exactly its text, else null. */
function parseChunk(html: string, parser: PMDOMParser, template: HTMLTemplateElement): PMNode[] | null {
  template.innerHTML = html;
  prepareForParsing(template.content);
  const doc = parser.parse(template.content, { preserveWhitespace: 'full' });
  const nodes: PMNode[] = [];
  doc.forEach((node) => nodes.push(node));
  return serializeChunk(nodes) === html ? nodes : null;
}

function withWs(node: PMNode, ws: string): PMNode {
  return node.type.create({ ...node.attrs, ws }, node.content, node.marks);
}
