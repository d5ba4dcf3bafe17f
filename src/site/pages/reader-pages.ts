/**
 * What each public page shows, as plain typed values: the page loaders return these and
 * the site's views render them. Nothing here knows about HTTP or HTML.
 */
import type { CommentThread } from '../../comments/index.js';
import type { MediaImage } from '../../media/index.js';
import type { Page } from '../../shared/pagination.js';
import type { Tag, TopicKind, TopicLink } from '../../taxonomy/index.js';
import type { ArticleDetail, ArticleSummary } from '../../content/article.js';
import type { CommentPaging } from './comment-pages.js';

export interface HomeSection {
  topic: TopicLink & { description: string };
  articles: ArticleSummary[];
}

export interface HomePage {
  lead: ArticleSummary | null;
  latest: ArticleSummary[];
  /** one per top-level topic that has articles */
  sections: HomeSection[];
}

export interface TopicPage {
  topic: TopicLink & { id: string; description: string; aliases: string[]; kind: TopicKind; path: string };
  /** ancestors, root first, then the topic itself */
  trail: TopicLink[];
  subtopics: TopicLink[];
  articles: Page<ArticleSummary>;
}

export interface TagPage {
  tag: Tag & { url: string };
  articles: Page<ArticleSummary>;
}

export interface AuthorProfile {
  id: string;
  name: string;
  slug: string;
  url: string;
  bio: string;
  avatar: MediaImage | null;
}

export interface AuthorPage {
  author: AuthorProfile;
  articles: Page<ArticleSummary>;
}

export interface ArchiveMonthNav {
  year: number;
  month: number; // 1–12
  url: string;
}

export interface ArchiveMonthLink extends ArchiveMonthNav {
  count: number;
}

export interface ArchiveMonthPage {
  year: number;
  month: number;
  url: string;
  articles: Page<ArticleSummary>;
  newer: ArchiveMonthNav | null;
  older: ArchiveMonthNav | null;
}

export interface ArchiveIndexPage {
  months: ArchiveMonthLink[];
}

export interface ArticlePage {
  article: ArticleDetail;
  /** "You may also like", best first, 3–6 when the site has enough */
  related: ArticleSummary[];
  /** the threads of this page of comments (the count is the article's whole count) */
  comments: CommentThread;
  commentPages: CommentPaging;
  commenting: Commenting;
}

/** Whether the page offers the comment form, and until when. */
export interface Commenting {
  /** published, its own switch on, and the site's "close after N days" not yet passed */
  isOpen: boolean;
  /** when the open form closes by the clock (publication + N days); null when it never does or is closed */
  closesAt: Date | null;
}

export interface StaticPage {
  slug: string;
  url: string;
  title: string;
  /** sanitized when saved */
  body: string;
  updatedAt: Date;
}
