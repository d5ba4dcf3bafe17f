import type { SitemapUrl } from './pages/index.js';

/** At most this many URLs per sitemap file (the protocol's limit is 50,000). */
export const SITEMAP_CHUNK_SIZE = 50_000;

const escapeXml = (s: string) => s.replace(/[<>&'"]/g, (ch) => `&${{ '<': 'lt', '>': 'gt', '&': 'amp', "'": 'apos', '"': 'quot' }[ch]};`);

export function renderSitemapIndex(siteUrl: string, files: { path: string; lastModified: Date | null }[]): string {
  const entries = files
    .map((f) => `<sitemap><loc>${escapeXml(siteUrl + f.path)}</loc>${f.lastModified ? `<lastmod>${f.lastModified.toISOString()}</lastmod>` : ''}</sitemap>`)
    .join('\n');
  return `<?xml version="1.0" encoding="UTF-8"?>\n<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${entries}\n</sitemapindex>\n`;
}

export function renderUrlSet(siteUrl: string, urls: SitemapUrl[]): string {
  const entries = urls
    .map((u) => `<url><loc>${escapeXml(siteUrl + u.path)}</loc>${u.lastModified ? `<lastmod>${u.lastModified.toISOString()}</lastmod>` : ''}</url>`)
    .join('\n');
  return `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${entries}\n</urlset>\n`;
}

export function renderRobots(siteUrl: string): string {
  return ['User-agent: *', 'Disallow: /admin/', 'Disallow: /preview/', 'Disallow: /api/', '', `Sitemap: ${siteUrl}/sitemap.xml`, ''].join('\n');
}
