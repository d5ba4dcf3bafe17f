/**
 * Writes the blocks of one article from a story line: paragraphs by role, quotations,
 * pull quotes, lists and figures, in the body HTML subset. One writer per article (or
 * per story within a long read), so its decks keep a sentence from coming back.
 */
import type { DemoImage } from './demo-types.js';
import { AFTER_QUOTE, LIST_INTROS, type ParagraphRole, QUOTE_LEADS, QUOTE_LEADS_AGAIN, ROLES, SUBHEADS } from './prose-roles.js';
import { Deck, type Random } from './random.js';
import type { StoryLine, StoryPerson } from './story-types.js';
import {
  addDays, addMonths, elapsedPhrase, escapeHtml, fill, inlineHtml, monthName, monthsBetween, plainText, type Tokens, weekdayName,
} from './text-fill.js';

interface Quotation {
  person: StoryPerson;
  text: string;
}

const ROLE_ORDER: readonly ParagraphRole[] = ['development', 'context', 'analysis', 'outlook'];

export function storyTokens(story: StoryLine, publishedAt: Date, began: Date, rng: Random): Record<string, string | (() => string)> {
  const sameYear = began.getUTCFullYear() === publishedAt.getUTCFullYear();
  return {
    ...story.tokens,
    began: sameYear ? monthName(began) : `${monthName(began)} ${began.getUTCFullYear()}`,
    elapsed: elapsedPhrase(monthsBetween(began, publishedAt)),
    day: () => weekdayName(addDays(publishedAt, -rng.int(1, 5))),
    lastMonth: monthName(addMonths(publishedAt, -1)),
    nextMonth: monthName(addMonths(publishedAt, 1)),
    year: String(publishedAt.getUTCFullYear()),
    speakerName: '',
    speakerShort: '',
    speakerRole: '',
    speakerTheir: '',
  };
}

/**
 * The story-independent sentences, drawn without repeats across every writer of one
 * article (a long read has one writer per story line but one set of these).
 */
export class GenericDecks {
  readonly opens: Record<ParagraphRole, Deck<string>>;
  readonly closes: Record<ParagraphRole, Deck<string>>;
  readonly afterQuote: Deck<string>;
  readonly quoteLeads: Deck<string>;
  readonly listIntros: Deck<string>;
  readonly subheads: Record<ParagraphRole | 'quote', Deck<string>>;

  constructor(rng: Random) {
    const deck = <T>(items: readonly T[]): Deck<T> => new Deck(items, rng);
    this.opens = { context: deck(ROLES.context.open), development: deck(ROLES.development.open), analysis: deck(ROLES.analysis.open), outlook: deck(ROLES.outlook.open) };
    this.closes = { context: deck(ROLES.context.close), development: deck(ROLES.development.close), analysis: deck(ROLES.analysis.close), outlook: deck(ROLES.outlook.close) };
    this.afterQuote = deck(AFTER_QUOTE);
    this.quoteLeads = deck(QUOTE_LEADS);
    this.listIntros = deck(LIST_INTROS);
    this.subheads = {
      context: deck(SUBHEADS.context), development: deck(SUBHEADS.development), analysis: deck(SUBHEADS.analysis),
      outlook: deck(SUBHEADS.outlook), quote: deck(SUBHEADS.quote),
    };
  }
}

export class StoryWriter {
  private readonly tokens: Record<string, string | (() => string)>;
  private readonly facts: Record<ParagraphRole, Deck<string>>;
  private readonly quotations: Deck<Quotation>;
  private readonly generic: GenericDecks;
  private readonly factsLeft: Record<ParagraphRole, number>;
  private isAfterQuote = false;
  private readonly quoted = new Set<string>();
  /** word sequences from handwritten text, so generated facts do not repeat it */
  private readonly avoided = new Set<string>();

