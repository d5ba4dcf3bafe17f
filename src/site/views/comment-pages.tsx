import { type CommentPaging, commentPageUrl } from '../pages/comment-pages.js';

/**
 * The pages of a long comment thread: older and newer, and each page by number, at the end
 * of the thread. Nothing when the thread fits on one page. Page 1 is the article's own URL.
 */
export function CommentPages({ pages }: { pages: CommentPaging }) {
  if (pages.pageCount <= 1) return null;
  const url = (n: number) => `${commentPageUrl(pages.articleUrl, n)}#comments`;
  const numbers = Array.from({ length: pages.pageCount }, (_, i) => i + 1);
  return (
    <nav class="comment-pages" aria-label="Comment pages">
      <ul>
        {pages.page > 1 && (
          <li>
            <a href={url(pages.page - 1)} rel="prev">
              Older comments
            </a>
          </li>
        )}
        {numbers.map((n) => (
          <li>{n === pages.page ? <span aria-current="page">{n}</span> : <a href={url(n)}>{n}</a>}</li>
        ))}
        {pages.page < pages.pageCount && (
          <li>
            <a href={url(pages.page + 1)} rel="next">
              Newer comments
            </a>
          </li>
        )}
      </ul>
    </nav>
  );
}
