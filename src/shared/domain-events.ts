/*
 * The domain events every feature emits after commit, in one neutral place so no feature
 * imports another for an event type. Subscribers (the page cache, related articles, later
 * search) are wired once, in createApp. Each event says what changed in the terms readers
 * see, so the page cache can drop exactly the pages that showed the old state.
 */

/**
 * An article changed (saved, published, scheduled, unpublished, withdrawn). It names every
 * list the article was or now is on — old and new, so a move invalidates both.
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
}

/** The "You may also like" lists of these articles were recomputed and differ. */
export interface RelatedListsChanged {
  type: 'related.changed';
  articleIds: string[];
}

/**
 * Comments of an article changed. Readers see only approved comments: `isThreadChanged`
 * when the thread on the article's page differs (a comment shown, hidden or edited while
 * shown); `isCountChanged` when the count its cards and lists print differs too. A comment
 * held for moderation or edited in the queue changes neither: no public page shows it.
 */
export interface CommentsChanged {
  type: 'comments.changed';
  articleId: string;
  isThreadChanged: boolean;
  isCountChanged: boolean;
  /** the comments written, moved or removed */
  commentIds: string[];
}

/** A standalone page changed; `isListingChanged` when its title, slug or status did (the footer lists pages). */
export interface PageChanged {
  type: 'page.changed';
  pageId: string;
  slug: string;
  isListingChanged: boolean;
}

/**
 * A topic's name, aliases, description or place changed. `isUrlChanged` when its path
 * moved (every URL below it moves); `isInNavigation` when it is (or was) a top-level topic,
 * which the navigation of every page names.
 */
export interface TopicChanged {
  type: 'topic.changed';
  topicId: string;
  isUrlChanged: boolean;
  isInNavigation: boolean;
  /** what a move (new parent or slug) or a deletion changed; absent for edits in place */
  move?: TopicMoved;
}

/** A topic moved (every URL in its subtree changed, its articles were refiled) or was deleted (its URL is gone). */
export interface TopicMoved {
  /** the topic and every topic below it: their pages, cards, breadcrumbs and feeds show the old paths */
  subtreeTopicIds: string[];
  /** the old and new parents, whose lists of subtopics changed (the same one for a new slug) */
  parentIds: string[];
  /** topic lists that gained or lost articles: old and new ancestors */
  refiledListIds: string[];
  /** articles whose entries on those lists moved */
  articleIds: string[];
}

/**
 * A tag was renamed, its slug (URL) changed (`isUrlChanged`), or it was merged into
 * another (`mergedIntoId`: its articles now carry that tag and are on its list; a merge
 * is a URL change too, and deleting a tag also says so).
 */
export interface TagChanged {
  type: 'tag.changed';
  tagId: string;
  isUrlChanged?: boolean;
  mergedIntoId?: string;
}

/**
 * What readers see of a person changed. `isBylineChanged` when their name or slug did:
 * bylines everywhere show those; the bio and avatar are only on their own page.
 */
export interface AuthorChanged {
  type: 'author.changed';
  userId: string;
  isBylineChanged: boolean;
}

/** An account changed in what only staff see (role, email, password, deactivation). */
export interface AccountChanged {
  type: 'account.changed';
  userId: string;
}

/** Site settings changed: title, description, navigation… shown on every page. */
export interface SettingsChanged {
  type: 'settings.changed';
}

/** A redirect from this path was added, changed or removed. */
export interface RedirectChanged {
  type: 'redirect.changed';
  fromPath: string;
}

/**
 * What the library says about an image (alt text, caption, credit) changed. Bodies keep
 * the words they were saved with; what reads the library itself follows: the featured
 * image of these articles (their pages and cards), these users' avatars, the site logo.
 */
export interface MediaChanged {
  type: 'media.changed';
  mediaId: string;
  articleIds: string[];
  userIds: string[];
  isSiteLogo: boolean;
}

export type DomainEvent =
  | ArticleChanged
  | RelatedListsChanged
  | CommentsChanged
  | PageChanged
  | TopicChanged
  | TagChanged
  | AuthorChanged
  | AccountChanged
  | SettingsChanged
  | RedirectChanged
  | MediaChanged;
