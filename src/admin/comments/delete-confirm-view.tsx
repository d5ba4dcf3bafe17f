import type { QueuedComment } from '../../comments/index.js';
import { CsrfField } from '../views/form-fields.js';
import { STATUS_LABELS } from './comment-words.js';

/** The second step of deleting for good: what will go, and one button that does it. */
export function DeleteConfirmView({ comments, refused, back, csrfToken }: { comments: QueuedComment[]; refused: number; back: string; csrfToken: string }) {
  const n = comments.length;
  return (
    <section aria-labelledby="delete-title">
      <h1 id="delete-title">{`Delete ${n === 1 ? 'this comment' : `these ${n} comments`} permanently?`}</h1>
      <p>Deleting cannot be undone. Replies written by others stay and move up a level.</p>
      {refused > 0 ? <p class="admin-muted">{`${refused} of the selected comment${refused === 1 ? ' is' : 's are'} neither spam nor in the trash, and will be left alone.`}</p> : null}
      <ul class="queue-confirm-list">
        {comments.map((comment) => (
          <li>
            <strong>{comment.authorName}</strong> <span class="admin-muted">{`(${STATUS_LABELS[comment.status]}, on “${comment.articleTitle}”)`}</span>: {comment.excerpt}
          </li>
        ))}
      </ul>
      <form method="post" action="/admin/comments/moderate" class="admin-danger">
        <CsrfField token={csrfToken} />
        <input type="hidden" name="back" value={back} />
        <input type="hidden" name="action" value="delete" />
        <input type="hidden" name="confirm" value="yes" />
        {comments.map((comment) => (
          <input type="hidden" name="ids" value={comment.id} />
        ))}
        <button type="submit" class="admin-button-danger">
          {`Delete ${n === 1 ? 'it' : `all ${n}`} permanently`}
        </button>{' '}
        <a href={back}>Cancel</a>
      </form>
    </section>
  );
}
