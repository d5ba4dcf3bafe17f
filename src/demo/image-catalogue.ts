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

  constructor(private readonly rng: Random) {}

  /**
   * A new image from the story’s shots, dated a few days before `date`. A featured image is
   * never a portrait: every portrait is the same silhouette at a window, and cards show
   * featured images side by side, where two of them would read as one picture twice.
   */
  take(story: StoryLine, tokens: Tokens, date: Date, isFeatured: boolean): DemoImage {
    let deck = this.shots.get(story.id);
    if (!deck) {
      deck = new Deck(story.shots, this.rng);
      this.shots.set(story.id, deck);
    }
    const shot = isFeatured ? deck.drawWhere((candidate) => candidate.scene !== 'portrait') : deck.draw();
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
