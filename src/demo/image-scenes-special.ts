/** The two scenes that are not landscapes: a silhouetted portrait and a plain map. */
import { type Canvas, mix, profile, round } from './image-svg.js';

export function portrait(c: Canvas, description: string): string {
  const { width: w, height: h, rng, mood } = c;
  const warm = mood.name === 'dusk' || mood.name === 'dawn' || rng.chance(0.4);
  const top = warm ? '#6b4a3a' : '#3c4a5c';
  const bottom = warm ? '#2a1d1a' : '#1a2029';
  const id = c.id;
  const bokehColors = [mood.lit, '#f2d7a6', '#9fc2e0', '#e8a77a', '#ffffff'];
  let out =
    `<defs><linearGradient id="${id}-bg" x1="0" y1="0" x2="1" y2="1"><stop offset="0" stop-color="${top}"/><stop offset="1" stop-color="${bottom}"/></linearGradient>` +
    `<linearGradient id="${id}-win" x1="0" y1="0" x2="1" y2="0"><stop offset="0" stop-color="#fff" stop-opacity="0"/><stop offset="0.15" stop-color="${mix(mood.skyBottom, '#ffffff', 0.5)}" stop-opacity="0.9"/>` +
    `<stop offset="0.85" stop-color="${mix(mood.skyBottom, '#ffffff', 0.5)}" stop-opacity="0.9"/><stop offset="1" stop-color="#fff" stop-opacity="0"/></linearGradient>` +
    bokehColors.map((color, i) => `<radialGradient id="${id}-b${i}"><stop offset="0" stop-color="${color}" stop-opacity="0.55"/><stop offset="0.7" stop-color="${color}" stop-opacity="0.3"/><stop offset="1" stop-color="${color}" stop-opacity="0"/></radialGradient>`).join('') +
    `</defs><rect width="${w}" height="${h}" fill="url(#${id}-bg)"/>`;
  const windowOnLeft = rng.chance(0.5);
  const windowX = windowOnLeft ? w * 0.05 : w * 0.62;
  const light = /window|bright|sky/.test(description) || rng.chance(0.7);
  if (light) {
    out += `<rect x="${round(windowX)}" y="${round(h * 0.08)}" width="${round(w * 0.33)}" height="${round(h * 0.7)}" fill="url(#${id}-win)"/>`;
    out += `<rect x="${round(windowX + w * 0.16)}" y="${round(h * 0.08)}" width="${round(w * 0.014)}" height="${round(h * 0.7)}" fill="${bottom}" fill-opacity="0.6"/>`;
    out += `<rect x="${round(windowX)}" y="${round(h * 0.42)}" width="${round(w * 0.33)}" height="${round(h * 0.014)}" fill="${bottom}" fill-opacity="0.6"/>`;
  }
  for (let i = 0; i < 26; i++) {
    out += `<circle cx="${round(rng.range(0, w))}" cy="${round(rng.range(0, h * 0.8))}" r="${round(rng.range(h * 0.02, h * 0.08))}" fill="url(#${id}-b${rng.int(0, bokehColors.length - 1)})" fill-opacity="${round(rng.range(0.3, 0.8))}"/>`;
  }
  const cx = windowOnLeft ? w * rng.range(0.48, 0.62) : w * rng.range(0.32, 0.46);
  const headY = h * rng.range(0.34, 0.4);
  const headR = h * 0.13;
  const body = mix(bottom, '#000000', 0.55);
  const hasScarf = /headscarf|scarf/.test(description);
  out += `<g fill="${body}">`;
  const neckY = headY + headR * 1.3;
  out +=
    `<path d="M${round(cx - w * 0.26)} ${h} L${round(cx - w * 0.25)} ${round(h * 0.8)} C${round(cx - w * 0.245)} ${round(h * 0.68)} ${round(cx - w * 0.15)} ${round(h * 0.64)} ${round(cx - headR * 0.55)} ${round(neckY)} ` +
    `L${round(cx + headR * 0.55)} ${round(neckY)} C${round(cx + w * 0.15)} ${round(h * 0.64)} ${round(cx + w * 0.245)} ${round(h * 0.68)} ${round(cx + w * 0.25)} ${round(h * 0.8)} L${round(cx + w * 0.26)} ${h}Z"/>`;
  out += `<rect x="${round(cx - headR * 0.42)}" y="${round(headY + headR * 0.6)}" width="${round(headR * 0.84)}" height="${round(headR * 0.8)}"/>`;
  out += `<ellipse cx="${round(cx)}" cy="${round(headY)}" rx="${round(headR * 0.82)}" ry="${round(headR)}"/>`;
  if (hasScarf) out += `<path d="M${round(cx - headR)} ${round(headY + headR * 1.4)} Q${round(cx - headR * 1.15)} ${round(headY - headR * 1.3)} ${round(cx)} ${round(headY - headR * 1.15)} Q${round(cx + headR * 1.15)} ${round(headY - headR * 1.3)} ${round(cx + headR)} ${round(headY + headR * 1.4)}Z"/>`;
  out += '</g>';
  const rimSide = windowOnLeft ? -1 : 1;
  out += `<ellipse cx="${round(cx + rimSide * headR * 0.08)}" cy="${round(headY)}" rx="${round(headR * 0.82)}" ry="${round(headR)}" fill="none" stroke="${mix(mood.lit, '#ffffff', 0.3)}" stroke-width="${round(h * 0.005)}" stroke-opacity="0.35" stroke-dasharray="${round(headR * 2.6)} ${round(headR * 10)}" stroke-dashoffset="${round(windowOnLeft ? headR * 3.2 : 0)}"/>`;
  if (/microphone/.test(description)) {
    out += `<path d="M${round(cx + rimSide * -headR * 1.6)} ${h} L${round(cx + rimSide * -headR * 1.2)} ${round(headY + headR * 1.1)}" stroke="#111" stroke-width="${round(h * 0.01)}"/>`;
    out += `<ellipse cx="${round(cx + rimSide * -headR * 1.15)}" cy="${round(headY + headR * 1.0)}" rx="${round(h * 0.018)}" ry="${round(h * 0.028)}" fill="#111"/>`;
  }
  return out;
}

