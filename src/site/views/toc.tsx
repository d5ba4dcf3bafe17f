import type { TocEntry } from '../../content/body-html.js';

/** Long pieces get a table of contents: this many headings or more. */
export const TOC_MIN_ENTRIES = 4;

interface TocSection {
  entry: TocEntry;
  children: TocEntry[];
}

/** h3s nest under the h2 before them; an h3 before any h2 stands on its own. */
function sections(entries: TocEntry[]): TocSection[] {
  const out: TocSection[] = [];
  for (const entry of entries) {
    const last = out.at(-1);
    if (entry.level === 3 && last) last.children.push(entry);
    else out.push({ entry, children: [] });
  }
  return out;
}

/** Links to the body's heading anchors, shown for long pieces only. */
export function Toc({ entries }: { entries: TocEntry[] }) {
  if (entries.length < TOC_MIN_ENTRIES) return null;
  return (
    <nav class="toc" aria-labelledby="toc-title">
      <h2 id="toc-title" class="toc-title">
        Contents
      </h2>
      <ol>
        {sections(entries).map(({ entry, children }) => (
          <li>
            <a href={`#${entry.id}`}>{entry.text}</a>
            {children.length > 0 && (
              <ol>
                {children.map((child) => (
                  <li>
                    <a href={`#${child.id}`}>{child.text}</a>
                  </li>
                ))}
              </ol>
            )}
          </li>
        ))}
      </ol>
    </nav>
  );
}
