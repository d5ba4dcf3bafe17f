/** A long read: handwritten sections, each tied to the story line its generated parts come from. */

export type LongExtra = 'quote' | 'pull' | 'list' | 'figure';

export interface LongSubsection {
  heading: string;
  paragraphs: readonly string[];
}

export interface LongSection {
  heading: string;
  /** the story line whose tokens, facts, quotations and shots this section draws on */
  story: string;
  paragraphs: readonly string[];
  subsections?: readonly LongSubsection[];
  extras?: readonly LongExtra[];
}

export interface LongAnalysis {
  title: string;
  dek: string;
  primaryTopic: string;
  topics: readonly string[];
  tags: readonly string[];
  authors: readonly string[];
  /** days before the reference date */
  ageDays: number;
  /** the paragraphs before the first heading */
  intro: readonly string[];
  sections: readonly LongSection[];
}
