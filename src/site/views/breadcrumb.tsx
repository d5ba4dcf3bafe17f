import type { Link } from '../../taxonomy/index.js';

/**
 * "Home » Topic » Subtopic » Title". The last item is the page itself: shown, not linked.
 * The separators are drawn by the stylesheet, so screen readers hear a plain list.
 */
export function Breadcrumb({ trail, current }: { trail: Link[]; current?: string | undefined }) {
  const links = current === undefined ? trail.slice(0, -1) : trail;
  const here = current ?? trail.at(-1)?.name;
  return (
    <nav class="breadcrumb" aria-label="Breadcrumb">
      <ol>
        <li>
          <a href="/">Home</a>
        </li>
        {links.map((link) => (
          <li>
            <a href={link.url}>{link.name}</a>
          </li>
        ))}
        {here !== undefined && <li aria-current="page">{here}</li>}
      </ol>
    </nav>
  );
}
