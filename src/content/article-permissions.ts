/*
 * Who may do what to an article (issue 6, "roles that hold"), as pure rules every staff use
 * case calls. The route's declared access is only the first gate: these decide per article.
 *   contributor: writes drafts, edits own drafts and pending articles, submits them for review;
 *                never publishes, schedules, unpublishes or withdraws.
 *   author:      all of that, and publishes, schedules, unpublishes, withdraws and edits own.
 *   editor, administrator: anyone's. Only they name other people as an article's authors.
 */
import { type Actor, assertCan, can } from '../accounts/index.js';
import { ForbiddenError } from '../shared/errors.js';

/** What the rules need to know of an article. */
export interface ArticleAccess {
  status: string;
  authorIds: readonly string[];
}

/** Statuses in which an article is (or is about to be) in readers' hands: changing them is publishing. */
const LIVE_STATUSES: ReadonlySet<string> = new Set(['published', 'scheduled', 'withdrawn']);
/** What a contributor's own article may be in for them to edit it. */
const UNPUBLISHED_STATUSES: ReadonlySet<string> = new Set(['draft', 'pending']);

export function isLiveStatus(status: string): boolean {
  return LIVE_STATUSES.has(status);
}

export function isOwnArticle(actor: Actor, article: Pick<ArticleAccess, 'authorIds'>): boolean {
  return article.authorIds.includes(actor.id);
}

export function canEditArticle(actor: Actor, article: ArticleAccess): boolean {
  if (!can(actor.role, 'write_articles')) return false;
  if (can(actor.role, 'edit_any')) return true;
  if (!isOwnArticle(actor, article)) return false;
  return can(actor.role, 'publish_own') || UNPUBLISHED_STATUSES.has(article.status);
}

export function canPublishArticle(actor: Actor, article: Pick<ArticleAccess, 'authorIds'>): boolean {
  if (can(actor.role, 'publish_any')) return true;
  return can(actor.role, 'publish_own') && isOwnArticle(actor, article);
}

export function assertCanEditArticle(actor: Actor, article: ArticleAccess): void {
  assertCan(actor, 'write_articles', 'write articles');
  if (canEditArticle(actor, article)) return;
  if (!isOwnArticle(actor, article)) throw new ForbiddenError('You may edit only the articles you wrote.');
  throw new ForbiddenError('This article is scheduled or published: only its authors who may publish, and editors, may change it.');
}

/** Publishing, scheduling, unpublishing, withdrawing, and any change to a live article. */
export function assertCanPublishArticle(actor: Actor, article: Pick<ArticleAccess, 'authorIds'>): void {
  assertCan(actor, 'publish_own', 'publish, schedule, unpublish or withdraw articles');
  if (!canPublishArticle(actor, article)) throw new ForbiddenError('You may publish only your own articles.');
}

/**
 * Only editors change who wrote an article. Anyone else keeps the authors it has (a new
 * article: themselves alone).
 */
export function assertCanSetAuthors(actor: Actor, before: readonly string[] | null, after: readonly string[]): void {
  if (can(actor.role, 'edit_any')) return;
  const allowed = before ?? [actor.id];
  const isSame = allowed.length === after.length && allowed.every((id, i) => after[i] === id);
  if (!isSame) throw new ForbiddenError('Only editors may change who is named as an article’s authors.');
}
