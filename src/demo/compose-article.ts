/**
 * The body of an ordinary article (400–1,200 words): a lede, then paragraphs, quotations,
 * a pull quote and a list in one of several outlines, figures placed among them, and an
 * outlook to close. Subheadings appear only in the longer pieces.
 */
import type { DemoImage } from './demo-types.js';
import type { ParagraphRole } from './prose-roles.js';
import type { Random } from './random.js';
import { figureHtml, type StoryWriter } from './story-writer.js';
import { countHtmlWords } from './text-fill.js';

type Block = ParagraphRole | 'quote' | 'pull' | 'list';

const OUTLINES: readonly (readonly Block[])[] = [
  ['development', 'context', 'quote', 'analysis', 'development', 'pull', 'analysis', 'context', 'quote', 'development', 'list', 'analysis'],
  ['context', 'development', 'development', 'quote', 'analysis', 'list', 'analysis', 'development', 'quote', 'context', 'pull', 'analysis'],
  ['development', 'quote', 'context', 'analysis', 'pull', 'development', 'list', 'analysis', 'quote', 'development', 'context', 'analysis'],
  ['context', 'quote', 'development', 'analysis', 'development', 'quote', 'pull', 'analysis', 'list', 'context', 'development', 'analysis'],
  ['development', 'development', 'quote', 'context', 'analysis', 'list', 'quote', 'analysis', 'development', 'pull', 'context', 'analysis'],
];

export const SHORT_MIN_WORDS = 400;
export const SHORT_MAX_WORDS = 1200;
/** Room kept for the largest block plus the closing outlook, so the piece stays under the maximum. */
const CLOSING_ROOM = 260;

export function composeShortBody(writer: StoryWriter, rng: Random, targetWords: number, figures: readonly DemoImage[]): string {
  const parts: string[] = [writer.lede()];
  let words = countHtmlWords(parts[0] ?? '');
  const add = (html: string): void => {
    if (!html) return;
    parts.push(html);
    words += countHtmlWords(html);
  };
  const outline = rng.pick(OUTLINES);
  const hasSubheads = targetWords >= 800;
  const figureSlots = figures.length === 1 ? [rng.int(1, 3)] : [1, rng.int(4, 6)];
  let figureIndex = 0;
  let subheadCount = 0;
  let blocksSinceSubhead = 0;
  let previous: Block = 'development';
  for (let i = 0; words < targetWords - 90 && words < SHORT_MAX_WORDS - CLOSING_ROOM && writer.hasFacts(); i++) {
    const figure = figures[figureIndex];
    if (figure && figureSlots[figureIndex] === i) {
      add(figureHtml(figure));
      figureIndex++;
    }
    const block = outline[i % outline.length] ?? 'analysis';
    const isSubheadPlace = block !== previous && block !== 'pull' && block !== 'list' && blocksSinceSubhead >= 3;
    if (hasSubheads && i >= 2 && subheadCount < 2 && isSubheadPlace && rng.chance(0.5)) {
      add(writer.subhead(block));
      subheadCount++;
      blocksSinceSubhead = 0;
    }
    add(writeBlock(writer, block));
    blocksSinceSubhead++;
    previous = block;
  }
  for (; figureIndex < figures.length; figureIndex++) {
    const figure = figures[figureIndex];
    if (figure) add(figureHtml(figure));
  }
  // Below the floor: more analysis while the story has facts left, else another voice.
  for (let guard = 0; words < SHORT_MIN_WORDS && guard < 8; guard++) add(writer.hasFacts() ? writer.paragraph('analysis') : writer.quote());
  if (hasSubheads && subheadCount > 0) add(writer.subhead('outlook'));
  add(writer.paragraph('outlook'));
  return parts.join('\n');
}

function writeBlock(writer: StoryWriter, block: Block): string {
  switch (block) {
    case 'quote':
      return writer.quote();
    case 'pull':
      return writer.pullQuote();
    case 'list':
      return writer.list();
    default:
      return writer.paragraph(block);
  }
}