  constructor(
    readonly story: StoryLine,
    private readonly rng: Random,
    publishedAt: Date,
    began: Date,
    generic?: GenericDecks,
    /** every sentence, heading and list item already in the article (shared by a long read's writers), so none is written twice */
    private readonly said = new Set<string>(),
  ) {
    this.tokens = storyTokens(story, publishedAt, began, rng);
    this.generic = generic ?? new GenericDecks(rng);
    const deck = <T>(items: readonly T[]): Deck<T> => new Deck(items, rng);
    this.facts = {
      context: deck(story.background),
      development: deck(story.recent),
      analysis: deck(story.stakes),
      outlook: deck(story.next),
    };
    this.factsLeft = {
      context: story.background.length,
      development: story.recent.length,
      analysis: story.stakes.length,
      outlook: story.next.length,
    };
    this.quotations = deck(story.people.flatMap((person) => person.quotes.map((text) => ({ person, text }))));
  }

  get tokenValues(): Tokens {
    return this.tokens;
  }

  text(template: string): string {
    return fill(template, this.tokens, this.rng);
  }

  /** A handwritten paragraph (template syntax allowed) as a `<p>`. */
  written(template: string): string {
    const text = this.text(template);
    this.say(text);
    return `<p>${inlineHtml(text)}</p>`;
  }

  /** Whether no sentence of the text is in the article yet. */
  private isFresh(text: string): boolean {
    return sentencesOf(text).every((sentence) => !this.said.has(sentence));
  }

  private say(text: string): void {
    for (const sentence of sentencesOf(text)) this.said.add(sentence);
  }

  /** A filled template from the deck that the article has not said yet, or null after a few tries. */
  private fresh(deck: Deck<string>): string | null {
    for (let tries = 0; tries < FRESH_TRIES; tries++) {
      const text = this.text(deck.draw());
      if (this.isFresh(text)) return text;
    }
    return null;
  }

  lede(): string {
    return this.written(this.rng.pick(this.story.ledes));
  }

  /** Facts that repeat a run of four words from this text will be skipped. */
  avoidOverlapWith(text: string): void {
    for (const gram of wordGrams(text)) this.avoided.add(gram);
  }

  /** An unused fact for the role, or null when the ones left are all said already. */
  private drawFact(role: ParagraphRole): string | null {
    let fact = this.text(this.facts[role].draw());
    this.factsLeft[role]--;
    const isRepeat = (text: string) => !this.isFresh(text) || (this.avoided.size > 0 && wordGrams(text).some((gram) => this.avoided.has(gram)));
    while (this.factsLeft[role] > 0 && isRepeat(fact)) {
      fact = this.text(this.facts[role].draw());
      this.factsLeft[role]--;
    }
    return this.isFresh(fact) ? fact : null;
  }

  /** True while the story still has unused facts for the role (or any role). */
  hasFacts(role?: ParagraphRole): boolean {
    return role ? this.factsLeft[role] > 0 : ROLE_ORDER.some((r) => this.factsLeft[r] > 0);
  }

  paragraph(role: ParagraphRole): string {
    const actual = this.factsLeft[role] > 0 ? role : (ROLE_ORDER.find((r) => this.factsLeft[r] > 0) ?? role);
    const sentences: string[] = [];
    const add = (text: string | null): void => {
      if (text === null) return;
      this.say(text);
      sentences.push(text);
    };
    if (this.isAfterQuote) {
      add(this.fresh(this.generic.afterQuote));
      this.isAfterQuote = false;
    } else if (actual !== 'development' || this.rng.chance(0.5)) {
      add(this.fresh(this.generic.opens[actual]));
    }
    const factCount = Math.min(this.rng.int(1, 2), Math.max(1, this.factsLeft[actual]));
    let facts = 0;
    for (let i = 0; i < factCount; i++) {
      const fact = this.drawFact(actual);
      if (fact !== null) facts++;
      add(fact);
    }
    if (sentences.length < 3 && this.rng.chance(actual === 'outlook' ? 0.7 : 0.45)) {
      add(this.fresh(this.generic.closes[actual]));
    }
    // Without a fact of its own a paragraph would only be framing: none at all.
    if (facts === 0) return '';
    return `<p>${inlineHtml(sentences.join(' '))}</p>`;
  }

