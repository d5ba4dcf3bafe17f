/** Built scenes: city skylines, a harbour, a parliament and crowds. */
import { ship } from './image-scenes-land.js';
import { type Canvas, clouds, haze, mix, ridge, round, sky, sun, water } from './image-svg.js';

interface SkylineStyle {
  minHeight: number;
  maxHeight: number;
  color: string;
  hasWindows: boolean;
  roofs: 'flat' | 'pitched' | 'mixed';
  domeChance: number;
}

function skyline(c: Canvas, baseY: number, style: SkylineStyle): string {
  const { width: w, rng, mood } = c;
  const isLit = mood.name === 'dusk' || mood.name === 'night' || mood.name === 'dawn';
  let out = `<g fill="${style.color}">`;
  let windows = '';
  for (let x = -rng.range(0, 40); x < w; ) {
    const bw = rng.range(0.025, 0.07) * w;
    const tower = rng.chance(0.07);
    const bh = rng.range(style.minHeight, style.maxHeight) * (tower ? 1.6 : 1);
    const width = tower ? bw * 0.45 : bw;
    const top = baseY - bh;
    out += `<rect x="${round(x)}" y="${round(top)}" width="${round(width + 1)}" height="${round(bh + 2)}"/>`;
    const pitched = style.roofs === 'pitched' || (style.roofs === 'mixed' && rng.chance(0.35));
    if (pitched && !tower) out += `<path d="M${round(x)} ${round(top)} L${round(x + width / 2)} ${round(top - width * 0.45)} L${round(x + width)} ${round(top)}Z"/>`;
    else if (!tower && rng.chance(style.domeChance)) {
      out += `<ellipse cx="${round(x + width / 2)}" cy="${round(top)}" rx="${round(width * 0.35)}" ry="${round(width * 0.32)}"/>`;
      out += `<rect x="${round(x + width / 2 - 1)}" y="${round(top - width * 0.5)}" width="2" height="${round(width * 0.2)}"/>`;
    }
    if (tower) out += `<path d="M${round(x)} ${round(top)} L${round(x + width / 2)} ${round(top - width * 1.2)} L${round(x + width)} ${round(top)}Z"/>`;
    if (style.hasWindows && width > 14) {
      const cell = Math.max(7, width / 7);
      for (let wy = top + cell; wy < baseY - cell; wy += cell * 1.3) {
        for (let wx = x + cell * 0.6; wx < x + width - cell * 0.8; wx += cell) {
          const on = isLit ? rng.chance(0.45) : rng.chance(0.25);
          if (on) windows += `<rect x="${round(wx)}" y="${round(wy)}" width="${round(cell * 0.45)}" height="${round(cell * 0.6)}" fill-opacity="${round(rng.range(0.35, 0.9))}"/>`;
        }
      }
    }
    x += width + rng.range(0, 6);
  }
  out += '</g>';
  const windowColor = isLit ? mood.lit : mix(style.color, '#ffffff', 0.18);
  return windows ? `${out}<g fill="${windowColor}">${windows}</g>` : out;
}

