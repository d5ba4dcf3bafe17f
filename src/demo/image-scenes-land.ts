/** Landscapes: mountains, coast, desert and fields. Each returns the SVG body of a scene. */
import { type Canvas, clouds, haze, mix, profile, ridge, round, sky, sun, water } from './image-svg.js';

function ridgeFromHeights(c: Canvas, heights: readonly number[], baseY: number, amplitude: number): string {
  const segments = heights.length - 1;
  let d = `M0 ${c.height} `;
  heights.forEach((h, i) => {
    d += `L${round((i / segments) * c.width)} ${round(baseY - h * amplitude)} `;
  });
  return `${d}L${c.width} ${c.height}Z`;
}

export function mountains(c: Canvas, description: string): string {
  const { width: w, height: h, rng, mood } = c;
  const horizon = h * 0.6;
  let out = sky(c, h) + sun(c, w * rng.range(0.15, 0.85), h * rng.range(0.12, 0.3), h * 0.035) + clouds(c, h * 0.4, 4);
  const peaks = profile(rng, 64, 0.58);
  const peakPath = ridgeFromHeights(c, peaks, h * 0.36, h * 0.16);
  const rock = mix(mood.far, mood.skyBottom, 0.45);
  if (/snow|winter/.test(description) || rng.chance(0.5)) {
    // White peaks, then rock below a ragged snow line, clipped to the peaks.
    const clip = `${c.id}-peaks`;
    out += `<defs><clipPath id="${clip}"><path d="${peakPath}"/></clipPath></defs>`;
    out += `<path d="${peakPath}" fill="${mix('#f4f6f8', mood.skyBottom, 0.25)}"/>`;
    out += `<g clip-path="url(#${clip})">${ridge(c, h * 0.3, h * 0.05, 0.7, rock, 128)}</g>`;
  } else {
    out += `<path d="${peakPath}" fill="${rock}"/>`;
  }
  out += haze(c, h * 0.45, h * 0.16, 0.6);
  out += ridge(c, h * 0.47, h * 0.09, 0.55, mix(mood.far, mood.near, 0.35));
  out += haze(c, h * 0.53, h * 0.1, 0.45);
  out += ridge(c, h * 0.58, h * 0.07, 0.5, mix(mood.far, mood.near, 0.65));
  out += ridge(c, h * 0.72, h * 0.08, 0.45, mix(mood.near, '#3f5a32', mood.name === 'day' ? 0.4 : 0.1));
  if (/road|track|pass/.test(description)) {
    const x0 = w * rng.range(0.35, 0.65);
    const x1 = x0 + rng.range(-0.25, 0.25) * w;
    out += `<path d="M${round(x0 - 60)} ${h} C${round(x0 + 140)} ${round(h * 0.86)} ${round(x1 - 160)} ${round(h * 0.76)} ${round(x1)} ${round(horizon + h * 0.05)}" stroke="${mix(mood.haze, '#9a8f80', 0.5)}" stroke-width="${round(h * 0.02)}" fill="none" stroke-opacity="0.75"/>`;
  }
  out += ridge(c, h * 0.9, h * 0.05, 0.4, mix(mood.near, '#000000', 0.2));
  return out;
}

