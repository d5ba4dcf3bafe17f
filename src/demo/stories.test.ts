import { describe, expect, it } from 'vitest';
import { ADDING_FACTS, AGREEING, DISAGREEING, GENERIC_QUESTIONS, REJOINDERS, REPLIES_TO_AGREEMENT, REPLIES_TO_DISAGREEMENT } from './comment-bank.js';
import { LONG_ANALYSES } from './generate-demo-site.js';
import { AFTER_QUOTE, GENERIC_DEKS, LIST_INTROS, QUOTE_LEADS, QUOTE_LEADS_AGAIN, ROLES, SUBHEADS } from './prose-roles.js';
import { Random } from './random.js';
import { STORIES, storyById } from './stories.js';
import { storyTokens } from './story-writer.js';
import { fill } from './text-fill.js';
import { TOPICS, TAGS, AUTHORS } from './world.js';

const GENERIC = [
  ...Object.values(ROLES).flatMap((role) => [...role.open, ...role.close]),
  ...QUOTE_LEADS, ...QUOTE_LEADS_AGAIN, ...AFTER_QUOTE, ...LIST_INTROS, ...Object.values(SUBHEADS).flat(), ...GENERIC_DEKS,
  ...AGREEING, ...DISAGREEING, ...ADDING_FACTS, ...REPLIES_TO_AGREEMENT, ...REPLIES_TO_DISAGREEMENT, ...REJOINDERS,
  ...GENERIC_QUESTIONS.flatMap((qa) => [qa.question, qa.answer]),
];

describe('story lines', () => {
  const topics = new Set(TOPICS.map((t) => t.slug));
  const tags = new Set(TAGS.map((t) => t.slug));
  const authors = new Set(AUTHORS.map((a) => a.slug));

  for (const story of STORIES) {
    it(`${story.id}: every template fills with the story’s tokens`, () => {
      const rng = new Random(1);
      const now = new Date('2025-06-15T12:00:00Z');
      const tokens = { ...storyTokens(story, now, new Date('2024-03-01T00:00:00Z'), rng), speakerName: 'A', speakerShort: 'B', speakerRole: 'c', speakerTheir: 'her', date: '1 May' };
      const own = [
        ...story.titles, ...story.deks, ...story.ledes, ...story.background, ...story.recent, ...story.stakes, ...story.next,
        ...story.watch, ...story.readerViews, ...story.questions.flatMap((qa) => [qa.question, qa.answer]), ...story.shots.map((s) => s.caption),
      ];
      for (const template of [...own, ...GENERIC]) {
        const text = fill(template, tokens, rng);
        expect(text, template).not.toMatch(/[{}]/);
      }
    });

    it(`${story.id}: refers only to topics, tags and authors that exist, with enough material`, () => {
      for (const slug of [...story.primaryTopics, ...story.extraTopics]) expect(topics.has(slug), slug).toBe(true);
      for (const slug of story.tags) expect(tags.has(slug), slug).toBe(true);
      for (const slug of story.authors) expect(authors.has(slug), slug).toBe(true);
      expect(story.titles.length).toBeGreaterThanOrEqual(6);
      expect(story.ledes.length).toBeGreaterThanOrEqual(4);
      expect(story.background.length + story.recent.length + story.stakes.length).toBeGreaterThanOrEqual(20);
      expect(story.people.length).toBeGreaterThanOrEqual(3);
      expect(story.shots.length).toBeGreaterThanOrEqual(5);
    });
  }

  it('long reads refer to story lines and topics that exist', () => {
    for (const analysis of LONG_ANALYSES) {
      expect(analysis.sections.length).toBeGreaterThanOrEqual(8);
      for (const section of analysis.sections) expect(storyById(section.story).id).toBe(section.story);
      for (const slug of [analysis.primaryTopic, ...analysis.topics]) expect(topics.has(slug), slug).toBe(true);
    }
  });
});