const LAND = '#ebe5d3';
const SEA = '#a9c7d8';

/** A blob around a centre with a noisy radius, as a closed path. */
function blob(c: Canvas, cx: number, cy: number, rx: number, ry: number, roughness: number): string {
  const n = 64;
  const noise = profile(c.rng, n, roughness);
  let d = '';
  for (let i = 0; i < n; i++) {
    const a = (i / n) * Math.PI * 2;
    const k = 1 + (noise[i] ?? 0) * 0.22;
    d += `${i === 0 ? 'M' : 'L'}${round(cx + Math.cos(a) * rx * k)} ${round(cy + Math.sin(a) * ry * k)} `;
  }
  return `${d}Z`;
}

/** A wandering line across the picture, for borders, rivers and routes: smoothed through midpoints. */
function wander(c: Canvas, from: [number, number], to: [number, number], jitter: number, steps = 8): string {
  const points: [number, number][] = [];
  for (let i = 0; i <= steps; i++) {
    const t = i / steps;
    const inner = i > 0 && i < steps;
    points.push([
      from[0] + (to[0] - from[0]) * t + (inner ? c.rng.range(-jitter, jitter) : 0),
      from[1] + (to[1] - from[1]) * t + (inner ? c.rng.range(-jitter, jitter) : 0),
    ]);
  }
  let d = `M${round(from[0])} ${round(from[1])} `;
  for (let i = 1; i < points.length - 1; i++) {
    const [x, y] = points[i] ?? from;
    const [nx, ny] = points[i + 1] ?? to;
    d += `Q${round(x)} ${round(y)} ${round((x + nx) / 2)} ${round((y + ny) / 2)} `;
  }
  return `${d}L${round(to[0])} ${round(to[1])}`;
}

