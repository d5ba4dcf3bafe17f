/**
 * The images a demo site needs: one per featured image and body figure, described from
 * the story line’s shots (what the picture shows, where, when) with a fictional credit.
 */
import type { DemoImage } from './demo-types.js';
import { Deck, type Random } from './random.js';
import type { StoryLine, StoryShot } from './story-types.js';
import { addDays, dayAndMonth, fill, type Tokens } from './text-fill.js';
import { AGENCIES, GRAPHICS_CREDIT } from './world.js';

export class ImageCatalogue {
  readonly images: DemoImage[] = [];
  private readonly shots = new Map<string, Deck<StoryShot>>();
  private readonly counts = new Map<string, number>();
  /** per story, the shots (by caption template) already used as a featured image */
  private readonly featured = new Map<string, Set<string>>();

  constructor(private readonly rng: Random) {}

  /**
   * A new image from the story’s shots, dated a few days before `date`. Cards show featured
   * images side by side, so a featured image is never a portrait or a map (each is drawn
   * alike: a silhouette at a window, a plain map) and never a shot another article of the
   * story already leads with while the story has others: no list shows one picture twice.
   */
  take(story: StoryLine, tokens: Tokens, date: Date, isFeatured: boolean): DemoImage {
    let deck = this.shots.get(story.id);
    if (!deck) {
      deck = new Deck(story.shots, this.rng);
      this.shots.set(story.id, deck);
    }
    const led = this.featured.get(story.id) ?? new Set<string>();
    this.featured.set(story.id, led);
    const canLead = (candidate: StoryShot) => candidate.scene !== 'portrait' && candidate.scene !== 'map';
    const isNew = story.shots.some((candidate) => canLead(candidate) && !led.has(candidate.caption));
    const shot = isFeatured ? deck.drawWhere((candidate) => canLead(candidate) && (!isNew || !led.has(candidate.caption))) : deck.draw();
    if (isFeatured) led.add(shot.caption);
    const count = (this.counts.get(story.id) ?? 0) + 1;
    this.counts.set(story.id, count);
    const taken = dayAndMonth(addDays(date, -this.rng.int(0, 4)));
    const wide = isFeatured || this.rng.chance(0.5);
    const image: DemoImage = {
      key: `${story.id}-${String(count).padStart(2, '0')}`,
      width: wide ? 1600 : 1200,
      height: wide ? 900 : 800,
      alt: shot.alt,
      caption: fill(shot.caption, { ...tokens, date: taken }, this.rng),
      credit: shot.scene === 'map' ? GRAPHICS_CREDIT : this.credit(),
      seed: this.rng.int(1, 0x7fffffff),
      scene: shot.scene,
    };
    this.images.push(image);
    return image;
  }

  private credit(): string {
    const agency = this.rng.pick(AGENCIES);
    return `${agency.name} / ${this.rng.pick(agency.photographers)}`;
  }
}
