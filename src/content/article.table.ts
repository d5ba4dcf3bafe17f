import type { Generated, Insertable, Selectable, Updateable } from 'kysely';

export interface ArticlesTable {
  id: string;
  slug: string;
  title: string;
  dek: Generated<string>;
  body: string;
  excerpt: Generated<string>;
  toc: Generated<string>; // JSON: TocEntry[]
  word_count: Generated<number>;
  status: string; // ArticleStatus
  published_at: string | null;
  created_at: string;
  updated_at: string;
  primary_topic_id: string;
  featured_media_id: string | null;
  is_featured: Generated<number>;
  source_outlet: string | null;
  source_author: string | null;
  source_country: string | null;
  source_url: string | null;
  source_is_canonical: Generated<number>;
  seo_title: Generated<string>;
  seo_description: Generated<string>;
  comments_open: Generated<number>;
  comment_count: Generated<number>;
  /** counts applied saves and autosaves: a save must name the version it was made from */
  version: Generated<number>;
  /** who made the current version, and when (null for rows older than versions) */
  edited_by: string | null;
  edited_at: string | null;
  /** set while the article is in the trash (status 'trashed') */
  deleted_at: string | null;
  status_before_trash: string | null;
  /** the secret of its preview URL; null when it has none */
  preview_token: string | null;
}
export type ArticleRow = Selectable<ArticlesTable>;
export type NewArticleRow = Insertable<ArticlesTable>;
export type ArticleRowUpdate = Updateable<ArticlesTable>;

export interface ArticleAuthorsTable {
  article_id: string;
  user_id: string;
  position: number;
}

export interface ArticleTopicsTable {
  article_id: string;
  topic_id: string;
}

export interface ArticleTagsTable {
  article_id: string;
  tag_id: string;
  position: Generated<number>;
}

export interface ArticleListingsTable {
  list_kind: 'topic' | 'tag' | 'author';
  list_id: string;
  article_id: string;
  published_at: string;
}

export interface ListCountsTable {
  list_kind: 'topic' | 'tag' | 'author';
  list_id: string;
  count: number;
}

export interface ArticleRevisionsTable {
  id: string;
  article_id: string;
  user_id: string | null;
  title: string;
  dek: string;
  body: string;
  created_at: string;
  /** the article version this revision made */
  version: number | null;
  /** how it was made: a save, a publish, a restore of an older revision */
  action: Generated<string>;
}
export type ArticleRevisionRow = Selectable<ArticleRevisionsTable>;
export type NewArticleRevisionRow = Insertable<ArticleRevisionsTable>;

/** The working copy autosave keeps, one per article: the editor's fields as typed. */
export interface ArticleDraftsTable {
  article_id: string;
  /** JSON: WorkingCopyFields */
  fields: string;
  /** the article version the working copy was saved at */
  base_version: number;
  saved_by: string | null;
  saved_at: string;
}

export interface PagesTable {
  id: string;
  slug: string;
  title: string;
  body: string;
  status: string;
  created_at: string;
  updated_at: string;
}
