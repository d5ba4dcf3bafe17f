/**
 * The body of a long read: the handwritten intro and sections of a LongAnalysis, each
 * section extended with generated paragraphs, quotations, figures and lists from its story
 * line, then topped up until the piece passes its word floor.
 */
import type { DemoImage } from './demo-types.js';
import type { LongAnalysis } from './long-types.js';
import type { ParagraphRole } from './prose-roles.js';
import type { StoryWriter } from './story-writer.js';
import { figureHtml } from './story-writer.js';
import { countHtmlWords, escapeHtml } from './text-fill.js';

export const LONG_MIN_WORDS = 3000;
/** Aim a little above the floor so edits to the handwritten text do not break it. */
const LONG_TARGET_WORDS = 3250;

/** The generated paragraph each section gets, by position: background first, outlook last. */
const SECTION_ROLES: readonly ParagraphRole[] = [
  'development', 'context', 'development', 'analysis', 'context', 'analysis', 'development', 'analysis', 'context', 'outlook',
];

interface SectionParts {
  head: string[];
  generated: string[];
  tail: string[];
  writer: StoryWriter;
}

export interface LongBodyTools {
  writerFor(storyId: string): StoryWriter;
  figureFor(storyId: string): DemoImage;
}

export function composeLongBody(analysis: LongAnalysis, tools: LongBodyTools): string {
  const firstStory = analysis.sections[0]?.story ?? 'tolvane';
  const introWriter = tools.writerFor(firstStory);
  const intro = analysis.intro.map((paragraph) => introWriter.written(paragraph));
  const sections: SectionParts[] = analysis.sections.map((section, index) => {
    const writer = tools.writerFor(section.story);
    const handwritten = [...section.paragraphs, ...(section.subsections ?? []).flatMap((sub) => sub.paragraphs)];
    for (const text of handwritten) writer.avoidOverlapWith(text);
    const head = [`<h2>${escapeHtml(section.heading)}</h2>`, ...section.paragraphs.map((p) => writer.written(p))];
    const generated = [writer.paragraph(SECTION_ROLES[index % SECTION_ROLES.length] ?? 'analysis')];
    const tail: string[] = [];
    for (const extra of section.extras ?? []) {
      if (extra === 'quote') tail.push(writer.quote(), writer.paragraph('analysis'));
      else if (extra === 'pull') tail.push(writer.pullQuote());
      else if (extra === 'list') tail.push(writer.list());
      else tail.push(figureHtml(tools.figureFor(section.story)));
    }
    for (const sub of section.subsections ?? []) {
      tail.push(`<h3>${escapeHtml(sub.heading)}</h3>`, ...sub.paragraphs.map((p) => writer.written(p)));
    }
    return { head, generated, tail, writer };
  });

  let words = countHtmlWords([...intro, ...sections.flatMap((s) => [...s.head, ...s.generated, ...s.tail])].join(' '));
  for (let round = 0; words < LONG_TARGET_WORDS && round < sections.length * 6; round++) {
    const section = sections[round % sections.length];
    if (!section || !section.writer.hasFacts()) continue;
    const paragraph = section.writer.paragraph(round % 2 === 0 ? 'analysis' : 'development');
    section.generated.push(paragraph);
    words += countHtmlWords(paragraph);
  }
  return [...intro, ...sections.flatMap((s) => [...s.head, ...s.generated, ...s.tail])].filter(Boolean).join('\n');
}
