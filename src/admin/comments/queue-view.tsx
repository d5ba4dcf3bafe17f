import type { CommentQueue, QueuedComment } from '../../comments/index.js';
import { commentSiteLink } from './comment-site-link.js';
import { TrustedHtml } from '../../site/views/trusted-html.js';
import { CsrfField, textareaText } from '../views/form-fields.js';
import { Pagination, StatusTabs } from '../views/list-parts.js';
import { formatStaffDate } from '../views/staff-dates.js';
import { ACTION_WORDS, actionsFor, bulkActionsFor, REASON_LABELS, STATUS_LABELS, spamScoreText, TAB_LABELS } from './comment-words.js';
import { QUEUE_TABS, type QueueFilters, queueHref } from './queue-filters.js';

/** Where a queued comment is on the public site, when readers can open its article. */
export interface CommentPlace {
  articleTitle: string;
  /** the article's public path, or null while it is not published */
  articleUrl: string | null;
}

export interface QueueViewProps {
  queue: CommentQueue;
  filters: QueueFilters;
  places: Map<string, CommentPlace>;
  csrfToken: string;
  timeZone: string;
}

export const BULK_FORM_ID = 'comment-bulk';

/**
 * The moderation queue: tabs by status with counts, the filters, one bulk form (its
 * checkboxes sit in the rows and join it by `form=`), and each comment with what a
 * moderator needs to judge it: who, from where, why it has its status, and its words as
 * readers would see them.
 */
export function QueueView({ queue, filters, places, csrfToken, timeZone }: QueueViewProps) {
  const back = queueHref(filters, { page: queue.page });
  const tabCount = (tab: (typeof QUEUE_TABS)[number]) => (tab === 'all' ? Object.values(queue.counts).reduce((a, b) => a + b, 0) : queue.counts[tab]);
  const article = filters.article ? places.get(filters.article) : undefined;
  return (
    <section aria-labelledby="comments-title">
      <div class="admin-page-head">
        <h1 id="comments-title">Comments</h1>
        <ul class="admin-row-actions">
          <li>
            <a href="/admin/comments/blocks">Block list</a>
          </li>
          <li>
            <a href="/admin/comments/privacy">Export or erase by email</a>
          </li>
        </ul>
      </div>
      <StatusTabs
        label="Comments by status"
        tabs={QUEUE_TABS.map((tab) => ({ label: TAB_LABELS[tab], href: queueHref(filters, { tab }), count: tabCount(tab), isCurrent: tab === filters.tab }))}
      />
      <form method="get" action="/admin/comments/" class="admin-toolbar queue-filters" role="search" aria-label="Filter comments">
        {filters.tab !== 'pending' ? <input type="hidden" name="status" value={filters.tab} /> : null}
        {filters.article ? <input type="hidden" name="article" value={filters.article} /> : null}
        <div class="admin-field">
          <label for="filter-q">Name or words</label>
          <input id="filter-q" type="search" name="q" value={filters.q} maxlength={200} />
        </div>
        <div class="admin-field">
          <label for="filter-email">Email</label>
          <input id="filter-email" type="search" name="email" value={filters.email} maxlength={254} />
        </div>
        <div class="admin-field">
          <label for="filter-ip">IP hash</label>
          <input id="filter-ip" type="search" name="ip" value={filters.ip} maxlength={32} pattern="[0-9a-fA-F]{32}" />
        </div>
        <button type="submit">Filter</button>
      </form>
      <ActiveFilters filters={filters} articleTitle={article?.articleTitle} />
      {queue.items.length === 0 ? (
        <p class="admin-muted">{`No ${filters.tab === 'all' ? '' : `${TAB_LABELS[filters.tab].toLowerCase()} `}comments${hasFilter(filters) ? ' match these filters' : ''}.`}</p>
      ) : (
        <>
          <form method="post" action="/admin/comments/moderate" id={BULK_FORM_ID} class="admin-toolbar">
            <CsrfField token={csrfToken} />
            <input type="hidden" name="back" value={back} />
            <div class="admin-field">
              <label for="bulk-action">With the selected comments</label>
              <select id="bulk-action" name="bulkAction">
                {bulkActionsFor(filters.tab).map((action) => (
                  <option value={action}>{ACTION_WORDS[action].button}</option>
                ))}
              </select>
            </div>
            <button type="submit">Apply</button>
          </form>
          <p class="admin-muted">{`${queue.total} comment${queue.total === 1 ? '' : 's'}, page ${queue.page} of ${queue.pageCount}; newest first; dates in ${timeZone}.`}</p>
          <ol class="queue-list">
            {queue.items.map((comment) => (
              <QueueItem comment={comment} place={places.get(comment.articleId)} filters={filters} back={back} csrfToken={csrfToken} timeZone={timeZone} />
            ))}
          </ol>
        </>
      )}
      <Pagination label="Pages of comments" page={queue.page} pageCount={queue.pageCount} href={(page) => queueHref(filters, { page })} previous="Newer" next="Older" />
    </section>
  );
}

function hasFilter(filters: QueueFilters): boolean {
  return Boolean(filters.article || filters.q || filters.ip || filters.email);
}

