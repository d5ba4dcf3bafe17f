import type { CommentStatus, ModerationAction, StatusReason } from '../../comments/index.js';
import type { QueueTab } from './queue-filters.js';

/** The words the queue uses for statuses, reasons and actions: one place, so the screens and their tests agree. */

export const TAB_LABELS: Record<QueueTab, string> = { pending: 'Pending', approved: 'Approved', spam: 'Spam', trash: 'Trash', all: 'All' };

export const STATUS_LABELS: Record<CommentStatus, string> = { pending: 'Pending', approved: 'Approved', spam: 'Spam', trash: 'In the trash' };

/** Why a comment has its status, in a few words; the stored note beside it says the rest. */
export const REASON_LABELS: Record<StatusReason, string> = {
  'first-comment': 'New commenter',
  'hold-all': 'Site setting',
  'known-commenter': 'Known commenter',
  'approve-all': 'Site setting',
  staff: 'Staff',
  'blocked-word': 'Block list',
  'blocked-email': 'Block list',
  'blocked-ip': 'Block list',
  'spam-filter': 'Spam filter',
  moderator: 'Moderator',
  imported: 'Imported',
};

/** Each action as a button says it and as the summary after it says it. */
export const ACTION_WORDS: Record<ModerationAction, { button: string; done: string; already: string }> = {
  approve: { button: 'Approve', done: 'approved', already: 'already approved' },
  unapprove: { button: 'Unapprove', done: 'returned to pending', already: 'already pending' },
  spam: { button: 'Spam', done: 'marked as spam', already: 'already spam' },
  trash: { button: 'Trash', done: 'moved to the trash', already: 'already in the trash' },
  delete: { button: 'Delete permanently', done: 'deleted permanently', already: '' },
};

/** The actions a comment in this status may take (a button each on its row). */
export function actionsFor(status: CommentStatus): ModerationAction[] {
  switch (status) {
    case 'pending':
      return ['approve', 'spam', 'trash'];
    case 'approved':
      return ['unapprove', 'spam', 'trash'];
    case 'spam':
      return ['approve', 'trash', 'delete'];
    case 'trash':
      return ['approve', 'unapprove', 'spam', 'delete'];
  }
}

/** The bulk select of a tab: every action its comments may take; delete only where deleting is allowed. */
export function bulkActionsFor(tab: QueueTab): ModerationAction[] {
  return tab === 'spam' || tab === 'trash' ? ['approve', 'unapprove', 'spam', 'trash', 'delete'] : ['approve', 'unapprove', 'spam', 'trash'];
}

/** Deleting for good is offered only to comments already in the spam folder or the trash. */
export function isDeletable(status: CommentStatus): boolean {
  return status === 'spam' || status === 'trash';
}

export function plural(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** The spam filter's score as a moderator reads it. */
export function spamScoreText(score: number | null): string {
  return score === null ? 'not scored' : `${Math.round(score * 100)}%`;
}