  /** A lead-in paragraph and the quotation it introduces. */
  quote(): string {
    let quotation = this.quotations.draw();
    for (let tries = 0; tries < 4 && this.quoted.has(quotation.person.name); tries++) quotation = this.quotations.draw();
    for (let tries = 0; tries < FRESH_TRIES && !this.isFresh(quotation.text); tries++) quotation = this.quotations.draw();
    if (!this.isFresh(quotation.text)) return '';
    const { person, text } = quotation;
    const isAgain = this.quoted.has(person.name);
    this.quoted.add(person.name);
    this.tokens.speakerName = person.name;
    this.tokens.speakerShort = person.short;
    this.tokens.speakerRole = person.role;
    this.tokens.speakerTheir = person.pronoun === 'he' ? 'his' : 'her';
    let leadText = this.text(isAgain ? this.rng.pick(QUOTE_LEADS_AGAIN) : this.generic.quoteLeads.draw());
    for (let tries = 0; tries < FRESH_TRIES && !this.isFresh(leadText); tries++) leadText = this.text(this.rng.pick(isAgain ? QUOTE_LEADS_AGAIN : QUOTE_LEADS));
    if (!this.isFresh(leadText)) return '';
    this.isAfterQuote = true;
    this.say(leadText);
    this.say(text);
    const lead = `<p>${inlineHtml(leadText)}</p>`;
    // Named in full the first time, by name alone after that.
    const cite = isAgain ? person.name : `${person.name}, ${person.role}`;
    return `${lead}<blockquote><p>“${escapeHtml(text)}”</p><cite>${escapeHtml(cite)}</cite></blockquote>`;
  }

  /**
   * A pull quote: a line of analysis set large. Not one the body already says (readers
   * noticed the repeat), so a fresh one; empty when the story has none left.
   */
  pullQuote(): string {
    this.isAfterQuote = false;
    if (!this.hasFacts('analysis')) return '';
    const line = this.drawFact('analysis');
    if (line === null) return '';
    this.say(line);
    return `<blockquote class="pull-quote"><p>${inlineHtml(plainText(line))}</p></blockquote>`;
  }

  list(): string {
    this.isAfterQuote = false;
    const items = this.rng
      .sample(this.story.watch, this.rng.int(3, Math.min(5, this.story.watch.length)))
      .map((item) => this.text(item))
      .filter((item) => this.isFresh(item));
    const intro = this.fresh(this.generic.listIntros);
    if (items.length < 2 || intro === null) return '';
    this.say(intro);
    for (const item of items) this.say(item);
    return `<p>${inlineHtml(intro)}</p><ul>${items.map((item) => `<li>${inlineHtml(item)}</li>`).join('')}</ul>`;
  }

  subhead(role: ParagraphRole | 'quote'): string {
    this.isAfterQuote = false;
    const heading = this.fresh(this.generic.subheads[role]);
    if (heading === null) return '';
    this.say(heading);
    return `<h2>${escapeHtml(heading)}</h2>`;
  }
}

/** How many draws a deck gets to find a sentence the article has not said yet. */
const FRESH_TRIES = 6;

/** A text's sentences as a reader sees them (markup gone), to tell a repeat. */
export function sentencesOf(text: string): string[] {
  return plainText(text)
    .split(/(?<=[.!?…][”’"]?)\s+/)
    .map((sentence) => sentence.replace(/\s+/g, ' ').trim())
    .filter(Boolean);
}

function wordGrams(text: string): string[] {
  const words = plainText(text).toLowerCase().split(/[^a-z0-9.’']+/).filter(Boolean);
  const grams: string[] = [];
  for (let i = 0; i + 4 <= words.length; i++) grams.push(words.slice(i, i + 4).join(' '));
  return grams;
}

/** A body figure, captioned and credited exactly as the site draws a featured image (views/picture.tsx). */
export function figureHtml(image: DemoImage): string {
  return (
    `<figure><img src="demo:${image.key}" alt="${escapeHtml(image.alt)}">` +
    `<figcaption>${escapeHtml(image.caption)} <small class="credit">${escapeHtml(image.credit)}</small></figcaption></figure>`
  );
}
