import type { ArticleSummary } from '../../content/index.js';
import type { ArticleChanged, ContentEvent } from '../../shared/domain-events.js';

/*
 * The vocabulary of page-cache tags. A cached page carries the tags of everything it shows;
 * a domain event maps to the tags of everything it changed. A page is dropped when the two
 * meet, so an edit touches exactly the pages that showed the old state.
 */
export const SITE_TAG = 'site'; // chrome: settings, navigation, pages in the footer — on every page
export const LATEST_TAG = 'list:latest'; // home, site feeds, sitemap, archive index
export const ARCHIVE_INDEX_TAG = 'archive-index';

export const articleTag = (id: string) => `article:${id}`;
export const listTag = (kind: 'topic' | 'tag' | 'author', id: string) => `list:${kind}:${id}`;
/** Archive pages are tagged by the UTC months they cover, so events need no time zone. */
export const archiveTag = (utcMonth: string) => `archive:${utcMonth}`;

/** The UTC months ("YYYY-MM") that an archive page's [from, to) range overlaps. */
export function archiveTagsForRange(from: string, to: string): string[] {
  const last = new Date(Date.parse(to) - 1).toISOString();
  return [...new Set([archiveTag(from.slice(0, 7)), archiveTag(last.slice(0, 7))])];
}
export const pageTag = (id: string) => `page:${id}`;

/** The tags of a page that shows these articles (cards, related lists, the article itself). */
export function tagsOfArticles(articles: readonly Pick<ArticleSummary, 'id'>[]): string[] {
  return articles.map((a) => articleTag(a.id));
}

export function tagsForEvent(event: ContentEvent): string[] {
  switch (event.type) {
    case 'article.changed':
      return tagsForArticleChange(event);
    case 'comments.changed':
      return [articleTag(event.articleId)];
    case 'page.changed':
    case 'site.structure-changed':
      return [SITE_TAG];
  }
}

function tagsForArticleChange(event: ArticleChanged): string[] {
  // Pages that show the article (its own, cards, related lists) carry its tag; the
  // articles whose related list changed must re-render their own page too.
  const tags = [articleTag(event.articleId), ...event.relatedListChangedIds.map(articleTag)];
  if (event.wasPublic || event.isPublic) {
    tags.push(
      LATEST_TAG,
      ARCHIVE_INDEX_TAG,
      ...event.topicIds.map((id) => listTag('topic', id)),
      ...event.tagIds.map((id) => listTag('tag', id)),
      ...event.authorIds.map((id) => listTag('author', id)),
      ...event.publishedAts.map((iso) => archiveTag(iso.slice(0, 7))),
    );
  }
  return [...new Set(tags)];
}
