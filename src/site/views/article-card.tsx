import type { ArticleSummary } from '../../content/article.js';
import type { SiteSettings } from '../../settings/index.js';
import { formatDate, isoDateTime } from './dates.js';
import { Picture } from './picture.js';

export type CardVariant = 'lead' | 'grid' | 'list' | 'compact';

// How wide each card's image is drawn, matching site.css.
const IMAGE_SIZES: Record<CardVariant, string> = {
  lead: '(min-width: 64rem) 44rem, (min-width: 48rem) 60vw, 100vw',
  grid: '(min-width: 64rem) 22rem, (min-width: 40rem) 45vw, 100vw',
  list: '(min-width: 48rem) 16rem, 7rem',
  compact: '(min-width: 40rem) 16rem, 7rem',
};

export interface ArticleCardProps {
  article: ArticleSummary;
  settings: SiteSettings;
  variant?: CardVariant;
  /** the card title's heading level, so headings stay in order on every page */
  level?: 2 | 3;
  /** the first image of the page: not lazy */
  isLead?: boolean;
  /** show the primary topic above the title (off on that topic's own page) */
  showTopic?: boolean;
  /** the image's `sizes`, where the list lays cards out unlike the variant's default */
  sizes?: string | undefined;
}

/**
 * A story on a list. The title's link covers the whole card (a stretched link), so the
 * card is one tab stop and one link for screen readers, with the topic link above it.
 */
export function ArticleCard({ article, settings, variant = 'grid', level = 3, isLead = false, showTopic = true, sizes }: ArticleCardProps) {
  const Heading = level === 2 ? 'h2' : 'h3';
  const summary = article.dek || article.excerpt;
  return (
    <article class={`card card-${variant}${article.image ? '' : ' card-no-image'}`}>
      {article.image && (
        <div class="card-media">
          <Picture image={article.image} sizes={sizes ?? IMAGE_SIZES[variant]} isLead={isLead} alt="" />
        </div>
      )}
      <div class="card-body">
        {showTopic && (
          <p class="kicker">
            <a href={article.primaryTopic.url}>{article.primaryTopic.name}</a>
          </p>
        )}
        <Heading class="card-title">
          <a href={article.url}>{article.title}</a>
        </Heading>
        {summary && variant !== 'compact' && <p class="card-summary">{summary}</p>}
        <p class="card-meta">
          {article.authors.length > 0 && variant !== 'compact' && (
            <span>{article.authors.map((a) => a.name).join(', ')}</span>
          )}
          <time datetime={isoDateTime(article.publishedAt)}>{formatDate(article.publishedAt, settings)}</time>
          {variant !== 'compact' && <span>{article.readingMinutes} min read</span>}
        </p>
      </div>
    </article>
  );
}

/** A list of cards as `<ul>`, the first one's image loaded at once when it leads the page. */
export function CardList({
  articles,
  settings,
  variant = 'grid',
  level = 3,
  leadsPage = false,
  showTopic = true,
  sizes,
  class: className,
}: {
  articles: ArticleSummary[];
  settings: SiteSettings;
  variant?: CardVariant;
  level?: 2 | 3;
  leadsPage?: boolean;
  showTopic?: boolean;
  sizes?: string;
  class?: string;
}) {
  const firstWithImage = articles.findIndex((a) => a.image);
  return (
    <ul class={className ?? `cards cards-${variant}`}>
      {articles.map((article, i) => (
        <li>
          <ArticleCard
            article={article}
            settings={settings}
            variant={variant}
            level={level}
            isLead={leadsPage && i === firstWithImage}
            showTopic={showTopic}
            sizes={sizes}
          />
        </li>
      ))}
    </ul>
  );
}