export function coast(c: Canvas, description: string): string {
  const { width: w, height: h, rng, mood } = c;
  const horizon = h * rng.range(0.5, 0.6);
  const sunX = w * rng.range(0.25, 0.75);
  let out = sky(c, horizon) + sun(c, sunX, horizon - h * rng.range(0.06, 0.25), h * 0.04) + clouds(c, horizon * 0.8, 5);
  const headlandLeft = rng.chance(0.5);
  const heights = profile(rng, 32, 0.5);
  let d = `M${headlandLeft ? 0 : w} ${round(horizon)} `;
  heights.forEach((v, i) => {
    const x = (i / 32) * w * 0.45;
    d += `L${round(headlandLeft ? x : w - x)} ${round(horizon - (1 - i / 32) * h * 0.08 - Math.abs(v) * h * 0.02)} `;
  });
  out += `<path d="${d}L${round(headlandLeft ? w * 0.45 : w * 0.55)} ${round(horizon)}Z" fill="${mix(mood.far, mood.skyBottom, 0.35)}"/>`;
  out += water(c, horizon, sunX);
  out += haze(c, horizon, h * 0.05, 0.5);
  if (/ship/.test(description)) {
    for (let i = 0; i < rng.int(3, 6); i++) out += ship(c, rng.range(0.05, 0.9) * w, horizon + rng.range(0.005, 0.04) * h, rng.range(0.06, 0.12) * w);
  }
  if (/tank|terminal|jetty/.test(description)) {
    const fill = mix(mood.near, mood.haze, 0.25);
    for (let i = 0; i < 5; i++) {
      const x = w * (0.58 + i * 0.07);
      const r = w * 0.028;
      out += `<rect x="${round(x - r)}" y="${round(horizon - h * 0.07)}" width="${round(2 * r)}" height="${round(h * 0.07)}" fill="${fill}"/>`;
      out += `<ellipse cx="${round(x)}" cy="${round(horizon - h * 0.07)}" rx="${round(r)}" ry="${round(r * 0.25)}" fill="${mix(fill, mood.sun, 0.3)}"/>`;
    }
    out += `<rect x="${round(w * 0.3)}" y="${round(horizon + h * 0.02)}" width="${round(w * 0.3)}" height="${round(h * 0.008)}" fill="${fill}"/>`;
  }
  const sand = mood.name === 'night' ? '#2a2630' : mix('#d8c29a', mood.skyBottom, 0.2);
  out += `<path d="M0 ${round(h * 0.86)} C${round(w * 0.3)} ${round(h * 0.8)} ${round(w * 0.6)} ${round(h * 0.92)} ${w} ${round(h * 0.84)} L${w} ${h} L0 ${h}Z" fill="${sand}"/>`;
  out += `<path d="M0 ${round(h * 0.86)} C${round(w * 0.3)} ${round(h * 0.8)} ${round(w * 0.6)} ${round(h * 0.92)} ${w} ${round(h * 0.84)}" stroke="#ffffff" stroke-width="3" fill="none" stroke-opacity="0.5"/>`;
  return out;
}

export function ship(c: Canvas, x: number, waterline: number, length: number): string {
  const fill = mix(c.mood.near, c.mood.haze, 0.3);
  const hull = length * 0.09;
  return (
    `<path d="M${round(x)} ${round(waterline - hull)} L${round(x + length)} ${round(waterline - hull)} L${round(x + length * 0.95)} ${round(waterline)} L${round(x + length * 0.04)} ${round(waterline)}Z" fill="${fill}"/>` +
    `<rect x="${round(x + length * 0.75)}" y="${round(waterline - hull * 2.6)}" width="${round(length * 0.12)}" height="${round(hull * 1.6)}" fill="${fill}"/>` +
    `<rect x="${round(x + length * 0.12)}" y="${round(waterline - hull * 1.7)}" width="${round(length * 0.55)}" height="${round(hull * 0.7)}" fill="${mix(fill, '#8a4b3a', 0.35)}"/>`
  );
}

export function desert(c: Canvas, description: string): string {
  const { width: w, height: h, rng, mood } = c;
  const horizon = h * rng.range(0.52, 0.6);
  let out = sky(c, horizon + h * 0.05) + sun(c, w * rng.range(0.2, 0.8), h * rng.range(0.1, 0.25), h * 0.03) + clouds(c, horizon * 0.5, 2);
  const sand = mood.name === 'night' ? '#3a3140' : mood.name === 'dusk' ? '#c88a5e' : '#dcb483';
  out += ridge(c, horizon, h * 0.025, 0.45, mix(sand, mood.haze, 0.55), 32);
  out += haze(c, horizon, h * 0.06, 0.7);
  if (/pylon|power/.test(description)) out += pylons(c, horizon);
  const layers = 4;
  for (let i = 0; i < layers; i++) {
    const t = (i + 1) / layers;
    const base = horizon + (h - horizon) * t * 0.8;
    const color = mix(mix(sand, mood.haze, 0.45), mix(sand, '#7a4f2a', 0.25), t);
    out += ridge(c, base, h * 0.05 * (1 + t), 0.35, color, 16);
  }
  if (/stake|survey/.test(description)) {
    const vx = w * rng.range(0.4, 0.6);
    for (let i = 0; i < 16; i++) {
      const t = Math.pow(i / 16, 1.6);
      const x = w * 0.2 + (vx - w * 0.2) * t;
      const y = h * 0.98 - (h * 0.98 - horizon - 4) * t;
      const size = h * 0.12 * (1 - t) + 3;
      out += `<rect x="${round(x)}" y="${round(y - size)}" width="${round(size * 0.06 + 1)}" height="${round(size)}" fill="#6b4a2e"/>`;
      out += `<rect x="${round(x)}" y="${round(y - size)}" width="${round(size * 0.06 + 1)}" height="${round(size * 0.15)}" fill="#e2672c"/>`;
    }
  }
  return out;
}

