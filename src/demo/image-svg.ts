/**
 * Drawing helpers for the demo illustrations: colour mixing, lighting moods, skies, sun,
 * haze, ridges and the finishing vignette. Everything returns SVG text.
 */
import type { Random } from './random.js';

export interface Canvas {
  width: number;
  height: number;
  rng: Random;
  mood: Mood;
  /** id prefix, unique per image, for gradients and filters */
  id: string;
}

export interface Mood {
  name: 'day' | 'dawn' | 'dusk' | 'overcast' | 'heat' | 'night';
  skyTop: string;
  skyBottom: string;
  sun: string;
  haze: string;
  far: string;
  near: string;
  water: string;
  lit: string;
}

const MOODS: readonly Mood[] = [
  { name: 'day', skyTop: '#3f77b8', skyBottom: '#cfe2ee', sun: '#fff8e0', haze: '#dde8ee', far: '#8ea4b6', near: '#34402f', water: '#2f6384', lit: '#f4e7c0' },
  { name: 'dawn', skyTop: '#34507c', skyBottom: '#f3bb86', sun: '#ffe3aa', haze: '#f0caa2', far: '#7f7f9f', near: '#2c2b3b', water: '#4a5f84', lit: '#ffd9a0' },
  { name: 'dusk', skyTop: '#262c58', skyBottom: '#ef8c5c', sun: '#ffd28c', haze: '#e6a37c', far: '#6d5b7a', near: '#1e1a29', water: '#3b3d66', lit: '#ffc873' },
  { name: 'overcast', skyTop: '#87939f', skyBottom: '#d6dadd', sun: '#f3f2ee', haze: '#cfd4d8', far: '#98a1a7', near: '#3b433f', water: '#56666f', lit: '#efe6cf' },
  { name: 'heat', skyTop: '#79a3c8', skyBottom: '#f4e4c6', sun: '#fffbea', haze: '#f2e2c4', far: '#d7b98e', near: '#9c6f45', water: '#3f7d94', lit: '#fff1cf' },
  { name: 'night', skyTop: '#0c1230', skyBottom: '#3a3f6e', sun: '#f2eedc', haze: '#4b4f7c', far: '#3a3d5e', near: '#0e0f1a', water: '#1c2344', lit: '#ffcf7a' },
];

/** The lighting a caption or alt text asks for, or one chosen by the seed. */
export function chooseMood(description: string, rng: Random, preferred: readonly Mood['name'][]): Mood {
  const text = description.toLowerCase();
  const wanted: Mood['name'] | undefined =
    /night/.test(text) ? 'night'
    : /dusk|sunset|evening/.test(text) ? 'dusk'
    : /dawn|morning/.test(text) ? 'dawn'
    : /grey|overcast|cloud/.test(text) ? 'overcast'
    : /heat|hazy|desert|dunes|sun\b/.test(text) ? 'heat'
    : undefined;
  const name = wanted ?? rng.pick(preferred);
  const base = MOODS.find((mood) => mood.name === name) ?? MOODS[0];
  return tintMood(base as Mood, rng);
}

/** A small shift of every colour, so two images of one mood are not identical. */
function tintMood(mood: Mood, rng: Random): Mood {
  const shift = { r: rng.int(-10, 10), g: rng.int(-8, 8), b: rng.int(-10, 10) };
  const tint = (hex: string): string => {
    const [r, g, b] = parseHex(hex);
    return toHex(r + shift.r, g + shift.g, b + shift.b);
  };
  return {
    name: mood.name, skyTop: tint(mood.skyTop), skyBottom: tint(mood.skyBottom), sun: mood.sun, haze: tint(mood.haze),
    far: tint(mood.far), near: tint(mood.near), water: tint(mood.water), lit: mood.lit,
  };
}

function parseHex(hex: string): [number, number, number] {
  const value = Number.parseInt(hex.slice(1), 16);
  return [(value >> 16) & 255, (value >> 8) & 255, value & 255];
}

