import type { QueuedComment } from '../../comments/index.js';
import { commentSiteLink } from './comment-site-link.js';
import { TrustedHtml } from '../../site/views/trusted-html.js';
import { CsrfField, type FieldErrors, FormErrorSummary, TextArea, TextField } from '../views/form-fields.js';
import { REASON_LABELS, STATUS_LABELS } from './comment-words.js';

export interface CommentEditValues {
  name: string;
  email: string;
  website: string;
  body: string;
}

export interface CommentEditViewProps {
  comment: QueuedComment;
  /** the article's public path, or null while it is not published */
  articleUrl: string | null;
  csrfToken: string;
  values: CommentEditValues;
  errors?: FieldErrors | undefined;
  message?: string | undefined;
  reply: string;
  replyErrors?: FieldErrors | undefined;
  replyMessage?: string | undefined;
  /** the queue this page was opened from */
  back: string;
}

/** One comment: how it stands, a form to correct it, and (for a shown or held comment) a reply. */
export function CommentEditView(props: CommentEditViewProps) {
  const { comment: c } = props;
  const canReply = c.status === 'pending' || c.status === 'approved';
  const siteLink = commentSiteLink(props.articleUrl, c);
  return (
    <section aria-labelledby="edit-comment-title">
      <p>
        <a href={props.back}>Back to the comments</a>
      </p>
      <h1 id="edit-comment-title">{`Comment by ${c.authorName}`}</h1>
      <dl class="admin-facts">
        <dt>On</dt>
        <dd>{siteLink ? <a href={siteLink}>{c.articleTitle}</a> : c.articleTitle}</dd>
        <dt>Status</dt>
        <dd>{STATUS_LABELS[c.status]}</dd>
        <dt>Why</dt>
        <dd>
          {REASON_LABELS[c.statusReason] ?? c.statusReason}
          {c.statusNote ? `: ${c.statusNote}` : ''}
        </dd>
      </dl>
      <h2>As readers see it</h2>
      <div class="queue-body admin-card">
        <TrustedHtml html={c.bodyHtml} />
      </div>
      <h2 id="edit-form-title">Edit</h2>
      <FormErrorSummary message={props.message} errors={props.errors} />
      <form method="post" action={`/admin/comments/${c.id}/edit`} class="admin-card admin-stack" aria-labelledby="edit-form-title">
        <CsrfField token={props.csrfToken} />
        <input type="hidden" name="back" value={props.back} />
        <TextField name="name" label="Name" value={props.values.name} errors={props.errors} required maxlength={200} />
        <TextField name="email" label="Email" type="email" value={props.values.email} errors={props.errors} required maxlength={400} hint="Never shown to readers." />
        <TextField name="website" label="Website" value={props.values.website} errors={props.errors} maxlength={400} hint="An http(s) address, or empty." />
        <TextArea name="body" label="Comment" value={props.values.body} errors={props.errors} rows={8} required hint="The commenter’s formatting: *emphasis*, **strong**, `code`, > quotes, [links](https://example.org)." />
        <button type="submit">Save comment</button>
      </form>
      {canReply ? (
        <>
          <h2 id="reply-form-title">{c.status === 'pending' ? 'Approve and reply' : 'Reply'}</h2>
          <FormErrorSummary message={props.replyMessage} errors={props.replyErrors} />
          <form method="post" action={`/admin/comments/${c.id}/reply`} class="admin-card admin-stack" aria-labelledby="reply-form-title">
            <CsrfField token={props.csrfToken} />
            <input type="hidden" name="back" value={props.back} />
            <TextArea name="reply" label="Your reply" value={props.reply} errors={props.replyErrors} rows={4} required hint="Posted under your account, with the staff badge." />
            <button type="submit">Post reply</button>
          </form>
        </>
      ) : (
        <>
          <FormErrorSummary message={props.replyMessage} errors={props.replyErrors} />
          <p class="admin-muted">Spam and trashed comments cannot be answered; approve this one first to reply.</p>
        </>
      )}
    </section>
  );
}
