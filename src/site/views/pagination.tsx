import { pageUrl } from '../meta/urls.js';

/** Page numbers to show: the first, the last, and two either side of the current one. */
export function pageNumbers(page: number, pageCount: number): (number | null)[] {
  const wanted = new Set([1, pageCount, page - 2, page - 1, page, page + 1, page + 2]);
  const numbers = [...wanted].filter((n) => n >= 1 && n <= pageCount).sort((a, b) => a - b);
  const out: (number | null)[] = [];
  for (const n of numbers) {
    const last = out.at(-1);
    if (typeof last === 'number' && n - last === 2) out.push(n - 1);
    else if (typeof last === 'number' && n - last > 2) out.push(null);
    out.push(n);
  }
  return out;
}

/**
 * Newer and older pages of a list, newest first; `?page=N` on the list's own URL. Pages
 * whose address has more in it (search) say how to spell page N with `href`, and name the
 * steps for their order with `steps`.
 */
export function Pagination({
  url,
  page,
  pageCount,
  href = (n) => pageUrl(url, n),
  steps = { previous: 'Newer', next: 'Older' },
}: {
  url: string;
  page: number;
  pageCount: number;
  href?: (page: number) => string;
  steps?: { previous: string; next: string };
}) {
  if (pageCount <= 1) return null;
  return (
    <nav class="pagination" aria-label="Pages">
      {page > 1 ? (
        <a class="pagination-step" href={href(page - 1)} rel="prev">
          <span aria-hidden="true">← </span>
          {steps.previous}
        </a>
      ) : (
        <span class="pagination-step" aria-hidden="true" />
      )}
      <ol class="pagination-pages">
        {pageNumbers(page, pageCount).map((n) =>
          n === null ? (
            <li class="pagination-gap" aria-hidden="true">
              …
            </li>
          ) : n === page ? (
            <li>
              <span class="pagination-current" aria-current="page">
                {n}
              </span>
            </li>
          ) : (
            <li>
              <a href={href(n)} aria-label={`Page ${n}`}>
                {n}
              </a>
            </li>
          ),
        )}
      </ol>
      {page < pageCount ? (
        <a class="pagination-step pagination-older" href={href(page + 1)} rel="next">
          {steps.next}
          <span aria-hidden="true"> →</span>
        </a>
      ) : (
        <span class="pagination-step" aria-hidden="true" />
      )}
    </nav>
  );
}
