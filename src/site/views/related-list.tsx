import type { ArticleSummary } from '../../content/article.js';
import type { SiteSettings } from '../../settings/index.js';
import { CardList } from './article-card.js';

// Columns of .cards-related in site.css: one on phones (a thumbnail), two from 40rem, three from 56rem in a 60rem column.
const RELATED_SIZES = '(min-width: 56rem) 19rem, (min-width: 40rem) 46vw, 7rem';

/** "You may also like": the related articles, best first, each with image and title. */
export function RelatedList({ articles, settings }: { articles: ArticleSummary[]; settings: SiteSettings }) {
  if (articles.length === 0) return null;
  return (
    <section class="related" aria-labelledby="related-title">
      <h2 id="related-title" class="section-title">
        You may also like
      </h2>
      <CardList articles={articles.slice(0, 6)} settings={settings} variant="compact" sizes={RELATED_SIZES} class="cards cards-compact cards-related" />
    </section>
  );
}