function toHex(r: number, g: number, b: number): string {
  const clamp = (v: number): number => Math.max(0, Math.min(255, Math.round(v)));
  return `#${((1 << 24) | (clamp(r) << 16) | (clamp(g) << 8) | clamp(b)).toString(16).slice(1)}`;
}

/** Linear mix of two colours: t = 0 gives a, t = 1 gives b. */
export function mix(a: string, b: string, t: number): string {
  const [ar, ag, ab] = parseHex(a);
  const [br, bg, bb] = parseHex(b);
  return toHex(ar + (br - ar) * t, ag + (bg - ag) * t, ab + (bb - ab) * t);
}

export function round(value: number): string {
  return value.toFixed(1);
}

export function sky(c: Canvas, horizon: number): string {
  const id = `${c.id}-sky`;
  return (
    `<defs><linearGradient id="${id}" x1="0" y1="0" x2="0" y2="1">` +
    `<stop offset="0" stop-color="${c.mood.skyTop}"/><stop offset="1" stop-color="${c.mood.skyBottom}"/></linearGradient></defs>` +
    `<rect width="${c.width}" height="${round(horizon + 2)}" fill="url(#${id})"/>` +
    (c.mood.name === 'night' ? stars(c, horizon) : '')
  );
}

function stars(c: Canvas, horizon: number): string {
  let out = '';
  for (let i = 0; i < 90; i++) {
    out += `<circle cx="${round(c.rng.range(0, c.width))}" cy="${round(c.rng.range(0, horizon * 0.7))}" r="${round(c.rng.range(0.6, 1.8))}" fill="#fff" fill-opacity="${round(c.rng.range(0.3, 0.9))}"/>`;
  }
  return out;
}

/** The sun (or moon) with a wide glow. */
export function sun(c: Canvas, x: number, y: number, radius: number): string {
  const id = `${c.id}-glow`;
  const glow = c.mood.name === 'overcast' ? 0.35 : 0.7;
  return (
    `<defs><radialGradient id="${id}"><stop offset="0" stop-color="${c.mood.sun}" stop-opacity="${glow}"/>` +
    `<stop offset="0.25" stop-color="${c.mood.sun}" stop-opacity="${glow * 0.35}"/><stop offset="1" stop-color="${c.mood.sun}" stop-opacity="0"/></radialGradient></defs>` +
    `<circle cx="${round(x)}" cy="${round(y)}" r="${round(radius * 9)}" fill="url(#${id})"/>` +
    (c.mood.name === 'overcast' ? '' : `<circle cx="${round(x)}" cy="${round(y)}" r="${round(radius)}" fill="${c.mood.sun}"/>`)
  );
}

/** Soft cloud banks: overlapping translucent ellipses. */
export function clouds(c: Canvas, maxY: number, count: number): string {
  let out = `<g fill="${mix(c.mood.skyBottom, '#ffffff', 0.5)}" fill-opacity="${c.mood.name === 'overcast' ? 0.55 : 0.35}">`;
  for (let i = 0; i < count; i++) {
    const cx = c.rng.range(-0.1, 1.1) * c.width;
    const cy = c.rng.range(0.08, 1) * maxY;
    const w = c.rng.range(0.08, 0.22) * c.width;
    for (let j = 0; j < 5; j++) {
      out += `<ellipse cx="${round(cx + c.rng.range(-w, w))}" cy="${round(cy + c.rng.range(-w * 0.06, w * 0.06))}" rx="${round(w * c.rng.range(0.4, 0.9))}" ry="${round(w * c.rng.range(0.06, 0.14))}"/>`;
    }
  }
  return `${out}</g>`;
}

