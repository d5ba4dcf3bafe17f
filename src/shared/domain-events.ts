/*
 * The domain events every feature emits after commit, in one neutral place so no feature
 * imports another for an event type. Subscribers (page cache, related articles, search)
 * are wired once, in createApp.
 */

/**
 * An article changed. Each names every list an article was or now is
 * on (old and new, so a move invalidates both), which is all a page cache needs.
 */
export interface ArticleChanged {
  type: 'article.changed';
  articleId: string;
  slug: string;
  /** whether readers could see it before and after the change */
  wasPublic: boolean;
  isPublic: boolean;
  /** topics it is (or was) filed under, with their ancestors */
  topicIds: string[];
  tagIds: string[];
  authorIds: string[];
  /** publish times before and after (when public), for date archives */
  publishedAts: string[];
  /** articles whose "You may also like" list changed with this write */
  relatedListChangedIds: string[];
}

/** Comments of an article changed: its thread and its counts on lists. */
export interface CommentsChanged {
  type: 'comments.changed';
  articleId: string;
}

export interface PageChanged {
  type: 'page.changed';
  pageId: string;
  slug: string;
}


/** Topics, tags, authors or settings changed: names on many pages may have changed. */
export interface SiteStructureChanged {
  type: 'site.structure-changed';
}

export type ContentEvent = ArticleChanged | PageChanged | CommentsChanged | SiteStructureChanged;
