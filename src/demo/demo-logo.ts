/**
 * The demo publication's logo mark, for the publisher in NewsArticle structured data: a
 * sextant's arc and index arm in the theme's red, drawn as SVG; the media variants rasterize it.
 */
export const DEMO_LOGO_SIZE = { width: 512, height: 512 } as const;

export function demoLogoSvg(): string {
  return `<svg xmlns="http://www.w3.org/2000/svg" width="512" height="512" viewBox="0 0 512 512">
  <rect width="512" height="512" fill="#fbfaf7"/>
  <g fill="none" stroke="#a3161c" stroke-linecap="round">
    <path d="M96 352 A192 192 0 0 1 416 352" stroke-width="28"/>
    <path d="M256 112 L256 352" stroke-width="22"/>
    <path d="M256 112 L150 330" stroke-width="18"/>
    <path d="M256 112 L362 330" stroke-width="18"/>
  </g>
  <circle cx="256" cy="112" r="30" fill="#a3161c"/>
  <path d="M120 400 H392" stroke="#1b1b1b" stroke-width="18" stroke-linecap="round"/>
</svg>`;
}
