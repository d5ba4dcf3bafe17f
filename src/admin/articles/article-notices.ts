/** The one-line notices shown after a redirect, by key (the URL never carries the text itself). */
export const ARTICLE_NOTICES: Record<string, string> = {
  created: 'Draft saved.',
  saved: 'Saved.',
  submitted: 'Submitted for review: an editor will look at it.',
  published: 'Published: readers see it now.',
  scheduled: 'Scheduled: it goes live at its publish time.',
  updated: 'Updated: readers see the new version now.',
  unpublished: 'Unpublished: back to draft. Its address answers “not found” until it is published again.',
  withdrawn: 'Withdrawn: its address now tells readers it was taken down.',
  trashed: 'Moved to the trash. It is deleted for good after 30 days unless restored.',
  restored: 'Restored from the trash.',
  preview: 'A new preview link is ready; any earlier one no longer works.',
  revoked: 'The preview link no longer works.',
  'revision-restored': 'That revision’s title, dek and body are back, as a new save.',
};

export function noticeOf(key: string | undefined): string | undefined {
  return key ? ARTICLE_NOTICES[key] : undefined;
}

/** Which notice a save answers with, from the status it left the article in. */
export function noticeForSave(status: string, wasNew: boolean, wasLive: boolean): string {
  if (status === 'published') return wasLive ? 'updated' : 'published';
  if (status === 'scheduled') return 'scheduled';
  if (status === 'pending') return 'submitted';
  return wasNew ? 'created' : 'saved';
}
