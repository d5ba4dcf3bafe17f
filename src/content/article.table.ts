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
