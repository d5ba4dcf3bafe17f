/**
 * Renders every public view with fixture data into /tmp/dossier-preview/*.html, serves
 * them with the theme (/assets/ → public/) and placeholder media (/media/, drawn with
 * sharp), then screenshots each page with Debian's Chromium at phone and desktop sizes,
 * light and dark, and runs axe-core on each. Run: npx tsx scripts/preview-views.tsx
 * Options: --no-shots (HTML only), --only=article,home (some pages).
 */
import { AssetStore } from '../src/http/static-assets.js';
import fs from 'node:fs/promises';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import sharp from 'sharp';
import { LONG_TOLVANE } from '../src/demo/long-tolvane.js';
import type { MediaImage } from '../src/media/index.js';
import * as F from '../src/site/views/fixtures/index.js';
import {
  ArchiveIndexView,
  ArchiveMonthView,
  ArticleView,
  AuthorView,
  ErrorView,
  GoneView,
  HomeView,
  NotFoundView,
  StaticPageView,
  TagView,
  TopicView,
} from '../src/site/views/index.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const OUT = '/tmp/dossier-preview';
const SHOTS = path.join(OUT, 'shots');
const TILES = path.join(SHOTS, 'tiles');
const MEDIA = path.join(OUT, 'media');
const args = process.argv.slice(2);
const only = args.find((a) => a.startsWith('--only='))?.slice(7).split(',');
const takeShots = !args.includes('--no-shots');

// ---- the long read: the demo's handwritten essay, with figures, quotes and a table ----

const SECTION_IMAGES = [F.IMAGES.checkpoint, F.IMAGES.valley, F.IMAGES.port];
const QUOTES = [
  ['The levy pays the teachers. Without it the schools close, and then you will write about that instead.', 'A movement official in Meskel'],
  ['Whose documents count is the whole question. Everything else is procedure.', 'A land lawyer in Marenth'],
  ['Nobody here wants the old war back. Some people want the old checkpoints back, which is not the same thing.', 'A teacher in Sarn'],
];

function fill(text: string): string {
  return text.replaceAll('{elapsed}', 'three years').replaceAll('{began}', 'the spring of 2023');
}

function figureHtml(image: MediaImage): string {
  return `<figure><img src="${image.url}" alt="${image.alt}"><figcaption>${image.caption} <small class="credit">${image.credit}</small></figcaption></figure>`;
}

export function longBody(): string {
  let figures = 0;
  let quotes = 0;
  const parts = LONG_TOLVANE.intro.map((p) => `<p>${fill(p)}</p>`);
  for (const section of LONG_TOLVANE.sections) {
    parts.push(`<h2>${section.heading}</h2>`, ...section.paragraphs.map((p) => `<p>${fill(p)}</p>`));
    for (const extra of section.extras ?? []) {
      if (extra === 'figure') parts.push(figureHtml(SECTION_IMAGES[figures++ % SECTION_IMAGES.length]!));
      if (extra === 'quote') {
        const [text, who] = QUOTES[quotes++ % QUOTES.length]!;
        parts.push(`<blockquote><p>${text}</p><cite>${who}</cite></blockquote>`);
      }
      if (extra === 'pull') {
        parts.push('<blockquote class="pull-quote"><p>A government that benefits from quiet has little reason to take the political risk of concessions.</p><cite>Tobias Wren</cite></blockquote>');
      }
      if (extra === 'list') {
        parts.push('<ul><li>Security of property: a title, or at least a receipt.</li><li>Working schools, in the language their children speak at home.</li><li>Jobs that do not depend on a checkpoint.</li></ul>');
        parts.push(
          `<figure class="gallery">${figureHtml(F.IMAGES.school)}${figureHtml(F.IMAGES.returnees)}</figure>`,
        );
      }
    }
    for (const sub of section.subsections ?? []) {
      parts.push(`<h3>${sub.heading}</h3>`, ...sub.paragraphs.map((p) => `<p>${fill(p)}</p>`));
    }
  }
  parts.push(
    '<h2>Key dates</h2>',
    '<div class="html-block"><table><caption>From the Long Winter to the truce</caption><thead><tr><th scope="col">When</th><th scope="col">What happened</th></tr></thead><tbody>' +
      '<tr><td>1998</td><td>The Long Winter: the army occupies the valley towns and closes the dialect schools.</td></tr>' +
      '<tr><td>1999</td><td>The Tolvane Liberation Front takes up arms.</td></tr>' +
      '<tr><td>2019</td><td>The war proper begins after the Meskel market bombing.</td></tr>' +
      '<tr><td>2023</td><td>The Belcastro truce is signed under Basin Council auspices.</td></tr>' +
      '</tbody></table></div>',
    '<p>Read the Basin Council’s own summary of the talks:</p>',
    '<figure class="link-card"><a href="https://basin-council.example/belcastro"><strong>The Belcastro process: documents and communiqués</strong> <span>Every text the parties have signed since the truce, with the Council’s notes.</span> <small>basin-council.example</small></a></figure>',
  );
  return parts.join('\n');
}