/** What the list is narrowed to, each with a link that lifts it. */
function ActiveFilters({ filters, articleTitle }: { filters: QueueFilters; articleTitle: string | undefined }) {
  if (!hasFilter(filters)) return null;
  const parts = [
    filters.article ? { text: `On “${articleTitle ?? 'an article'}”`, clear: { article: '' } } : null,
    filters.email ? { text: `From ${filters.email}`, clear: { email: '' } } : null,
    filters.ip ? { text: `From IP hash ${filters.ip}`, clear: { ip: '' } } : null,
    filters.q ? { text: `Matching “${filters.q}”`, clear: { q: '' } } : null,
  ].filter((p) => p !== null);
  return (
    <div class="queue-active-filters">
      <p>Showing only:</p>
      <ul class="admin-row-actions">
        {parts.map((p) => (
          <li>
            {p.text} (<a href={queueHref(filters, p.clear)}>{`show all${p.clear.article !== undefined ? ' articles' : ''}`}</a>)
          </li>
        ))}
        <li>
          <a href={queueHref({ ...filters, article: '', q: '', ip: '', email: '' })}>Clear every filter</a>
        </li>
      </ul>
    </div>
  );
}

interface QueueItemProps {
  comment: QueuedComment;
  place: CommentPlace | undefined;
  filters: QueueFilters;
  back: string;
  csrfToken: string;
  timeZone: string;
}

function QueueItem({ comment: c, place, filters, back, csrfToken, timeZone }: QueueItemProps) {
  const titleId = `comment-${c.id}-title`;
  const title = place?.articleTitle || c.articleTitle || 'an article';
  const siteLink = commentSiteLink(place?.articleUrl, c);
  return (
    <li class={`queue-item queue-${c.status}`}>
      <article aria-labelledby={titleId}>
        <div class="queue-head">
          <input type="checkbox" form={BULK_FORM_ID} name="ids" value={c.id} id={`select-${c.id}`} />
          <label for={`select-${c.id}`} class="admin-visually-hidden">{`Select the comment by ${c.authorName}`}</label>
          <h2 id={titleId} class="queue-author">
            {c.authorName}
            {c.isStaff ? <span class="admin-badge">Staff</span> : null}
          </h2>
          <span class={`admin-badge queue-status queue-status-${c.status}`}>{STATUS_LABELS[c.status]}</span>
        </div>
        <dl class="queue-facts">
          <dt>Email</dt>
          <dd>
            {c.authorEmail ? (
              <>
                {c.authorEmail} (<a href={queueHref({ ...filters, tab: 'all' }, { email: c.authorEmail, ip: '' })}>all from this email</a>)
              </>
            ) : (
              <span class="admin-muted">none</span>
            )}
          </dd>
          {c.authorUrl ? (
            <>
              <dt>Website</dt>
              <dd>{isWebLink(c.authorUrl) ? <a href={c.authorUrl} rel="nofollow ugc noopener noreferrer">{c.authorUrl}</a> : c.authorUrl}</dd>
            </>
          ) : null}
          <dt>IP hash</dt>
          <dd>
            {c.ipHash ? (
              <>
                <code>{c.ipHash}</code> (<a href={queueHref({ ...filters, tab: 'all' }, { ip: c.ipHash, email: '' })}>all from this IP hash</a>)
              </>
            ) : (
              <span class="admin-muted">unknown</span>
            )}
          </dd>
          <dt>On</dt>
          <dd>
            {siteLink ? <a href={siteLink}>{title}</a> : title}
            {filters.article === c.articleId ? null : (
              <>
                {' '}
                (<a href={queueHref(filters, { article: c.articleId })}>all on this article</a>)
              </>
            )}
          </dd>
          <dt>Written</dt>
          <dd>
            <time datetime={c.createdAt.toISOString()}>{formatStaffDate(c.createdAt.toISOString(), timeZone)}</time>
            {c.editedAt ? <span class="admin-muted">{`; edited ${formatStaffDate(c.editedAt.toISOString(), timeZone)}`}</span> : null}
          </dd>
          <dt>Why {STATUS_LABELS[c.status].toLowerCase()}</dt>
          <dd class="queue-reason">
            <strong>{REASON_LABELS[c.statusReason] ?? c.statusReason}</strong>
            {c.statusNote ? `: ${c.statusNote}` : null}
          </dd>
          <dt>Spam score</dt>
          <dd>{spamScoreText(c.spamScore)}</dd>
        </dl>
        <div class="queue-body">
          <TrustedHtml html={c.bodyHtml} />
        </div>
        <form method="post" action="/admin/comments/moderate" class="queue-actions" aria-label={`Moderate the comment by ${c.authorName}`}>
          <CsrfField token={csrfToken} />
          <input type="hidden" name="back" value={back} />
          <input type="hidden" name="ids" value={c.id} />
          {actionsFor(c.status).map((action) => (
            <button type="submit" name="action" value={action} class={action === 'approve' ? undefined : action === 'delete' ? 'admin-button-danger' : 'admin-button-secondary'}>
              {ACTION_WORDS[action].button}
            </button>
          ))}
          <a href={`/admin/comments/${c.id}/edit?${new URLSearchParams({ back })}`}>
            Edit<span class="admin-visually-hidden">{` the comment by ${c.authorName}`}</span>
          </a>
        </form>
        {c.status === 'pending' || c.status === 'approved' ? (
          <details class="queue-reply">
            <summary>{c.status === 'pending' ? 'Approve and reply' : 'Reply'}</summary>
            <form method="post" action={`/admin/comments/${c.id}/reply`} class="admin-stack">
              <CsrfField token={csrfToken} />
              <input type="hidden" name="back" value={back} />
              <div class="admin-field">
                <label for={`reply-${c.id}`}>{`Your reply to ${c.authorName}`}</label>
                <textarea id={`reply-${c.id}`} name="reply" rows={3} required>
                  {textareaText('')}
                </textarea>
              </div>
              <button type="submit">Post reply</button>
            </form>
          </details>
        ) : null}
      </article>
    </li>
  );
}

// A stored website is an http(s) address (the rules check it); anything else is shown as text.
function isWebLink(url: string): boolean {
  return /^https?:\/\//i.test(url);
}
