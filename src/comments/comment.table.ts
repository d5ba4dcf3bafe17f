import type { Generated, Selectable } from 'kysely';

export interface CommentsTable {
  id: string;
  article_id: string;
  parent_id: string | null;
  user_id: string | null;
  author_name: string;
  author_email: string;
  author_url: Generated<string>;
  body: string;
  status: string; // CommentStatus
  created_at: string;
  ip_hash: Generated<string>;
  user_agent: Generated<string>;
}
export type CommentRow = Selectable<CommentsTable>;
