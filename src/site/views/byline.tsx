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

/**
 * Authors (linked to their pages), dates in the site's time zone, reading time. A syndicated
 * piece is credited here once: its original author, the outlet (linked to the original) and
 * the outlet's country; the site's own authors are named as the ones who republished it.
 */
export function Byline({ authors, publishedAt, updatedAt, readingMinutes, source, settings }: BylineProps) {
  const isUpdated = updatedAt.getTime() - publishedAt.getTime() > UPDATE_THRESHOLD_MS;
  const originalAuthor = source?.author.trim() ?? '';
  return (
    <div class="byline">
      {source ? (
        <p class="byline-authors byline-syndicated">
          {originalAuthor ? <>By {originalAuthor} · </> : authors.length > 0 && <>By <AuthorLinks authors={authors} /> · </>}
          <span class="byline-source">
            first published by <a href={source.url}>{source.outlet}</a>
            {source.country && `, ${source.country}`}
          </span>
        </p>
      ) : (
        authors.length > 0 && (
          <p class="byline-authors">
            By <AuthorLinks authors={authors} />
          </p>
        )
      )}
      <p class="byline-meta">
        <time datetime={isoDateTime(publishedAt)}>{formatDate(publishedAt, settings)}</time>
        {isUpdated && (
          <span>
            Updated{' '}
            <time datetime={isoDateTime(updatedAt)}>
              {isSameDay(publishedAt, updatedAt, settings) ? formatTime(updatedAt, settings) : formatDateTime(updatedAt, settings)}
            </time>
          </span>
        )}
        {source && originalAuthor && authors.length > 0 && (
          <span>
            Republished by <AuthorLinks authors={authors} />
          </span>
        )}
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