export function city(c: Canvas, description: string): string {
  const { width: w, height: h, rng, mood } = c;
  const hasWater = /river|waterfront|harbour|bridge/.test(description);
  const isSmallTown = /town|roofs|oasis/.test(description);
  const horizon = h * (hasWater ? 0.6 : 0.7);
  let out = sky(c, horizon) + sun(c, w * rng.range(0.1, 0.9), h * rng.range(0.12, 0.32), h * 0.03) + clouds(c, horizon * 0.6, 5);
  if (isSmallTown && /slope|forest|mountain/.test(description)) out += ridge(c, horizon - h * 0.2, h * 0.1, 0.55, mix(mood.far, '#2f4a2a', 0.3));
  const roofs = /steep|roofs/.test(description) ? 'pitched' : /flat/.test(description) ? 'flat' : 'mixed';
  const scale = isSmallTown ? 0.45 : 1;
  const farColor = mix(mood.far, mood.skyBottom, 0.5);
  const midColor = mix(mood.far, mood.near, 0.5);
  out += skyline(c, horizon, { minHeight: h * 0.08 * scale, maxHeight: h * 0.3 * scale, color: farColor, hasWindows: false, roofs, domeChance: 0.1 });
  out += haze(c, horizon, h * 0.12, 0.55);
  if (hasWater) {
    out += skyline(c, horizon + 2, { minHeight: h * 0.05 * scale, maxHeight: h * 0.2 * scale, color: midColor, hasWindows: true, roofs, domeChance: 0.12 });
    out += water(c, horizon + 2, w * 0.5);
    if (/bridge/.test(description) || rng.chance(0.4)) out += bridge(c, horizon + h * 0.07, mood.near, mix(mood.water, mood.skyBottom, 0.3));
  } else {
    const midBase = horizon + (h - horizon) * 0.45;
    out += `<rect y="${round(horizon)}" width="${w}" height="${round(h - horizon)}" fill="${mix(farColor, midColor, 0.5)}"/>`;
    out += skyline(c, midBase, { minHeight: h * 0.1 * scale, maxHeight: h * 0.28 * scale, color: midColor, hasWindows: true, roofs, domeChance: 0.12 });
    out += `<rect y="${round(midBase)}" width="${w}" height="${round(h - midBase)}" fill="${midColor}"/>`;
    out += haze(c, midBase, h * 0.08, 0.3);
    out += skyline(c, h * 1.02, { minHeight: h * 0.14 * scale, maxHeight: h * 0.32 * scale, color: mix(mood.near, '#000000', 0.1), hasWindows: true, roofs, domeChance: 0.08 });
  }
  if (/palm/.test(description)) {
    for (let i = 0; i < 5; i++) {
      const x = w * rng.range(0.05, 0.95);
      const y = h * rng.range(0.85, 1);
      const s = h * rng.range(0.2, 0.3);
      out += `<path d="M${round(x)} ${round(y)} q${round(s * 0.1)} ${round(-s * 0.5)} 0 ${round(-s)}" stroke="${mood.near}" stroke-width="${round(s * 0.05)}" fill="none"/>`;
      for (let f = 0; f < 7; f++) {
        const a = (f / 7) * Math.PI * 2;
        out += `<path d="M${round(x)} ${round(y - s)} q${round(Math.cos(a) * s * 0.3)} ${round(-s * 0.15)} ${round(Math.cos(a) * s * 0.5)} ${round(Math.abs(Math.sin(a)) * s * 0.25)}" stroke="${mood.near}" stroke-width="${round(s * 0.04)}" fill="none"/>`;
      }
    }
  }
  return out;
}

/** A stone bridge across the picture: a deck over arches, the water showing through them. */
function bridge(c: Canvas, deckY: number, stone: string, through: string): string {
  const { width: w, height: h } = c;
  const depth = h * 0.075;
  let out = `<rect y="${round(deckY)}" width="${w}" height="${round(depth)}" fill="${stone}"/>`;
  const arches = 7;
  for (let i = 0; i < arches; i++) {
    const x = (i + 0.5) * (w / arches);
    const half = (w / arches) * 0.38;
    out += `<path d="M${round(x - half)} ${round(deckY + depth)} A${round(half)} ${round(depth * 0.75)} 0 0 1 ${round(x + half)} ${round(deckY + depth)}Z" fill="${through}"/>`;
  }
  return out + `<rect y="${round(deckY - h * 0.008)}" width="${w}" height="${round(h * 0.008)}" fill="${mix(stone, '#ffffff', 0.15)}"/>`;
}

