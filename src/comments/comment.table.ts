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
  /** the email trimmed and lowercased: how a commenter is looked up */
  email_key: Generated<string>;
  is_staff: Generated<number>;
  /** why the comment has its status (StatusReason) and the sentence a moderator reads */
  status_reason: Generated<string>;
  status_note: Generated<string>;
  status_changed_at: string | null;
  /** the body rendered by renderCommentBody, valid while render_version is current */
  body_html: Generated<string>;
  render_version: Generated<number>;
  /** a keyed hash the avatar is drawn from; '' draws it from the name */
  avatar_seed: Generated<string>;
  spam_score: number | null;
  /** the label the spam filter learned from this comment, if any */
  trained_as: string | null;
  edited_at: string | null;
  /** 1 when the commenter asked to be mailed when someone replies to this comment */
  notify_replies: Generated<number>;
  /** when the new-comment notice to staff was claimed (sent once) */
  notified_at: string | null;
  /** when the notice of this reply to its parent's author was claimed (sent once) */
  reply_notified_at: string | null;
}
export type CommentRow = Selectable<CommentsTable>;

export interface CommentBlocksTable {
  kind: string; // BlockKind
  value: string;
  note: Generated<string>;
  created_at: string;
}

export interface SpamTokensTable {
  token: string;
  spam: Generated<number>;
  ham: Generated<number>;
}
