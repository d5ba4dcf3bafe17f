export const COMMENT_STATUSES = ['pending', 'approved', 'spam', 'trash'] as const;
export type CommentStatus = (typeof COMMENT_STATUSES)[number];

/** An approved comment as readers see it: never its email or IP. */
export interface CommentNode {
  id: string;
  authorName: string;
  /** the commenter's website, shown as a nofollow link; empty when none */
  authorUrl: string;
  /** plain text paragraphs, escaped when rendered */
  paragraphs: string[];
  createdAt: Date;
  replies: CommentNode[];
}

export interface CommentThread {
  count: number;
  roots: CommentNode[];
}

export interface ApprovedCommentRow {
  id: string;
  parentId: string | null;
  authorName: string;
  authorUrl: string;
  body: string;
  createdAt: Date;
}

/** How deep replies nest on the page; deeper replies are shown under the last level. */
export const MAX_THREAD_DEPTH = 3;

/**
 * Builds the reply tree, oldest first at every level. A reply whose parent is not shown
 * (held, spam, deleted) is not shown either: it would answer nothing visible.
 */
export function threadComments(rows: ApprovedCommentRow[]): CommentThread {
  const sorted = [...rows].sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime() || a.id.localeCompare(b.id));
  // Each shown comment, its depth, and the list it sits in (where too-deep replies go).
  const shown = new Map<string, { node: CommentNode; depth: number; siblings: CommentNode[] }>();
  const roots: CommentNode[] = [];
  let count = 0;
  for (const row of sorted) {
    const node: CommentNode = {
      id: row.id,
      authorName: row.authorName,
      authorUrl: row.authorUrl,
      paragraphs: row.body.split(/\n\s*\n/).map((p) => p.trim()).filter(Boolean),
      createdAt: row.createdAt,
      replies: [],
    };
    const parent = row.parentId === null ? null : shown.get(row.parentId);
    if (row.parentId !== null && !parent) continue;
    if (!parent) {
      roots.push(node);
      shown.set(row.id, { node, depth: 1, siblings: roots });
    } else if (parent.depth < MAX_THREAD_DEPTH) {
      parent.node.replies.push(node);
      shown.set(row.id, { node, depth: parent.depth + 1, siblings: parent.node.replies });
    } else {
      // Past the deepest level a reply joins its parent's list, so narrow screens stay readable.
      parent.siblings.push(node);
      shown.set(row.id, { node, depth: parent.depth, siblings: parent.siblings });
    }
    count++;
  }
  return { count, roots };
}
