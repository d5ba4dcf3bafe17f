import type { ArticleChanged, CommentsChanged, DomainEvent, TagChanged, TopicMoved } from '../../shared/domain-events.js';

/*
 * The vocabulary of page-cache tags. A cached page carries the tags of everything it shows;
 * a domain event maps to the tags of everything it changed. A page is dropped when the two
 * meet, so an edit touches exactly the pages that showed the old state.
 */
export const SITE_TAG = 'site'; // chrome: settings, navigation, pages in the footer — on every page
export const LATEST_TAG = 'list:latest'; // home, site feeds, sitemap, archive index
export const ARCHIVE_INDEX_TAG = 'archive-index';
/** The site's latest comments (/feed/comments/): which comments readers see, anywhere. */
export const LATEST_COMMENTS_TAG = 'list:comments';

/** The page shows this article: its own page, a card, a related entry, a feed item. */
export const articleTag = (id: string) => `article:${id}`;
/** The article's own page, which alone shows its "You may also like" list… */
export const relatedTag = (id: string) => `related:${id}`;
/** …and its comment thread with the count. */
export const commentsTag = (id: string) => `comments:${id}`;
/** The page shows this comment outside its article's own thread (the site's comment feed). */
export const commentTag = (id: string) => `comment:${id}`;
/** The page lists the articles of this topic, tag or author (membership and order). */
export const listTag = (kind: 'topic' | 'tag' | 'author', id: string) => `list:${kind}:${id}`;
/** The page shows this topic's, tag's or author's name (or more of it: aliases, bio). */
export const topicTag = (id: string) => `topic:${id}`;
/** The page lists this topic's subtopics (its own topic page). */
export const subtopicsTag = (id: string) => `subtopics:${id}`;
export const tagTag = (id: string) => `tag:${id}`;
export const authorTag = (id: string) => `author:${id}`;
/** The page shows a person's bio and avatar: their author page only. */
export const profileTag = (id: string) => `profile:${id}`;
export const pageTag = (id: string) => `page:${id}`;
/** The document at this path, whatever it is; a redirect from it must drop it. */
export const pathTag = (path: string) => `path:${path}`;
/** Archive pages are tagged by the UTC months they cover, so events need no time zone. */
export const archiveTag = (utcMonth: string) => `archive:${utcMonth}`;

/** The UTC months ("YYYY-MM") that an archive page's [from, to) range overlaps. */
export function archiveTagsForRange(from: string, to: string): string[] {
  const last = new Date(Date.parse(to) - 1).toISOString();
  return [...new Set([archiveTag(from.slice(0, 7)), archiveTag(last.slice(0, 7))])];
}

/** Everything a card names: the article, its primary topic, its authors. */
export interface CardShown {
  id: string;
  primaryTopic: { id: string };
  authors: readonly { id: string }[];
}

/**
 * The tags of a page that shows these articles as cards or feed items: each names its
 * article and primary topic, and its authors unless the card is the compact kind
 * (related lists), which leaves the byline out.
 */
export function tagsOfArticles(articles: readonly CardShown[], shows: { authors: boolean } = { authors: true }): string[] {
  return articles.flatMap((a) => [articleTag(a.id), topicTag(a.primaryTopic.id), ...(shows.authors ? a.authors.map((p) => authorTag(p.id)) : [])]);
}

/** The one map from what changed to which pages showed it. */
export function tagsForEvent(event: DomainEvent): string[] {
  switch (event.type) {
    case 'article.changed':
      return tagsForArticleChange(event);
    case 'related.changed':
      return event.articleIds.map(relatedTag);
    case 'comments.changed':
      return tagsForCommentsChange(event);
    case 'page.changed':
      return event.isListingChanged ? [pageTag(event.pageId), SITE_TAG] : [pageTag(event.pageId)];
    case 'topic.changed':
      // A URL changes only through a move (structure/), which says what moved.
      if (event.move) return tagsForTopicMove(event.move, event.isInNavigation);
      return event.isInNavigation ? [topicTag(event.topicId), SITE_TAG] : [topicTag(event.topicId)];
    case 'tag.changed':
      return tagsForTagChange(event);
    case 'author.changed':
      return [event.isBylineChanged ? authorTag(event.userId) : profileTag(event.userId)];
    case 'settings.changed':
      return [SITE_TAG];
    case 'redirect.changed':
      return [pathTag(event.fromPath)];
    case 'media.changed':
      return [...event.articleIds.map(articleTag), ...event.userIds.map(profileTag), ...(event.isSiteLogo ? [SITE_TAG] : [])];
    case 'account.changed':
      return [];
  }
}

/**
 * A topic moved: every page that names a topic of its subtree (its own pages and feeds,
 * breadcrumbs, cards whose URL holds its path), the parents' subtopic lists, the lists its
 * articles joined or left, and the sitemaps, which list every topic and article URL.
 */
function tagsForTopicMove(move: TopicMoved, isInNavigation: boolean): string[] {
  return [
    ...new Set([
      ...move.subtreeTopicIds.map(topicTag),
      ...move.parentIds.map(subtopicsTag),
      ...move.refiledListIds.map((id) => listTag('topic', id)),
      LATEST_TAG,
      ...(isInNavigation ? [SITE_TAG] : []),
    ]),
  ];
}

/** A tag's name is on its pages and on its articles' pages; its URL also in the sitemap; a merge fills the other tag's list. */
function tagsForTagChange(event: TagChanged): string[] {
  const tags = [tagTag(event.tagId)];
  // A merge is a URL change too (its page redirects now).
  if (event.isUrlChanged) tags.push(LATEST_TAG);
  if (event.mergedIntoId) tags.push(listTag('tag', event.mergedIntoId));
  return tags;
}

/**
 * A held comment (or one edited in the queue) changes no public page. A shown one changes
 * its article's thread and comment feeds, and wherever else it is shown (the site's comment
 * feed, by its id); when the set readers see grows or shrinks, the site's latest comments
 * may gain one too.
 */
function tagsForCommentsChange(event: CommentsChanged): string[] {
  if (!event.isThreadChanged && !event.isCountChanged) return [];
  return [commentsTag(event.articleId), ...event.commentIds.map(commentTag), ...(event.isCountChanged ? [LATEST_COMMENTS_TAG] : [])];
}

function tagsForArticleChange(event: ArticleChanged): string[] {
  const tags = [articleTag(event.articleId)];
  // An article that becomes public may bring its approved comments back into the site's comment feed.
  if (event.isPublic && !event.wasPublic) tags.push(LATEST_COMMENTS_TAG);
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