export function harbour(c: Canvas, description: string): string {
  const { width: w, height: h, rng, mood } = c;
  const horizon = h * 0.5;
  const quay = h * 0.74;
  let out = sky(c, horizon) + sun(c, w * rng.range(0.2, 0.8), h * rng.range(0.15, 0.35), h * 0.03) + clouds(c, horizon * 0.7, 4);
  out += skyline(c, horizon, { minHeight: h * 0.02, maxHeight: h * 0.08, color: mix(mood.far, mood.skyBottom, 0.45), hasWindows: false, roofs: 'flat', domeChance: 0 });
  out += water(c, horizon, w * 0.5);
  out += haze(c, horizon, h * 0.05, 0.5);
  if (/tanker|ship|hull/.test(description)) out += ship(c, w * rng.range(0.05, 0.35), quay - h * 0.005, w * rng.range(0.45, 0.6));
  const concrete = mix('#8d8a84', mood.near, 0.35);
  out += `<rect y="${round(quay)}" width="${w}" height="${round(h - quay)}" fill="${concrete}"/>`;
  out += `<rect y="${round(quay)}" width="${w}" height="${round(h * 0.012)}" fill="${mix(concrete, '#ffffff', 0.25)}"/>`;
  const boxColors = ['#9c3b2e', '#2f5d8a', '#3f7a4c', '#c07a2c', '#7b7f86', '#b5452f', '#2d6f77'];
  for (const [rowY, size] of [[quay + h * 0.06, h * 0.05], [quay + h * 0.2, h * 0.075]] as const) {
    for (let x = rng.range(-20, 20); x < w; x += size * 2.6 + rng.range(0, size * 0.8)) {
      const stack = rng.int(1, 4);
      for (let k = 0; k < stack; k++) {
        const color = mix(rng.pick(boxColors), mood.near, mood.name === 'night' ? 0.6 : 0.25);
        out += `<rect x="${round(x)}" y="${round(rowY - (k + 1) * size)}" width="${round(size * 2.4)}" height="${round(size - 1)}" fill="${color}"/>`;
        out += `<rect x="${round(x)}" y="${round(rowY - (k + 1) * size)}" width="${round(size * 2.4)}" height="${round(size * 0.12)}" fill="#000" fill-opacity="0.18"/>`;
      }
    }
  }
  const craneColor = mix(rng.pick(['#b03a2e', '#2e5f8f', '#d9d4c6']), mood.near, 0.45);
  const cranes = rng.int(2, 4);
  for (let i = 0; i < cranes; i++) {
    const x = w * (0.12 + (i / cranes) * 0.8) + rng.range(-20, 20);
    const top = h * rng.range(0.12, 0.2);
    const span = w * 0.06;
    out += `<g stroke="${craneColor}" stroke-width="${round(h * 0.008)}" fill="none">`;
    out += `<path d="M${round(x - span)} ${round(quay)} L${round(x - span * 0.6)} ${round(top)} M${round(x + span)} ${round(quay)} L${round(x + span * 0.6)} ${round(top)}"/>`;
    out += `<path d="M${round(x - span * 0.85)} ${round(quay - (quay - top) * 0.45)} L${round(x + span * 0.85)} ${round(quay - (quay - top) * 0.45)}"/>`;
    out += `<path d="M${round(x - span * 1.3)} ${round(top)} L${round(x + span * 3.8)} ${round(top)}" stroke-width="${round(h * 0.012)}"/>`;
    out += `<path d="M${round(x)} ${round(top - h * 0.06)} L${round(x - span * 1.3)} ${round(top)} M${round(x)} ${round(top - h * 0.06)} L${round(x + span * 3.8)} ${round(top)}" stroke-width="${round(h * 0.003)}"/>`;
    out += '</g>';
    out += `<rect x="${round(x + span * rng.range(0.6, 2.6))}" y="${round(top + 2)}" width="${round(span * 0.4)}" height="${round(h * 0.025)}" fill="${craneColor}"/>`;
  }
  return out;
}