function pylons(c: Canvas, horizon: number): string {
  const { width: w, height: h, mood } = c;
  const color = mix(mood.near, mood.haze, 0.45);
  let out = `<g stroke="${color}" fill="none" stroke-width="1.6">`;
  const tops: [number, number][] = [];
  for (let i = 0; i < 6; i++) {
    const x = w * (0.05 + i * 0.19);
    const tall = h * 0.09;
    tops.push([x, horizon - tall]);
    out += `<path d="M${round(x - 10)} ${round(horizon)} L${round(x)} ${round(horizon - tall)} L${round(x + 10)} ${round(horizon)} M${round(x - 14)} ${round(horizon - tall * 0.8)} L${round(x + 14)} ${round(horizon - tall * 0.8)}"/>`;
  }
  for (let i = 0; i + 1 < tops.length; i++) {
    const [x0, y0] = tops[i] ?? [0, 0];
    const [x1, y1] = tops[i + 1] ?? [0, 0];
    out += `<path d="M${round(x0)} ${round(y0 + 6)} Q${round((x0 + x1) / 2)} ${round(y0 + 26)} ${round(x1)} ${round(y1 + 6)}" stroke-width="0.9"/>`;
  }
  return `${out}</g>`;
}

export function field(c: Canvas, description: string): string {
  const { width: w, height: h, rng, mood } = c;
  const horizon = h * rng.range(0.46, 0.56);
  const isDry = /dry|cracked|scrub|goat|well|palm/.test(description);
  let out = sky(c, horizon + 4) + sun(c, w * rng.range(0.15, 0.85), h * rng.range(0.1, 0.28), h * 0.03) + clouds(c, horizon * 0.7, 5);
  out += ridge(c, horizon - h * 0.02, h * 0.04, 0.5, mix(mood.far, mood.skyBottom, 0.4), 32);
  out += haze(c, horizon, h * 0.06, 0.6);
  const ground = isDry ? mix('#c9a878', mood.haze, 0.15) : mix('#6f8a3f', mood.near, mood.name === 'day' ? 0.2 : 0.5);
  const id = `${c.id}-ground`;
  out += `<defs><linearGradient id="${id}" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="${mix(ground, mood.haze, 0.45)}"/><stop offset="1" stop-color="${mix(ground, '#000000', 0.25)}"/></linearGradient></defs>`;
  out += `<rect y="${round(horizon)}" width="${w}" height="${round(h - horizon)}" fill="url(#${id})"/>`;
  const vx = w * rng.range(0.35, 0.65);
  out += `<g stroke="${mix(ground, '#000000', 0.3)}" stroke-width="2" stroke-opacity="0.35">`;
  for (let i = -12; i <= 12; i++) out += `<line x1="${round(vx)}" y1="${round(horizon)}" x2="${round(vx + i * w * 0.12)}" y2="${h}"/>`;
  out += '</g>';
  if (/palm/.test(description)) out += treeRows(c, horizon, vx, 'palm');
  else if (/goat|well|scrub/.test(description)) out += scrubAndWell(c, horizon);
  else out += treeRows(c, horizon, vx, 'round');
  if (/wall/.test(description)) {
    out += `<path d="M0 ${round(h * 0.9)} L${w} ${round(h * 0.86)} L${w} ${round(h * 0.92)} L0 ${round(h * 0.96)}Z" fill="${mix('#9b9184', mood.near, 0.3)}"/>`;
  }
  return out;
}

