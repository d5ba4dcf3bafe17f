import {
  ARCHIVE_INDEX_TAG,
  archiveTagsForRange,
  articleTag,
  authorTag,
  type CardShown,
  commentsTag,
  commentTag,
  LATEST_COMMENTS_TAG,
  LATEST_TAG,
  listTag,
  pageTag,
  profileTag,
  relatedTag,
  subtopicsTag,
  tagsOfArticles,
  tagTag,
  topicTag,
} from './cache-tags.js';

/*
 * The page-tag builders: from what a page shows to the tags it is cached under. They take
 * the shapes of the read model's pages structurally (ids are all they need), so the cache
 * knows no view and no loader. Every page also carries `site` and its own path, added where
 * it is cached.
 */
type Ref = { id: string };
type Cards = { items: readonly CardShown[] };

export function homePageTags(page: { lead: CardShown | null; latest: readonly CardShown[]; sections: readonly { topic: Ref; articles: readonly CardShown[] }[] }): string[] {
  const cards = [...(page.lead ? [page.lead] : []), ...page.latest, ...page.sections.flatMap((s) => s.articles)];
  return unique([LATEST_TAG, ...page.sections.map((s) => topicTag(s.topic.id)), ...tagsOfArticles(cards)]);
}

export function topicPageTags(page: { topic: Ref; trail: readonly Ref[]; subtopics: readonly Ref[]; articles: Cards }): string[] {
  return unique([
    listTag('topic', page.topic.id),
    subtopicsTag(page.topic.id),
    ...[page.topic, ...page.trail, ...page.subtopics].map((t) => topicTag(t.id)),
    ...tagsOfArticles(page.articles.items),
  ]);
}

export function tagPageTags(page: { tag: Ref; articles: Cards }): string[] {
  return unique([listTag('tag', page.tag.id), tagTag(page.tag.id), ...tagsOfArticles(page.articles.items)]);
}

export function authorPageTags(page: { author: Ref; articles: Cards }): string[] {
  return unique([listTag('author', page.author.id), authorTag(page.author.id), profileTag(page.author.id), ...tagsOfArticles(page.articles.items)]);
}

export function articlePageTags(page: {
  article: CardShown & { trail: readonly Ref[]; topics: readonly Ref[]; tags: readonly Ref[] };
  related: readonly CardShown[];
}): string[] {
  const { article } = page;
  return unique([
    articleTag(article.id),
    relatedTag(article.id),
    commentsTag(article.id),
    ...[...article.trail, ...article.topics].map((t) => topicTag(t.id)),
    ...article.tags.map((t) => tagTag(t.id)),
    ...article.authors.map((a) => authorTag(a.id)),
    ...tagsOfArticles(page.related, { authors: false }),
  ]);
}

/** A month's archive: the months it covers (in UTC) and its cards. */
export function archiveMonthTags(range: { from: string; to: string }, page: { articles: Cards }): string[] {
  return unique([...archiveTagsForRange(range.from, range.to), ...tagsOfArticles(page.articles.items)]);
}

export function archiveIndexTags(): string[] {
  return [ARCHIVE_INDEX_TAG];
}

/** A feed follows the whole site or one list, whose name is in its title. */
export function feedTags(feed: { list: { kind: 'topic' | 'tag' | 'author'; id: string } | null; entries: readonly CardShown[] }): string[] {
  const { list } = feed;
  const follows = list ? [listTag(list.kind, list.id), nameTag(list.kind, list.id)] : [LATEST_TAG];
  return unique([...follows, ...tagsOfArticles(feed.entries)]);
}

/**
 * An article's comment feed shows its comments and its title and URL (whose path is its
 * primary topic's); the site's comment feed shows each of its comments and their articles'
 * titles and URLs, and follows the set of comments readers see.
 */
export function commentFeedTags(feed: {
  article: { id: string; primaryTopicId: string } | null;
  entries: readonly { id: string; article: { id: string; primaryTopicId: string } }[];
}): string[] {
  if (feed.article) return [articleTag(feed.article.id), commentsTag(feed.article.id), topicTag(feed.article.primaryTopicId)];
  return unique([
    LATEST_COMMENTS_TAG,
    ...feed.entries.flatMap((e) => [commentTag(e.id), articleTag(e.article.id), topicTag(e.article.primaryTopicId)]),
  ]);
}

/** Sitemaps list every public URL: any publish, move or withdrawal changes them. */
export function sitemapTags(): string[] {
  return [LATEST_TAG];
}

export function staticPageTags(page: Ref): string[] {
  return [pageTag(page.id)];
}

function nameTag(kind: 'topic' | 'tag' | 'author', id: string): string {
  return kind === 'topic' ? topicTag(id) : kind === 'tag' ? tagTag(id) : authorTag(id);
}

function unique(tags: string[]): string[] {
  return [...new Set(tags)];
}