export function parliament(c: Canvas, description: string): string {
  const { width: w, height: h, rng, mood } = c;
  const ground = h * 0.74;
  let out = sky(c, ground) + sun(c, w * rng.range(0.1, 0.9), h * rng.range(0.1, 0.25), h * 0.03) + clouds(c, h * 0.4, 5);
  out += skyline(c, ground - h * 0.1, { minHeight: h * 0.05, maxHeight: h * 0.16, color: mix(mood.far, mood.skyBottom, 0.5), hasWindows: false, roofs: 'mixed', domeChance: 0.1 });
  const stone = mix('#e4dac6', mood.near, mood.name === 'night' ? 0.6 : mood.name === 'dusk' ? 0.35 : 0.12);
  const shadow = mix(stone, '#000000', 0.3);
  const left = w * rng.range(0.12, 0.2);
  const right = w - left;
  const roof = h * 0.42;
  out += `<rect x="${round(left)}" y="${round(roof)}" width="${round(right - left)}" height="${round(ground - roof)}" fill="${stone}"/>`;
  for (let y = roof + h * 0.05; y < ground - h * 0.08; y += h * 0.09) {
    for (let x = left + w * 0.02; x < right - w * 0.03; x += w * 0.035) {
      out += `<rect x="${round(x)}" y="${round(y)}" width="${round(w * 0.014)}" height="${round(h * 0.045)}" fill="${shadow}" fill-opacity="0.7"/>`;
    }
  }
  const porticoLeft = w * 0.5 - w * 0.16;
  const porticoRight = w * 0.5 + w * 0.16;
  const porticoTop = roof - h * 0.04;
  out += `<rect x="${round(porticoLeft)}" y="${round(porticoTop)}" width="${round(porticoRight - porticoLeft)}" height="${round(ground - porticoTop)}" fill="${shadow}"/>`;
  const columns = 8;
  for (let i = 0; i < columns; i++) {
    const x = porticoLeft + ((i + 0.5) / columns) * (porticoRight - porticoLeft);
    out += `<rect x="${round(x - w * 0.008)}" y="${round(porticoTop + h * 0.03)}" width="${round(w * 0.016)}" height="${round(ground - porticoTop - h * 0.06)}" fill="${mix(stone, '#ffffff', 0.15)}"/>`;
  }
  out += `<rect x="${round(porticoLeft - 6)}" y="${round(porticoTop)}" width="${round(porticoRight - porticoLeft + 12)}" height="${round(h * 0.03)}" fill="${stone}"/>`;
  out += `<path d="M${round(porticoLeft - 10)} ${round(porticoTop)} L${round(w * 0.5)} ${round(porticoTop - h * 0.08)} L${round(porticoRight + 10)} ${round(porticoTop)}Z" fill="${stone}"/>`;
  if (/dome/.test(description) || rng.chance(0.5)) {
    const drumTop = porticoTop - h * 0.16;
    out += `<rect x="${round(w * 0.5 - w * 0.07)}" y="${round(drumTop)}" width="${round(w * 0.14)}" height="${round(h * 0.09)}" fill="${stone}"/>`;
    out += `<path d="M${round(w * 0.5 - w * 0.08)} ${round(drumTop)} A${round(w * 0.08)} ${round(h * 0.12)} 0 0 1 ${round(w * 0.5 + w * 0.08)} ${round(drumTop)}Z" fill="${mix(stone, '#6f8f8a', 0.35)}"/>`;
    out += `<rect x="${round(w * 0.5 - 4)}" y="${round(drumTop - h * 0.15)}" width="8" height="${round(h * 0.04)}" fill="${shadow}"/>`;
  }
  if (/flag/.test(description) || rng.chance(0.6)) {
    const fx = rng.chance(0.5) ? left + w * 0.05 : right - w * 0.05;
    out += `<path d="M${round(fx)} ${round(roof)} V${round(roof - h * 0.14)}" stroke="${shadow}" stroke-width="3"/>`;
    out += `<path d="M${round(fx)} ${round(roof - h * 0.14)} h${round(w * 0.05)} v${round(h * 0.018)} h${round(-w * 0.05)}Z" fill="#2a5c8a"/><path d="M${round(fx)} ${round(roof - h * 0.122)} h${round(w * 0.05)} v${round(h * 0.018)} h${round(-w * 0.05)}Z" fill="#f0efe8"/>`;
  }
  for (let i = 0; i < 5; i++) {
    out += `<rect x="${round(porticoLeft - i * w * 0.012)}" y="${round(ground - h * 0.012 * (5 - i))}" width="${round(porticoRight - porticoLeft + i * w * 0.024)}" height="${round(h * 0.012)}" fill="${mix(stone, '#000000', 0.05 * i)}"/>`;
  }
  out += `<rect y="${round(ground)}" width="${w}" height="${round(h - ground)}" fill="${mix('#b9b2a4', mood.near, 0.35)}"/>`;
  out += `<g stroke="#000" stroke-opacity="0.12">`;
  for (let i = -10; i <= 10; i++) out += `<line x1="${round(w / 2 + i * w * 0.02)}" y1="${round(ground)}" x2="${round(w / 2 + i * w * 0.12)}" y2="${h}"/>`;
  out += '</g>';
  if (!/empty/.test(description)) out += people(c, ground + h * 0.06, h * 0.05, 8, mix(mood.near, '#000000', 0.2));
  return out;
}

/** Scattered standing figures, the size of a person at the given row. */
function people(c: Canvas, y: number, size: number, count: number, color: string): string {
  let out = `<g fill="${color}">`;
  for (let i = 0; i < count; i++) out += person(c.rng.range(0.05, 0.95) * c.width, y + c.rng.range(0, size * 2), size);
  return `${out}</g>`;
}