// ---- the pages ----

// The real theme, inlined as the site inlines it.
const chrome = F.fixtureChrome({
  assets: { inlineStyle: AssetStore.load(path.resolve(import.meta.dirname, '../public')).inlineStyle('site.css').css, fonts: F.fixtureChrome().assets.fonts, commentsScript: F.fixtureChrome().assets.commentsScript, searchScript: F.fixtureChrome().assets.searchScript },
});
type Render = () => unknown;
const PAGES: Record<string, Render> = {
  home: () => <HomeView chrome={chrome} page={F.homePage()} />,
  topic: () => <TopicView chrome={chrome} page={F.topicPage(2)} />,
  tag: () => <TagView chrome={chrome} page={F.tagPage()} />,
  author: () => <AuthorView chrome={chrome} page={F.authorPage()} />,
  'archive-month': () => <ArchiveMonthView chrome={chrome} page={F.archiveMonthPage()} />,
  'archive-index': () => <ArchiveIndexView chrome={chrome} page={F.archiveIndexPage()} />,
  article: () => <ArticleView chrome={chrome} page={F.articlePage({ rawBody: longBody() })} />,
  'article-short': () => (
    <ArticleView
      chrome={chrome}
      page={{
        ...F.articlePage({
          rawBody: '<p>Food prices fell in February for the first time in two years, the statistics office said on Monday.</p><p>Economists warned that the respite depends on a currency that is still falling.</p>',
          title: 'Inflation eases in Kaldora for the first time in two years',
          dek: '',
          image: null,
          source: null,
          tagline: ['Inflation', 'Budget'],
          trail: [F.T.issues, F.T.economy],
          topics: [F.T.economy],
          tags: [F.tag('Inflation')],
        }),
        comments: { count: 0, roots: [] },
      }}
    />
  ),
  about: () => <StaticPageView chrome={chrome} page={F.staticPage()} />,
  'not-found': () => <NotFoundView chrome={chrome} />,
  gone: () => <GoneView chrome={chrome} title="Ministry confirms talks with the Harbour Brigades" />,
  'error-500': () => <ErrorView chrome={chrome} status={500} message="The page could not be built just now. Please try again in a minute." />,
  'error-400': () => <ErrorView chrome={chrome} status={400} message="The page number in the address is not a number we can use." />,
};

async function renderAll(names: string[]): Promise<void> {
  await fs.mkdir(OUT, { recursive: true });
  for (const name of names) {
    const element = PAGES[name]!() as { toString(): string | Promise<string> };
    await fs.writeFile(path.join(OUT, `${name}.html`), '<!doctype html>' + (await element.toString()));
  }
}

// ---- placeholder media: a landscape drawn per image, hue from its id ----

function hueOf(id: string): number {
  let h = 0;
  for (const ch of id) h = (h * 31 + ch.charCodeAt(0)) % 360;
  return h;
}

