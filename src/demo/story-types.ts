/**
 * A story line: one subject the publication follows over months (a ceasefire, a strike,
 * a drought), with the names, facts and sentences its articles are written from. Articles
 * of one story line share vocabulary, topics and tags, so related-article ranking has
 * something real to find.
 */
import type { DemoImage } from './demo-types.js';

/** The noun phrases every generic template may use, written for one story line. */
export interface StoryTokens {
  /** the subject in full: "the ceasefire in Tolvane" */
  subject: string;
  /** the subject once the reader knows it: "the ceasefire" */
  topic: string;
  actor: string;
  actorShort: string;
  /** the other side: "the government in Marenth" */
  counterpart: string;
  place: string;
  country: string;
  adj: string;
  /** who lives with the consequences: "families in the northern valleys" */
  affected: string;
  /** the open question, as a noun clause: "who controls the roads north" */
  stake: string;
  /** what happened at the start, as a clause: "negotiators in Belcastro signed a truce" */
  origin: string;
  mediator: string;
}

export interface StoryPerson {
  name: string;
  /** the name on second mention */
  short: string;
  /** an appositive: "political chief of the Tolvane Freedom Movement" */
  role: string;
  pronoun: 'he' | 'she';
  quotes: readonly string[];
}

export interface StoryShot {
  scene: DemoImage['scene'];
  alt: string;
  /** what, where, when: may use {date} and the story tokens */
  caption: string;
}

export interface ReaderQuestion {
  question: string;
  answer: string;
}

export interface StoryLine {
  id: string;
  /** level-2 or level-3 topics an article's primary topic is chosen from */
  primaryTopics: readonly string[];
  extraTopics: readonly string[];
  tags: readonly string[];
  authors: readonly string[];
  /** how long before the reference date the story began */
  beganMonthsAgo: number;
  tokens: StoryTokens;
  people: readonly StoryPerson[];
  titles: readonly string[];
  deks: readonly string[];
  /** opening paragraphs, two or three sentences each */
  ledes: readonly string[];
  background: readonly string[];
  recent: readonly string[];
  /** interpretation: what is at stake and why */
  stakes: readonly string[];
  /** what comes next */
  next: readonly string[];
  /** list items: things to watch */
  watch: readonly string[];
  shots: readonly StoryShot[];
  readerViews: readonly string[];
  questions: readonly ReaderQuestion[];
}
