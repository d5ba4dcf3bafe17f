/** Small DOM helpers for cleaning pasted HTML. */

export function unwrap(el: Element): void {
  el.replaceWith(...el.childNodes);
}

/** `font-weight:700; font-style:italic` → { "font-weight": "700", … }, read from the text (under CSP `el.style` stays empty). */
export function declarationsOf(style: string): Map<string, string> {
  const declarations = new Map<string, string>();
  for (const part of style.split(';')) {
    const colon = part.indexOf(':');
    if (colon > 0) declarations.set(part.slice(0, colon).trim().toLowerCase(), part.slice(colon + 1).trim().toLowerCase());
  }
  return declarations;
}
