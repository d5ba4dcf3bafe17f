import { commentPermalink } from '../../comments/index.js';

/**
 * Where a moderator's "On <article>" link goes: an approved comment's permalink (which finds
 * the thread page that holds it, page 2 or later included); for any other status the article,
 * since readers' pages do not show the comment. Null when the article has no public page.
 */
export function commentSiteLink(articleUrl: string | null | undefined, comment: { id: string; status: string }): string | null {
  if (!articleUrl) return null;
  return comment.status === 'approved' ? commentPermalink(comment.id) : articleUrl;
}
