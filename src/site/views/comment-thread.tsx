import type { CommentAvatar, CommentNode, CommentThread as Thread } from '../../comments/index.js';
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
export function CommentThread({ thread, isOpen, settings, pages }: { thread: Thread; isOpen: boolean; settings: SiteSettings; pages?: CommentPaging }) {
  return (
    <section class="comments" id="comments" aria-labelledby="comments-title">
      <h2 id="comments-title" class="section-title">
        {thread.count > 0 ? countOf(thread.count, 'comment', 'comments') : 'Comments'}
      </h2>
      {thread.count === 0 && <p class="comments-empty">No comments yet.</p>}
      {!isOpen && <p class="comments-closed">Comments are closed.</p>}
      {thread.roots.length > 0 && (
        <ol class="comment-list">
          {thread.roots.map((node) => (
            <CommentItem node={node} settings={settings} />
          ))}
        </ol>
      )}
      {pages && <CommentPages pages={pages} />}
    </section>
  );
}

function CommentItem({ node, settings }: { node: CommentNode; settings: SiteSettings }) {
  const anchor = `comment-${node.id}`;
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
      </article>
      {node.replies.length > 0 && (
        <ol class="comment-replies">
          {node.replies.map((reply) => (
            <CommentItem node={reply} settings={settings} />
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
