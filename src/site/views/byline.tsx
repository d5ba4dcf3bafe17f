import type { AuthorLink, SourceAttribution } from '../../content/article.js';
import type { SiteSettings } from '../../settings/index.js';
import { formatDate, formatDateTime, formatTime, isoDateTime, isSameDay } from './dates.js';

// Edits within this time of publishing are corrections in passing, not an update.
const UPDATE_THRESHOLD_MS = 60 * 60 * 1000;

export interface BylineProps {
  authors: AuthorLink[];
  publishedAt: Date;
  updatedAt: Date;
  readingMinutes: number;
  source: SourceAttribution | null;
  settings: SiteSettings;
}

/** Authors (linked to their pages), dates in the site's time zone, reading time. */
export function Byline({ authors, publishedAt, updatedAt, readingMinutes, source, settings }: BylineProps) {
  const isUpdated = updatedAt.getTime() - publishedAt.getTime() > UPDATE_THRESHOLD_MS;
  return (
    <div class="byline">
      {authors.length > 0 && (
        <p class="byline-authors">
          By <AuthorLinks authors={authors} />
          {source && (
            <>
              {' '}
              <span class="byline-source">
                · first published by <a href={source.url}>{source.outlet}</a>
              </span>
            </>
          )}
        </p>
      )}
      <p class="byline-meta">
        <time datetime={isoDateTime(publishedAt)}>{formatDate(publishedAt, settings)}</time>
        {isUpdated && (
          <>
            <span class="sep" aria-hidden="true">
              ·
            </span>
            <span>
              Updated{' '}
              <time datetime={isoDateTime(updatedAt)}>
                {isSameDay(publishedAt, updatedAt, settings)
                  ? formatTime(updatedAt, settings)
                  : formatDateTime(updatedAt, settings)}
              </time>
            </span>
          </>
        )}
        <span class="sep" aria-hidden="true">
          ·
        </span>
        <span>{readingMinutes} min read</span>
      </p>
    </div>
  );
}

/** "A", "A and B", "A, B and C", each a link to the author's page. */
export function AuthorLinks({ authors }: { authors: AuthorLink[] }) {
  return (
    <>
      {authors.map((author, i) => (
        <>
          {i > 0 && (i === authors.length - 1 ? ' and ' : ', ')}
          <a href={author.url} rel="author">
            {author.name}
          </a>
        </>
      ))}
    </>
  );
}
