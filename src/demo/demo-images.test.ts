import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { demoImageSvg, renderDemoImage } from './demo-images.js';
import type { DemoImage } from './demo-types.js';

const SCENES: DemoImage['scene'][] = ['city', 'mountains', 'coast', 'desert', 'harbour', 'parliament', 'crowd', 'field', 'portrait', 'map'];

function image(scene: DemoImage['scene'], index: number): DemoImage {
  return {
    key: `test-${scene}`,
    width: index % 2 === 0 ? 1600 : 1200,
    height: index % 2 === 0 ? 900 : 800,
    alt: 'A view at dusk with ships, palms and a road under snow',
    caption: 'A test picture.',
    credit: 'Test Agency / Test Photographer',
    seed: 1000 + index,
    scene,
  };
}

describe('renderDemoImage', () => {
  it('renders every scene as a JPEG of the requested size, without text', async () => {
    const times: number[] = [];
    for (const [index, scene] of SCENES.entries()) {
      const input = image(scene, index);
      expect(demoImageSvg(input)).not.toMatch(/<text|<tspan/);
      const started = performance.now();
      const jpeg = await renderDemoImage(input);
      times.push(performance.now() - started);
      const meta = await sharp(jpeg).metadata();
      expect(meta).toMatchObject({ format: 'jpeg', width: input.width, height: input.height });
      // Not a flat picture: a real scene has spread in its pixel values.
      const stats = await sharp(jpeg).stats();
      expect(stats.channels[0]?.stdev ?? 0).toBeGreaterThan(8);
    }
    const average = times.reduce((sum, t) => sum + t, 0) / times.length;
    // Typically about 100 ms; generous for busy test machines.
    expect(average).toBeLessThan(600);
  });

  it('draws the same picture for the same seed, and another for another seed', () => {
    const a = image('city', 0);
    expect(demoImageSvg(a)).toBe(demoImageSvg({ ...a }));
    expect(demoImageSvg({ ...a, seed: 99 })).not.toBe(demoImageSvg(a));
  });
});
