import { CommentBody, type CommentDeps, type CommentFieldErrors, editComment, findQueuedComment, type QueuedComment, replyFromQueue } from '../../comments/index.js';
import { findArticleLinks } from '../../content/index.js';
import { clientAddress } from '../../http/client-ip.js';
import type { AdminDeps } from '../admin-deps.js';
import { actorOf, noticeFrom, readForm } from '../forms/form-kit.js';
import type { AdminContext, AdminRoute } from '../shell/admin-area.js';
import { adminChromeOf, adminPage } from '../shell/admin-page.js';
import { type CommentEditValues, CommentEditView } from './comment-edit-view.js';
import { backHrefOf } from './queue-filters.js';
import { withSummary } from './queue-routes.js';

const NOTICES = { saved: 'Comment saved.', replied: 'Reply posted.' };

/** One comment's page: edit it (name, email, website, words) and reply to it from the queue. */
export function commentEditRoutes(deps: AdminDeps, comments: CommentDeps): AdminRoute[] {
  const page = async (c: AdminContext, comment: QueuedComment, state: { values?: CommentEditValues; errors?: CommentFieldErrors; reply?: string; replyRefusal?: ReplyRefusal; back?: string } = {}) => {
    const link = (await findArticleLinks(deps.db, [comment.articleId])).get(comment.articleId);
    const isRefused = Boolean(state.errors || state.replyRefusal);
    return adminPage(c, {
      title: `Comment by ${comment.authorName}`,
      status: isRefused ? 400 : 200,
      notice: noticeFrom(c, NOTICES),
      children: (
        <CommentEditView
          comment={comment}
          articleUrl={link?.url ?? null}
          csrfToken={adminChromeOf(c).csrfToken}
          values={state.values ?? { name: comment.authorName, email: comment.authorEmail, website: comment.authorUrl, body: comment.body }}
          errors={state.errors}
          message={state.errors ? messageOf(state.errors) : undefined}
          reply={state.reply ?? ''}
          replyErrors={state.replyRefusal?.fields}
          replyMessage={state.replyRefusal?.message}
          back={state.back ?? backHrefOf(c.req.query('back'))}
        />
      ),
    });
  };

  return [
    {
      method: 'GET',
      path: '/comments/:id/edit',
      access: 'moderate_comments',
      handler: async (c) => page(c, await findQueuedComment(deps.db, actorOf(c), c.req.param('id')!)),
    },
    {
      method: 'POST',
      path: '/comments/:id/edit',
      access: 'moderate_comments',
      handler: async (c) => {
        const comment = await findQueuedComment(deps.db, actorOf(c), c.req.param('id')!);
        const form = await readForm(c);
        const values = { name: form.name ?? '', email: form.email ?? '', website: form.website ?? '', body: form.body ?? '' };
        const back = backHrefOf(form.back);
        const outcome = await editComment(comments, actorOf(c), comment.id, values);
        if (outcome.kind === 'rejected') return page(c, comment, { values, errors: outcome.errors, back });
        return c.redirect(`/admin/comments/${comment.id}/edit?${new URLSearchParams({ back, done: 'saved' })}`, 303);
      },
    },
    {
      method: 'POST',
      path: '/comments/:id/reply',
      access: 'moderate_comments',
      handler: async (c) => {
        const comment = await findQueuedComment(deps.db, actorOf(c), c.req.param('id')!);
        const form = await readForm(c);
        const reply = form.reply ?? '';
        const back = backHrefOf(form.back);
        // Checked here first: replying approves a held comment, which an empty reply must not do.
        const parsed = CommentBody.safeParse(reply);
        if (!parsed.success) return page(c, comment, { reply, replyRefusal: { fields: { reply: parsed.error.issues[0]?.message ?? 'Write your reply.' } }, back });
        const outcome = await replyFromQueue(comments, actorOf(c), comment.id, {
          body: reply,
          ip: clientAddress(c, deps.trustedProxies),
          userAgent: c.req.header('user-agent') ?? '',
        });
        if (outcome.kind === 'rejected') {
          // The reply's words are refused next to its field; the rest (a closed article, a parent no longer shown) above it.
          const { body, ...rest } = outcome.errors;
          const message = Object.values(rest).join(' ') || undefined;
          const replyRefusal: ReplyRefusal = { fields: body ? { reply: body } : {}, ...(message ? { message } : {}) };
          return page(c, await findQueuedComment(deps.db, actorOf(c), comment.id), { reply, replyRefusal, back });
        }
        return c.redirect(withSummary(back, { done: 'replied' }), 303);
      },
    },
  ];
}

interface ReplyRefusal {
  message?: string;
  fields: Record<string, string>;
}

function messageOf(errors: CommentFieldErrors): string {
  return errors.form ?? 'Please correct the fields marked below.';
}