function person(x: number, feet: number, size: number): string {
  const head = size * 0.13;
  return (
    `<circle cx="${round(x)}" cy="${round(feet - size + head)}" r="${round(head)}"/>` +
    `<path d="M${round(x - size * 0.17)} ${round(feet)} L${round(x - size * 0.2)} ${round(feet - size * 0.7)} Q${round(x)} ${round(feet - size * 0.84)} ${round(x + size * 0.2)} ${round(feet - size * 0.7)} L${round(x + size * 0.17)} ${round(feet)}Z"/>`
  );
}

export function crowd(c: Canvas, description: string): string {
  const { width: w, height: h, rng, mood } = c;
  const horizon = h * 0.55;
  let out = sky(c, horizon + h * 0.1) + sun(c, w * rng.range(0.2, 0.8), h * rng.range(0.1, 0.3), h * 0.03) + clouds(c, horizon * 0.6, 4);
  out += skyline(c, horizon + h * 0.05, { minHeight: h * 0.1, maxHeight: h * 0.3, color: mix(mood.far, mood.near, 0.35), hasWindows: true, roofs: 'mixed', domeChance: 0.05 });
  out += `<rect y="${round(horizon + h * 0.05)}" width="${w}" height="${round(h)}" fill="${mix('#8b8478', mood.near, 0.5)}"/>`;
  if (/bridge/.test(description)) {
    out += `<path d="M0 ${round(horizon)} Q${round(w / 2)} ${round(horizon - h * 0.12)} ${w} ${round(horizon)}" stroke="${mood.near}" stroke-width="${round(h * 0.025)}" fill="none"/>`;
  }
  if (/truck/.test(description)) {
    const x = w * rng.range(0.55, 0.7);
    out += `<rect x="${round(x)}" y="${round(horizon - h * 0.02)}" width="${round(w * 0.28)}" height="${round(h * 0.13)}" rx="12" fill="${mix('#3f7a4c', mood.near, 0.3)}"/>`;
    out += `<rect x="${round(x + w * 0.28)}" y="${round(horizon + h * 0.03)}" width="${round(w * 0.08)}" height="${round(h * 0.08)}" fill="${mix('#3f7a4c', mood.near, 0.5)}"/>`;
  }
  const isQueue = /queue|line/.test(description);
  const hasBanners = /banner|flag|rally/.test(description) || rng.chance(0.3);
  const rows = isQueue ? 1 : 7;
  for (let r = 0; r < rows; r++) {
    const t = rows === 1 ? 1 : r / (rows - 1);
    const size = h * (0.12 + t * 0.42);
    const y = horizon + h * 0.1 + t * h * 0.5;
    const color = mix(mix(mood.near, mood.haze, 0.45), mix(mood.near, '#000000', 0.3), t);
    out += `<g fill="${color}">`;
    if (isQueue) {
      for (let i = 13; i >= 0; i--) {
        const k = i / 13;
        out += person(w * (0.18 + k * 0.5) + rng.range(-6, 6), h * (0.97 - k * 0.3), h * (0.36 - k * 0.24) * rng.range(0.9, 1.05));
      }
    } else {
      for (let x = rng.range(-size, 0); x < w + size; x += size * rng.range(0.32, 0.48)) out += person(x, y + rng.range(0, size * 0.12), size);
    }
    out += '</g>';
    if (hasBanners && r === 2) {
      for (let i = 0; i < rng.int(2, 4); i++) {
        const x = w * rng.range(0.05, 0.85);
        const color = mix(rng.pick(['#b8342c', '#e0c04a', '#2f6aa3', '#f2efe6']), mood.near, 0.3);
        out += `<path d="M${round(x)} ${round(y)} V${round(y - size * 1.4)} M${round(x + w * 0.12)} ${round(y)} V${round(y - size * 1.4)}" stroke="${color}" stroke-width="3"/>`;
        out += `<rect x="${round(x)}" y="${round(y - size * 1.4)}" width="${round(w * 0.12)}" height="${round(size * 0.45)}" fill="${color}"/>`;
      }
    }
  }
  return out + haze(c, horizon + h * 0.08, h * 0.08, 0.15);
}