/** A band of haze over the horizon, fading up and down. */
export function haze(c: Canvas, y: number, thickness: number, opacity: number): string {
  const id = `${c.id}-haze${Math.round(y)}`;
  return (
    `<defs><linearGradient id="${id}" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="${c.mood.haze}" stop-opacity="0"/>` +
    `<stop offset="0.5" stop-color="${c.mood.haze}" stop-opacity="${opacity}"/><stop offset="1" stop-color="${c.mood.haze}" stop-opacity="0"/></linearGradient></defs>` +
    `<rect y="${round(y - thickness / 2)}" width="${c.width}" height="${round(thickness)}" fill="url(#${id})"/>`
  );
}

/** Heights in [-1, 1] by midpoint displacement: rough for mountains, smooth for hills. */
export function profile(rng: Random, segments: number, roughness: number): number[] {
  const heights = new Array<number>(segments + 1).fill(0);
  heights[0] = rng.range(-1, 1);
  heights[segments] = rng.range(-1, 1);
  let scale = 1;
  for (let step = segments; step > 1; step /= 2) {
    const half = step / 2;
    for (let i = half; i < segments; i += step) {
      heights[i] = ((heights[i - half] ?? 0) + (heights[i + half] ?? 0)) / 2 + rng.range(-scale, scale);
    }
    scale *= roughness;
  }
  return heights.map((h) => Math.max(-1, Math.min(1, h)));
}

/** A filled ridge line from baseY (amplitude up and down) to the bottom of the picture. */
export function ridge(c: Canvas, baseY: number, amplitude: number, roughness: number, fill: string, segments = 64): string {
  const heights = profile(c.rng, segments, roughness);
  let d = `M0 ${c.height} `;
  heights.forEach((h, i) => {
    d += `L${round((i / segments) * c.width)} ${round(baseY - h * amplitude)} `;
  });
  return `<path d="${d}L${c.width} ${c.height}Z" fill="${fill}"/>`;
}

/** Darkened corners, as a lens gives them. */
export function vignette(c: Canvas): string {
  const id = `${c.id}-vignette`;
  return (
    `<defs><radialGradient id="${id}" cx="0.5" cy="0.5" r="0.75"><stop offset="0.55" stop-color="#000" stop-opacity="0"/>` +
    `<stop offset="1" stop-color="#000" stop-opacity="0.38"/></radialGradient></defs>` +
    `<rect width="${c.width}" height="${c.height}" fill="url(#${id})"/>`
  );
}

/** Still water below the horizon with the light reflected in broken streaks. */
export function water(c: Canvas, horizon: number, sunX: number): string {
  const id = `${c.id}-water`;
  let out =
    `<defs><linearGradient id="${id}" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="${mix(c.mood.water, c.mood.skyBottom, 0.45)}"/>` +
    `<stop offset="1" stop-color="${mix(c.mood.water, '#000000', 0.25)}"/></linearGradient></defs>` +
    `<rect y="${round(horizon)}" width="${c.width}" height="${round(c.height - horizon)}" fill="url(#${id})"/>`;
  out += `<g fill="${c.mood.sun}">`;
  for (let i = 0; i < 70; i++) {
    const t = c.rng.next();
    const y = horizon + 2 + t * t * (c.height - horizon);
    const w = c.rng.range(10, 60) * (0.4 + t * 1.5);
    const x = sunX + c.rng.range(-1, 1) * (30 + t * 160);
    out += `<rect x="${round(x - w / 2)}" y="${round(y)}" width="${round(w)}" height="${round(1.5 + t * 3)}" fill-opacity="${round(0.15 + (1 - t) * 0.5)}"/>`;
  }
  out += '</g>';
  for (let i = 0; i < 40; i++) {
    const y = horizon + c.rng.range(0.05, 1) * (c.height - horizon);
    out += `<rect x="${round(c.rng.range(0, c.width))}" y="${round(y)}" width="${round(c.rng.range(40, 220))}" height="1.5" fill="#ffffff" fill-opacity="0.08"/>`;
  }
  return out;
}