function treeRows(c: Canvas, horizon: number, vx: number, kind: 'palm' | 'round'): string {
  const { width: w, height: h, rng, mood } = c;
  const leaf = kind === 'palm' ? mix('#4f6b34', mood.near, 0.35) : mix('#3f6a2c', mood.near, 0.4);
  let out = '';
  for (const side of [-1, 1]) {
    const x0 = vx + side * w * rng.range(0.3, 0.55);
    for (let k = 14; k >= 0; k--) {
      const t = Math.pow(k / 14, 0.75);
      const x = x0 + (vx - x0) * t;
      const y = h * 1.02 - (h * 1.02 - horizon) * t;
      const size = h * 0.22 * (1 - t) + 4;
      const shade = mix(leaf, mood.haze, t * 0.6);
      if (kind === 'palm') {
        out += `<path d="M${round(x)} ${round(y)} q${round(size * 0.1)} ${round(-size * 0.5)} 0 ${round(-size)}" stroke="${mix('#5b4632', mood.haze, t * 0.6)}" stroke-width="${round(size * 0.06 + 1)}" fill="none"/>`;
        for (let f = 0; f < 7; f++) {
          const angle = (f / 7) * Math.PI * 2;
          out += `<path d="M${round(x)} ${round(y - size)} q${round(Math.cos(angle) * size * 0.3)} ${round(-size * 0.15)} ${round(Math.cos(angle) * size * 0.5)} ${round(Math.abs(Math.sin(angle)) * size * 0.25)}" stroke="${shade}" stroke-width="${round(size * 0.05 + 1)}" fill="none"/>`;
        }
      } else {
        out += `<rect x="${round(x - size * 0.04)}" y="${round(y - size * 0.45)}" width="${round(size * 0.08 + 1)}" height="${round(size * 0.45)}" fill="${mix('#4a3a2a', mood.haze, t * 0.6)}"/>`;
        out += `<ellipse cx="${round(x)}" cy="${round(y - size * 0.6)}" rx="${round(size * 0.38)}" ry="${round(size * 0.3)}" fill="${shade}"/>`;
      }
    }
  }
  return out;
}

function scrubAndWell(c: Canvas, horizon: number): string {
  const { width: w, height: h, rng, mood } = c;
  let out = '';
  for (let i = 0; i < 60; i++) {
    const t = rng.next();
    const y = horizon + (h - horizon) * t;
    out += `<ellipse cx="${round(rng.range(0, w))}" cy="${round(y)}" rx="${round(4 + t * 18)}" ry="${round(2 + t * 7)}" fill="${mix('#6b6b3a', mood.haze, 0.5 - t * 0.4)}"/>`;
  }
  const wx = w * rng.range(0.55, 0.75);
  const wy = h * 0.78;
  out += `<ellipse cx="${round(wx)}" cy="${round(wy)}" rx="${round(w * 0.06)}" ry="${round(h * 0.025)}" fill="#8c7b64"/>`;
  out += `<rect x="${round(wx - w * 0.06)}" y="${round(wy - h * 0.05)}" width="${round(w * 0.12)}" height="${round(h * 0.05)}" fill="#a08d72"/>`;
  out += `<ellipse cx="${round(wx)}" cy="${round(wy - h * 0.05)}" rx="${round(w * 0.06)}" ry="${round(h * 0.02)}" fill="#5c4e3e"/>`;
  for (let i = 0; i < rng.int(4, 8); i++) {
    const gx = w * rng.range(0.1, 0.5);
    const gy = h * rng.range(0.7, 0.9);
    const s = h * 0.03;
    out += `<ellipse cx="${round(gx)}" cy="${round(gy - s)}" rx="${round(s * 1.1)}" ry="${round(s * 0.55)}" fill="#3b3026"/>`;
    out += `<circle cx="${round(gx + s)}" cy="${round(gy - s * 1.5)}" r="${round(s * 0.35)}" fill="#3b3026"/>`;
    out += `<path d="M${round(gx - s * 0.7)} ${round(gy - s)} v${round(s)} M${round(gx + s * 0.7)} ${round(gy - s)} v${round(s)}" stroke="#3b3026" stroke-width="2"/>`;
  }
  return out;
}
