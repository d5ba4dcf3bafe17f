import {
  type CommentDeps,
  findQueuedComment,
  listCommentQueue,
  MODERATION_ACTIONS,
  type ModerationAction,
  moderateComments,
  type QueuedComment,
} from '../../comments/index.js';
import { findArticleLinks } from '../../content/index.js';
import { NotFoundError } from '../../shared/errors.js';
import { loadSettings } from '../../settings/index.js';
import type { AdminDeps } from '../admin-deps.js';
import { actorOf } from '../forms/form-kit.js';
import type { AdminContext, AdminRoute } from '../shell/admin-area.js';
import { adminChromeOf, adminPage } from '../shell/admin-page.js';
import { ACTION_WORDS, isDeletable, plural } from './comment-words.js';
import { DeleteConfirmView } from './delete-confirm-view.js';
import { backHrefOf, queueFiltersOf, queueQueryOf } from './queue-filters.js';
import { type CommentPlace, QueueView } from './queue-view.js';

/** At most this many comments in one bulk action (a page of the queue holds at most 100). */
const MAX_BULK = 100;
const ID = /^[0-9a-z]{1,64}$/;

/** The queue (GET) and its one moderation endpoint (POST), for rows and bulk alike. */
export function queueRoutes(deps: AdminDeps, comments: CommentDeps): AdminRoute[] {
  return [
    {
      method: 'GET',
      path: '/comments/',
      access: 'moderate_comments',
      handler: async (c) => {
        const filters = queueFiltersOf((name) => c.req.query(name));
        const [queue, settings] = await Promise.all([listCommentQueue(deps.db, actorOf(c), queueQueryOf(filters)), loadSettings(deps.db)]);
        const places = await placesOf(deps, [...queue.items.map((i) => i.articleId), ...(filters.article ? [filters.article] : [])]);
        return adminPage(c, {
          title: 'Comments',
          notice: noticeOf(c),
          children: <QueueView queue={queue} filters={{ ...filters, page: queue.page }} places={places} csrfToken={adminChromeOf(c).csrfToken} timeZone={settings.timeZone} />,
        });
      },
    },
    {
      method: 'POST',
      path: '/comments/moderate',
      access: 'moderate_comments',
      // A row's button names its action; the bulk form's select names it for every ticked box.
      handler: async (c) => {
        const body = await c.req.parseBody({ all: true });
        const back = backHrefOf(lastText(body.back));
        const action = lastText(body.action) ?? lastText(body.bulkAction);
        const ids = [...new Set(allText(body.ids).filter((id) => ID.test(id)))].slice(0, MAX_BULK);
        if (!action || !(MODERATION_ACTIONS as readonly string[]).includes(action)) return c.redirect(back, 303);
        if (ids.length === 0) return c.redirect(withSummary(back, { done: 'none' }), 303);
        const chosen = action as ModerationAction;
        if (chosen === 'delete') return deleteStep(c, deps, comments, ids, back, lastText(body.confirm) === 'yes');
        const result = await moderateComments(comments, actorOf(c), ids, chosen);
        return c.redirect(withSummary(back, { done: chosen, n: result.changedIds.length, same: result.unchangedIds.length, missing: result.missingIds.length }), 303);
      },
    },
  ];
}

/**
 * Deleting for good takes two steps: the first shows what will go (only comments already in
 * the spam folder or the trash; any other is left and counted as refused), the second deletes.
 */
async function deleteStep(c: AdminContext, deps: AdminDeps, comments: CommentDeps, ids: string[], back: string, isConfirmed: boolean): Promise<Response> {
  const found: QueuedComment[] = [];
  let missing = 0;
  for (const id of ids) {
    try {
      found.push(await findQueuedComment(deps.db, actorOf(c), id));
    } catch (error) {
      if (!(error instanceof NotFoundError)) throw error;
      missing++;
    }
  }
  const deletable = found.filter((comment) => isDeletable(comment.status));
  const refused = found.length - deletable.length;
  if (deletable.length === 0) return c.redirect(withSummary(back, { done: 'delete', n: 0, refused, missing }), 303);
  if (!isConfirmed) {
    return adminPage(c, {
      title: 'Delete comments permanently',
      children: <DeleteConfirmView comments={deletable} refused={refused} back={back} csrfToken={adminChromeOf(c).csrfToken} />,
    });
  }
  const result = await moderateComments(comments, actorOf(c), deletable.map((comment) => comment.id), 'delete');
  return c.redirect(withSummary(back, { done: 'delete', n: result.changedIds.length, refused, missing: missing + result.missingIds.length }), 303);
}

/** The title and public address of each article named (the rows link to the comment's place). */
async function placesOf(deps: AdminDeps, articleIds: string[]): Promise<Map<string, CommentPlace>> {
  const links = await findArticleLinks(deps.db, [...new Set(articleIds)]);
  return new Map([...links].map(([id, link]) => [id, { articleTitle: link.title, articleUrl: link.url }]));
}

type Summary = { done: ModerationAction | 'none' | 'replied'; n?: number; same?: number; missing?: number; refused?: number };

export function withSummary(back: string, summary: Summary): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(summary)) if (value !== undefined && value !== 0) params.set(key, String(value));
  params.set('done', summary.done);
  return `${back}${back.includes('?') ? '&' : '?'}${params}`;
}

/** "3 comments approved; 1 already approved." — made of fixed words and the numbers in the URL, never text from it. */
function noticeOf(c: AdminContext): string | undefined {
  const done = c.req.query('done');
  const count = (name: string) => {
    const n = Number(c.req.query(name) ?? 0);
    return Number.isInteger(n) && n >= 0 && n <= 10_000 ? n : 0;
  };
  if (done === 'none') return 'No comments were selected: tick the boxes of the comments to change, then Apply.';
  if (done === 'replied') return 'Reply posted.';
  if (!done || !(MODERATION_ACTIONS as readonly string[]).includes(done)) return undefined;
  const words = ACTION_WORDS[done as ModerationAction];
  const parts = [`${plural(count('n'), 'comment', 'comments')} ${words.done}`];
  if (count('same') > 0) parts.push(`${count('same')} ${words.already}`);
  if (count('refused') > 0) parts.push(`${count('refused')} left alone (only spam and trash can be deleted permanently)`);
  if (count('missing') > 0) parts.push(`${count('missing')} no longer there`);
  return `${parts.join('; ')}.`;
}

function allText(value: unknown): string[] {
  const values = Array.isArray(value) ? value : value === undefined ? [] : [value];
  return values.filter((v): v is string => typeof v === 'string');
}

function lastText(value: unknown): string | undefined {
  return allText(value).at(-1);
}
