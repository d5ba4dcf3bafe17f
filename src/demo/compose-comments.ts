/**
 * A thread of approved reader comments for one article: agreement, disagreement, added
 * facts, and questions that another reader answers, with replies up to two levels deep.
 */
import {
  ADDING_FACTS, AGREEING, DISAGREEING, FIRST_NAMES, GENERIC_QUESTIONS, LAST_NAMES, REJOINDERS, REPLIES_TO_AGREEMENT,
  REPLIES_TO_DISAGREEMENT, REPLIES_TO_FACT, THANKS,
} from './comment-bank.js';
import type { DemoComment } from './demo-types.js';
import type { Random } from './random.js';
import type { StoryLine } from './story-types.js';
import { fill, slugOf, type Tokens } from './text-fill.js';

interface Reader {
  name: string;
  email: string;
  url: string;
}

type Kind = 'agree' | 'disagree' | 'view' | 'question' | 'fact';

export function composeComments(story: StoryLine, tokens: Tokens, rng: Random, count: number): DemoComment[] {
  const comments: DemoComment[] = [];
  const usedNames = new Set<string>();
  const usedTexts = new Set<string>();
  let clock = rng.int(8, 90);

  const newReader = (): Reader => {
    for (;;) {
      const first = rng.pick(FIRST_NAMES);
      const last = rng.pick(LAST_NAMES);
      const isShort = rng.chance(0.2);
      const name = isShort ? `${first} ${last.charAt(0)}.` : `${first} ${last}`;
      if (usedNames.has(name)) continue;
      usedNames.add(name);
      const handle = slugOf(isShort ? `${first} ${last.charAt(0)}` : `${first} ${last}`).replace(/-/g, '.');
      const url = rng.chance(0.25) ? `https://example.net/${rng.chance(0.5) ? 'blog/' : ''}${handle.replace(/\./g, '-')}` : '';
      return { name, email: `${handle}@example.net`, url };
    }
  };
  /** A text not yet used in this thread. */
  const choose = (pool: readonly string[]): string => {
    let text = rng.pick(pool);
    for (let tries = 0; usedTexts.has(text) && tries < 6; tries++) text = rng.pick(pool);
    usedTexts.add(text);
    return fill(text, tokens, rng);
  };
  const post = (reader: Reader, body: string, parent: DemoComment | null): DemoComment => {
    const minutes = parent ? parent.minutesAfterPublish + rng.int(6, 540) : (clock += rng.int(10, 300));
    const comment: DemoComment = {
      key: `c${comments.length + 1}`,
      parentKey: parent?.key ?? null,
      authorName: reader.name,
      authorEmail: reader.email,
      authorUrl: reader.url,
      body,
      minutesAfterPublish: minutes,
    };
    comments.push(comment);
    return comment;
  };

  while (comments.length < count) {
    const room = count - comments.length;
    const kind = pickKind(rng);
    const author = newReader();
    if (kind === 'question') {
      const qa = rng.chance(0.6) ? rng.pick(story.questions) : rng.pick(GENERIC_QUESTIONS);
      if (usedTexts.has(qa.question)) continue;
      usedTexts.add(qa.question);
      const question = post(author, fill(qa.question, tokens, rng), null);
      if (room < 2) continue;
      const answer = post(newReader(), fill(qa.answer, tokens, rng), question);
      if (room >= 3 && rng.chance(0.45)) post(author, choose(THANKS), answer);
    } else if (kind === 'disagree') {
      const objection = post(author, choose(DISAGREEING), null);
      if (room >= 2 && rng.chance(0.6)) {
        const reply = post(newReader(), choose(REPLIES_TO_DISAGREEMENT), objection);
        if (room >= 3 && rng.chance(0.4)) post(author, choose(REJOINDERS), reply);
      }
    } else {
      const body =
        kind === 'view'
          ? withSecondThought(choose(story.readerViews), rng, () => choose(AGREEING))
          : choose(kind === 'agree' ? AGREEING : ADDING_FACTS);
      const comment = post(author, body, null);
      if (room >= 2 && rng.chance(0.25)) post(newReader(), choose(kind === 'fact' ? REPLIES_TO_FACT : REPLIES_TO_AGREEMENT), comment);
    }
  }
  return comments;
}

function pickKind(rng: Random): Kind {
  const roll = rng.next();
  if (roll < 0.22) return 'agree';
  if (roll < 0.44) return 'disagree';
  if (roll < 0.66) return 'view';
  if (roll < 0.9) return 'question';
  return 'fact';
}

/** Some readers add a second paragraph. */
function withSecondThought(text: string, rng: Random, second: () => string): string {
  return rng.chance(0.25) ? `${text}\n\n${second()}` : text;
}
