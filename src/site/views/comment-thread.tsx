import { commentAnchor, type CommentAvatar, type CommentNode, type CommentThread as Thread } from '../../comments/index.js';
import { CommentForm } from '../comments/comment-form-view.js';
import type { SiteSettings } from '../../settings/index.js';
import type { CommentPaging } from '../pages/comment-pages.js';
import { CommentPages } from './comment-pages.js';
import { formatDateTime, isoDateTime } from './dates.js';
import { TrustedHtml } from './trusted-html.js';
import { countOf } from './words.js';

/**
 * Approved comments, threaded, oldest first at every level. Bodies are the HTML that
 * renderCommentBody made from the commenter's text (escaped, then sanitized against its
 * few tags); names and websites are text, escaped like all text; a website is a nofollow link.
 */
export interface CommentThreadProps {
  thread: Thread;
  articleId: string;
  isOpen: boolean;
  settings: SiteSettings;
  /** the versioned URL of public/comments.js, loaded only where the form is */
  script: string;
  /**
   * The reader's own comment, from their receipt cookie, on a page rendered for them alone
   * (never cached): held ones are shown to their author with a notice.
   */
  own?: OwnComment | undefined;
  /** links to the thread's other pages, when it has more than one */
  pages?: CommentPaging | undefined;
}

export interface OwnComment {
  node: CommentNode;
  isShown: boolean;
}

export function CommentThread({ thread, articleId, isOpen, settings, script, own, pages }: CommentThreadProps) {
  return (
    <section class="comments" id="comments" aria-labelledby="comments-title">
      <h2 id="comments-title" class="section-title">
        {thread.count > 0 ? countOf(thread.count, 'comment', 'comments') : 'Comments'}
      </h2>
      <div class="comment-notice-slot" data-comment-notice>
        {own && <OwnCommentNotice own={own} settings={settings} />}
      </div>
      {thread.count === 0 && <p class="comments-empty">No comments yet.</p>}
      {!isOpen && <p class="comments-closed">Comments are closed.</p>}
      {thread.roots.length > 0 && (
        <ol class="comment-list">
          {thread.roots.map((node) => (
            <CommentItem node={node} settings={settings} canReply={isOpen} />
          ))}
        </ol>
      )}
      {pages && <CommentPages pages={pages} />}
      {isOpen && <CommentForm articleId={articleId} />}
      {isOpen && <script type="module" src={script}></script>}
    </section>
  );
}

/** Said at the top of the thread after a post; a held comment is previewed under it. */
export function OwnCommentNotice({ own, settings }: { own: OwnComment; settings: SiteSettings }) {
  if (own.isShown) {
    return (
      <p class="comment-notice" role="status">
        Thank you: <a href={`#${commentAnchor(own.node.id)}`}>your comment</a> is published.
      </p>
    );
  }
  return (
    <div class="comment-notice comment-notice-held" role="status">
      <p>Thank you. Your comment is awaiting moderation: it is shown here to you alone until an editor approves it.</p>
      <ol class="comment-list comment-preview">
        <CommentItem node={own.node} settings={settings} canReply={false} />
      </ol>
    </div>
  );
}

export function CommentItem({ node, settings, canReply }: { node: CommentNode; settings: SiteSettings; canReply: boolean }) {
  const anchor = commentAnchor(node.id);
  return (
    <li class="comment-item">
      <article class="comment" id={anchor} aria-label={`Comment by ${node.authorName}`}>
        <header class="comment-header">
          <Avatar avatar={node.avatar} />
          <span class="comment-author">
            {isWebLink(node.authorUrl) ? (
              <a href={node.authorUrl} rel="nofollow ugc noopener">
                {node.authorName}
              </a>
            ) : (
              node.authorName
            )}
          </span>
          {node.isStaff && <span class="comment-staff">Staff</span>}
          <a class="comment-permalink" href={`#${anchor}`}>
            <time datetime={isoDateTime(node.createdAt)}>{formatDateTime(node.createdAt, settings)}</time>
          </a>
        </header>
        <div class="comment-body">
          <TrustedHtml html={node.html} />
        </div>
        {canReply && (
          <p class="comment-actions">
            {/* Without the script: a page of its own with the form; with it, the form moves here. */}
            <a class="comment-reply" href={`/comments/reply/${node.id}/`} data-reply-to={node.id} data-reply-name={node.authorName}>
              Reply<span class="visually-hidden">{` to ${node.authorName}`}</span>
            </a>
          </p>
        )}
      </article>
      {node.replies.length > 0 && (
        <ol class="comment-replies">
          {node.replies.map((reply) => (
            <CommentItem node={reply} settings={settings} canReply={canReply} />
          ))}
        </ol>
      )}
    </li>
  );
}

/** Initials on a colour, drawn here: no request leaves for a third party's picture. */
function Avatar({ avatar }: { avatar: CommentAvatar }) {
  return (
    <svg class="comment-avatar" viewBox="0 0 40 40" width="40" height="40" aria-hidden="true">
      <circle cx="20" cy="20" r="20" fill={avatar.background} />
      <text x="20" y="20" dy=".35em" text-anchor="middle" fill={avatar.foreground} font-size="16" font-family="sans-serif" font-weight="700">
        {avatar.initials}
      </text>
    </svg>
  );
}

// Only web addresses become links: a stored "javascript:" URL is shown as nothing.
function isWebLink(url: string): boolean {
  return /^https?:\/\/[^\s]+$/i.test(url);
}
