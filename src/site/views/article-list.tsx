import type { ArticleSummary } from '../../content/article.js';
import type { SiteSettings } from '../../settings/index.js';
import type { Page } from '../../shared/pagination.js';
import { CardList } from './article-card.js';
import { Pagination } from './pagination.js';

/** A list page's articles: cards with images, then the page links. */
export function ArticleList({
  articles,
  url,
  settings,
  showTopic = true,
  empty = 'Nothing has been published here yet.',
}: {
  articles: Page<ArticleSummary>;
  /** the list's own URL, page 1 */
  url: string;
  settings: SiteSettings;
  showTopic?: boolean;
  empty?: string;
}) {
  return (
    <section class="article-list" aria-labelledby="list-title">
      <h2 id="list-title" class="visually-hidden">
        Articles{articles.page > 1 ? `, page ${articles.page} of ${articles.pageCount}` : ''}
      </h2>
      {articles.items.length === 0 ? (
        <p class="empty">{empty}</p>
      ) : (
        <CardList articles={articles.items} settings={settings} variant="list" leadsPage showTopic={showTopic} />
      )}
      <Pagination url={url} page={articles.page} pageCount={articles.pageCount} />
    </section>
  );
}

/** "124 articles · page 2 of 7" under a list page's title. */
export function ListCount({ articles }: { articles: Page<ArticleSummary> }) {
  return (
    <p class="list-count">
      {articles.total === 1 ? '1 article' : `${articles.total.toLocaleString('en')} articles`}
      {articles.pageCount > 1 && ` · page ${articles.page} of ${articles.pageCount}`}
    </p>
  );
}
