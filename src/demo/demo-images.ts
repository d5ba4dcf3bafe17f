/**
 * Renders a demo image: a layered SVG illustration of the scene, varied by its seed and
 * by words in its description (dusk, snow, ships, palms...), rasterized with sharp to a
 * JPEG; a little film grain is part of the drawing. No text is ever drawn.
 */
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
  const finish = image.scene === 'map' ? '' : vignette(canvas) + grain(canvas);
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="${image.width}" height="${image.height}" ` +
    `viewBox="0 0 ${image.width} ${image.height}">${body}${finish}</svg>`
  );
}

/** The JPEG a browser would see at full size: what the media variants rasterize from the SVG. */
export async function renderDemoImage(image: DemoImage): Promise<Buffer> {
  const { default: sharp } = await import('sharp');
  return sharp(Buffer.from(demoImageSvg(image)), { density: 72 }).removeAlpha().jpeg({ quality: 80 }).toBuffer();
}

/**
 * Light film grain over the picture, as a photograph’s: a tile of fractal noise that only
 * darkens, repeated across the canvas. Drawn in the SVG (not onto pixels) so the picture
 * can be stored as its vector source and rasterized at each size when first asked for;
 * one 128-pixel tile costs a fraction of filtering the whole canvas.
 */
function grain(canvas: Canvas): string {
  const id = `${canvas.id}g`;
  return (
    `<defs><filter id="${id}f" x="0" y="0" width="100%" height="100%">` +
    `<feTurbulence type="fractalNoise" baseFrequency="0.9" numOctaves="1" seed="${canvas.rng.int(1, 9999)}" stitchTiles="stitch"/>` +
    '<feColorMatrix type="matrix" values="0 0 0 0 0  0 0 0 0 0  0 0 0 0 0  0 0 0 -0.5 0.25"/></filter>' +
    `<pattern id="${id}" width="128" height="128" patternUnits="userSpaceOnUse"><rect width="128" height="128" filter="url(#${id}f)"/></pattern></defs>` +
    `<rect width="100%" height="100%" fill="url(#${id})"/>`
  );
}