function sceneSvg(image: MediaImage): string {
  const { width: w, height: h } = image;
  const hue = hueOf(image.id);
  if (image.id.startsWith('avatar')) {
    return `<svg xmlns="http://www.w3.org/2000/svg" width="${w}" height="${h}"><rect width="100%" height="100%" fill="hsl(${hue},35%,72%)"/><circle cx="${w / 2}" cy="${h * 0.4}" r="${w * 0.18}" fill="hsl(${hue},25%,35%)"/><ellipse cx="${w / 2}" cy="${h * 1.02}" rx="${w * 0.36}" ry="${h * 0.36}" fill="hsl(${hue},25%,35%)"/></svg>`;
  }
  const ridge = (base: number, amp: number, phase: number) => {
    const pts = Array.from({ length: 9 }, (_, i) => {
      const x = (i / 8) * w;
      const y = h * (base + amp * Math.sin(i * 1.3 + phase) + (amp / 2) * Math.cos(i * 2.1 + phase * 2));
      return `${x.toFixed(0)},${y.toFixed(0)}`;
    });
    return `M0,${h} L${pts.join(' L')} L${w},${h} Z`;
  };
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${w}" height="${h}">
<defs><linearGradient id="s" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="hsl(${hue},40%,62%)"/><stop offset="1" stop-color="hsl(${(hue + 35) % 360},55%,86%)"/></linearGradient></defs>
<rect width="100%" height="100%" fill="url(#s)"/>
<circle cx="${w * 0.7}" cy="${h * 0.32}" r="${h * 0.09}" fill="hsl(42,95%,88%)" opacity="0.9"/>
<path d="${ridge(0.58, 0.06, hue)}" fill="hsl(${(hue + 10) % 360},22%,52%)"/>
<path d="${ridge(0.7, 0.05, hue + 1)}" fill="hsl(${(hue + 20) % 360},28%,36%)"/>
<path d="${ridge(0.83, 0.04, hue + 2)}" fill="hsl(${(hue + 30) % 360},32%,20%)"/>
</svg>`;
}

async function drawMedia(): Promise<void> {
  await fs.mkdir(MEDIA, { recursive: true });
  for (const image of F.allFixtureImages()) {
    const master = await sharp(Buffer.from(sceneSvg(image))).png().toBuffer();
    for (const v of image.variants) {
      const resized = sharp(master).resize(v.width, v.height);
      const buffer = v.format === 'webp' ? await resized.webp({ quality: 70 }).toBuffer() : await resized.jpeg({ quality: 75 }).toBuffer();
      await fs.writeFile(path.join(MEDIA, v.file), buffer);
    }
  }
}

// ---- a tiny static server ----

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.woff2': 'font/woff2',
  '.jpg': 'image/jpeg',
  '.webp': 'image/webp',
};

function serve(): Promise<http.Server> {
  const server = http.createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://preview');
    const p = decodeURIComponent(url.pathname);
    const file = p.startsWith('/assets/')
      ? path.join(ROOT, 'public', p.slice(8))
      : p.startsWith('/media/')
        ? path.join(MEDIA, p.slice(7))
        : path.join(OUT, p === '/' ? 'home.html' : p);
    const safe = [path.join(ROOT, 'public'), MEDIA, OUT].some((dir) => file.startsWith(dir + path.sep));
    try {
      if (!safe) throw new Error('outside');
      const body = await fs.readFile(file);
      res.writeHead(200, { 'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream' });
      res.end(body);
    } catch {
      res.writeHead(404, { 'content-type': 'text/plain' });
      res.end('not found');
    }
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

// ---- screenshots and checks ----

const VIEWPORTS = { phone: { width: 390, height: 844 }, desktop: { width: 1366, height: 900 } } as const;
const SCHEMES = ['light', 'dark'] as const;
const TILE_HEIGHT = { phone: 1400, desktop: 1500 };

async function tile(file: string, name: string, tileHeight: number): Promise<void> {
  const { height = 0 } = await sharp(file).metadata();
  const { width = 0 } = await sharp(file).metadata();
  for (let top = 0, i = 1; top < height; top += tileHeight, i++) {
    const h = Math.min(tileHeight, height - top);
    await sharp(file).extract({ left: 0, top, width, height: h }).toFile(path.join(TILES, `${name}-${i}.png`));
  }
}

async function screenshots(base: string, names: string[]): Promise<void> {
  await fs.rm(SHOTS, { recursive: true, force: true });
  await fs.mkdir(TILES, { recursive: true });
  const axeSource = await fs.readFile(path.join(ROOT, 'node_modules/axe-core/axe.min.js'), 'utf8');
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
  try {
    for (const [device, viewport] of Object.entries(VIEWPORTS) as [keyof typeof VIEWPORTS, (typeof VIEWPORTS)[keyof typeof VIEWPORTS]][]) {
      for (const colorScheme of SCHEMES) {
        const context = await browser.newContext({ viewport, colorScheme, javaScriptEnabled: true });
        const page = await context.newPage();
        for (const name of names) {
          await page.goto(`${base}/${name}.html`, { waitUntil: 'networkidle' });
          // Scroll through once so lazy images load before the full-page screenshot.
          await page.evaluate(`(async () => {
            for (let y = 0; y < document.body.scrollHeight; y += innerHeight / 2) { scrollTo({ top: y, behavior: 'instant' }); await new Promise((r) => setTimeout(r, 40)); }
            scrollTo({ top: 0, behavior: 'instant' });
            await Promise.race([new Promise((r) => setTimeout(r, 5000)),
              Promise.all([...document.images].map((i) => i.complete || new Promise((r) => { i.onload = i.onerror = r; })))]);
            await document.fonts.ready;
          })()`);
          const file = path.join(SHOTS, `${name}-${device}-${colorScheme}.png`);
          await page.screenshot({ path: file, fullPage: true });
          await tile(file, `${name}-${device}-${colorScheme}`, TILE_HEIGHT[device]);
          const overflow = await page.evaluate<number>('document.documentElement.scrollWidth - window.innerWidth');
          if (overflow > 0) {
            const wide = await page.evaluate<string[]>(`[...document.querySelectorAll('body *')]
              .filter((e) => e.getBoundingClientRect().right > innerWidth + 1).slice(0, 5)
              .map((e) => e.tagName.toLowerCase() + '.' + e.className + ' → ' + Math.round(e.getBoundingClientRect().right) + 'px')`);
            console.log(`! ${name} ${device}: ${overflow}px horizontal overflow: ${wide.join(', ')}`);
          }
          if (name === 'article' && device === 'desktop' && colorScheme === 'light') {
            await page.emulateMedia({ media: 'print' });
            const printed = path.join(SHOTS, `${name}-print.png`);
            await page.screenshot({ path: printed, fullPage: true });
            await tile(printed, `${name}-print`, TILE_HEIGHT[device]);
            await page.emulateMedia({ media: 'screen' });
          }
          if (device === 'desktop' || name === 'article') {
            await page.addScriptTag({ content: axeSource });
            // A string, so this file needs no DOM types: axe's findings, one line each.
            const violations = await page.evaluate<string[]>(`axe.run().then((r) => r.violations.map((v) =>
              v.id + ' (' + v.impact + '): ' + v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')))`);
            for (const v of violations) console.log(`! axe ${name} ${device} ${colorScheme}: ${v}`);
          }
        }
        await context.close();
      }
    }
  } finally {
    await browser.close();
  }
}

async function main(): Promise<void> {
  const names = Object.keys(PAGES).filter((n) => !only || only.includes(n));
  await renderAll(names);
  await drawMedia();
  console.log(`rendered ${names.length} pages into ${OUT}`);
  if (!takeShots) return;
  const server = await serve();
  try {
    const { port } = server.address() as AddressInfo;
    await screenshots(`http://127.0.0.1:${port}`, names);
    console.log(`screenshots in ${SHOTS} (tiles in ${TILES})`);
  } finally {
    server.close();
  }
}

await main();
