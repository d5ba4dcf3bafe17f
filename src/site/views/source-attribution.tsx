import type { SourceAttribution as Source } from '../../content/article.js';

/** "Originally published by <Outlet> — <original author>, <country>", for syndicated pieces. */
export function SourceAttribution({ source }: { source: Source | null }) {
  if (!source) return null;
  const who = [source.author, source.country].filter(Boolean).join(', ');
  return (
    <aside class="source-attribution" aria-label="Original publication">
      <p>
        Originally published by <a href={source.url}>{source.outlet}</a>
        {who && ` — ${who}`}
      </p>
    </aside>
  );
}
