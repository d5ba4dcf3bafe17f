/**
 * Renders a demo image: a layered SVG illustration of the scene, varied by its seed and
 * by words in its description (dusk, snow, ships, palms...), rasterized with sharp to a
 * JPEG with a little film grain. No text is ever drawn.
 */
import sharp from 'sharp';
import type { DemoImage } from './demo-types.js';
import { city, crowd, harbour, parliament } from './image-scenes-built.js';
import { coast, desert, field, mountains } from './image-scenes-land.js';
import { map, portrait } from './image-scenes-special.js';
import { type Canvas, chooseMood, type Mood, vignette } from './image-svg.js';
import { Random } from './random.js';

type Scene = DemoImage['scene'];

const SCENES: Readonly<Record<Scene, (c: Canvas, description: string) => string>> = {
  city, mountains, coast, desert, harbour, parliament, crowd, field, portrait, map,
};

/** The lighting each scene is drawn in when its description does not say. */
const PREFERRED_MOODS: Readonly<Record<Scene, readonly Mood['name'][]>> = {
  city: ['day', 'dusk', 'dawn', 'overcast'],
  mountains: ['day', 'dawn', 'overcast', 'dusk'],
  coast: ['dusk', 'day', 'dawn'],
  desert: ['heat', 'heat', 'dusk', 'dawn'],
  harbour: ['day', 'dusk', 'overcast', 'dawn'],
  parliament: ['day', 'overcast', 'dawn'],
  crowd: ['day', 'dusk', 'overcast'],
  field: ['day', 'dawn', 'heat'],
  portrait: ['day', 'dusk'],
  map: ['day'],
};

export function demoImageSvg(image: DemoImage): string {
  const rng = new Random(image.seed);
  const description = `${image.alt} ${image.caption}`.toLowerCase();
  const canvas: Canvas = {
    width: image.width,
    height: image.height,
    rng,
    mood: chooseMood(description, rng, PREFERRED_MOODS[image.scene]),
    id: `i${image.seed.toString(36)}`,
  };
  const body = SCENES[image.scene](canvas, description);
  const finish = image.scene === 'map' ? '' : vignette(canvas);
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="${image.width}" height="${image.height}" ` +
    `viewBox="0 0 ${image.width} ${image.height}">${body}${finish}</svg>`
  );
}

export async function renderDemoImage(image: DemoImage): Promise<Buffer> {
  const { data, info } = await sharp(Buffer.from(demoImageSvg(image)), { density: 72 })
    .removeAlpha()
    .raw()
    .toBuffer({ resolveWithObject: true });
  if (image.scene !== 'map') addGrain(data, image.seed);
  return sharp(data, { raw: { width: info.width, height: info.height, channels: info.channels } }).jpeg({ quality: 80 }).toBuffer();
}

const GRAIN_VALUES = 4093;

/** Light luminance noise over the pixels, as a photograph’s grain (cheap: a table, a stride). */
function addGrain(buffer: Buffer, seed: number): void {
  const rng = new Random(seed ^ 0x9e3779b9);
  const table = new Int8Array(GRAIN_VALUES);
  for (let i = 0; i < GRAIN_VALUES; i++) table[i] = Math.round((rng.next() + rng.next() - 1) * 14);
  // A clamped view saturates at 0 and 255 by itself.
  const pixels = new Uint8ClampedArray(buffer.buffer, buffer.byteOffset, buffer.length);
  let k = rng.int(0, GRAIN_VALUES - 1);
  for (let i = 0; i + 2 < pixels.length; i += 3) {
    const noise = table[k] as number;
    k += 7;
    if (k >= GRAIN_VALUES) k -= GRAIN_VALUES;
    pixels[i] = (pixels[i] as number) + noise;
    pixels[i + 1] = (pixels[i + 1] as number) + noise;
    pixels[i + 2] = (pixels[i + 2] as number) + noise;
  }
}