export function map(c: Canvas, description: string): string {
  const { width: w, height: h, rng } = c;
  let out = `<rect width="${w}" height="${h}" fill="${LAND}"/>`;
  out += `<g stroke="#8fa9b5" stroke-width="1" stroke-opacity="0.25">`;
  for (let x = w / 8; x < w; x += w / 8) out += `<line x1="${round(x)}" y1="0" x2="${round(x)}" y2="${h}"/>`;
  for (let y = h / 6; y < h; y += h / 6) out += `<line x1="0" y1="${round(y)}" x2="${w}" y2="${round(y)}"/>`;
  out += '</g>';
  const tints = ['#e3dcc4', '#efe6cf', '#dfe2c8', '#e8dcc8'];
  for (let i = 0; i < 4; i++) out += `<path d="${blob(c, rng.range(0.1, 0.9) * w, rng.range(0.1, 0.9) * h, w * rng.range(0.15, 0.3), h * rng.range(0.2, 0.35), 0.6)}" fill="${rng.pick(tints)}"/>`;
  if (/mountain|pass|tunnel/.test(description)) {
    out += `<g stroke="#9b8a6e" stroke-width="2" fill="none">`;
    for (let i = 0; i < 70; i++) {
      const x = rng.range(0.2, 0.8) * w;
      const y = rng.range(0.25, 0.65) * h;
      const s = rng.range(8, 16);
      out += `<path d="M${round(x - s)} ${round(y + s * 0.6)} L${round(x)} ${round(y - s * 0.4)} L${round(x + s)} ${round(y + s * 0.6)}"/>`;
    }
    out += '</g>';
  }
  out += `<g stroke="#8a7d66" stroke-width="2.2" stroke-dasharray="10 6" fill="none">`;
  for (let i = 0; i < rng.int(3, 5); i++) {
    out += `<path d="${rng.chance(0.5) ? wander(c, [rng.range(0, 1) * w, 0], [rng.range(0, 1) * w, h], w * 0.04) : wander(c, [0, rng.range(0, 1) * h], [w, rng.range(0, 1) * h], h * 0.05)}"/>`;
  }
  out += '</g>';
  out += `<g stroke="#6f9fbd" stroke-width="3" fill="none">`;
  for (let i = 0; i < rng.int(2, 3); i++) out += `<path d="${wander(c, [rng.range(0.1, 0.9) * w, rng.range(0, 0.2) * h], [rng.range(0.2, 0.8) * w, rng.range(0.6, 1) * h], w * 0.05)}"/>`;
  out += '</g>';
  const seaAtEdge = /coast|desert country|pipeline/.test(description);
  if (/route|line|pipeline|tunnel|track|river/.test(description)) {
    const route = wander(c, [w * rng.range(0.3, 0.7), h * 0.95], [w * rng.range(0.3, 0.7), h * (seaAtEdge ? 0.3 : 0.1)], w * 0.05);
    out += `<path d="${route}" stroke="#ffffff" stroke-width="9" fill="none" stroke-linejoin="round"/>`;
    out += `<path d="${route}" stroke="#c2412d" stroke-width="5" fill="none" stroke-linejoin="round"${/ceasefire|upper/.test(description) ? ' stroke-dasharray="14 8"' : ''}/>`;
  }
  const sea = seaAtEdge ? blob(c, w * 0.5, -h * 0.15, w * 0.75, h * 0.4, 0.55) : blob(c, w * rng.range(0.4, 0.6), h * rng.range(0.55, 0.7), w * 0.28, h * 0.22, 0.55);
  out += `<path d="${sea}" fill="${SEA}" stroke="#7fa4b8" stroke-width="2"/>`;
  if (/highlight|cluster|aquifer|zone|valley/.test(description)) {
    out += `<path d="${blob(c, w * rng.range(0.3, 0.7), h * rng.range(0.3, 0.6), w * 0.12, h * 0.12, 0.5)}" fill="#c2412d" fill-opacity="0.18" stroke="#c2412d" stroke-width="2" stroke-dasharray="6 4"/>`;
  }
  for (let i = 0; i < rng.int(5, 9); i++) {
    const x = rng.range(0.08, 0.92) * w;
    const y = rng.range(0.08, 0.92) * h;
    out += i === 0
      ? `<rect x="${round(x - 7)}" y="${round(y - 7)}" width="14" height="14" fill="#2f2a24" stroke="#fff" stroke-width="3"/>`
      : `<circle cx="${round(x)}" cy="${round(y)}" r="6" fill="#2f2a24" stroke="#fff" stroke-width="3"/>`;
  }
  const bar = w * 0.12;
  out += `<g transform="translate(${round(w * 0.05)} ${round(h * 0.92)})"><rect width="${round(bar)}" height="8" fill="#2f2a24"/><rect width="${round(bar / 2)}" height="8" fill="#fff" stroke="#2f2a24" stroke-width="1.5"/></g>`;
  out += `<path d="M${round(w * 0.94)} ${round(h * 0.06)} l12 34 l-12 -9 l-12 9Z" fill="#2f2a24"/>`;
  out += `<rect x="4" y="4" width="${w - 8}" height="${h - 8}" fill="none" stroke="#6d6456" stroke-width="3"/>`;
  return out;
}
