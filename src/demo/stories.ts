/** Every story line the publication follows; articles are written from these. */
import { CROSSINGS } from './story-crossings.js';
import { DROUGHT } from './story-drought.js';
import { ELECTION } from './story-election.js';
import { MEDIATION } from './story-mediation.js';
import { PIPELINE } from './story-pipeline.js';
import { PORT } from './story-port.js';
import { SORIN } from './story-sorin.js';
import { TOLVANE } from './story-tolvane.js';
import type { StoryLine } from './story-types.js';

export const STORIES: readonly StoryLine[] = [TOLVANE, MEDIATION, PORT, ELECTION, SORIN, PIPELINE, DROUGHT, CROSSINGS];

export function storyById(id: string): StoryLine {
  const story = STORIES.find((candidate) => candidate.id === id);
  if (!story) throw new Error(`Unknown story line: ${id}`);
  return story;
}
