import { describe, expect, it } from 'vitest';
import { AVATAR_PALETTE, commentAvatar, initialsOf } from './comment-avatar.js';
import { RENDER_VERSION } from './comment-body.js';
import { avatarSeed, hashIp, hashIpNetwork } from './comment-hash.js';
import { type ApprovedCommentRow, areCommentsOpen, type CommentNode, shownCommentIds, threadComments } from './comment.js';

function row(id: string, parentId: string | null, minute: number, extra: Partial<ApprovedCommentRow> = {}): ApprovedCommentRow {
  return {
    id,
    parentId,
    authorName: `Reader ${id}`,
    authorUrl: '',
    isStaff: false,
    body: `Comment ${id}`,
    bodyHtml: '',
    renderVersion: 0,
    avatarSeed: '',
    createdAt: new Date(Date.UTC(2026, 2, 12, 10, minute)),
    ...extra,
  };
}

/** The tree as "id(children)" for readable expectations. */
function shape(nodes: CommentNode[]): string {
  return nodes.map((n) => (n.replies.length ? `${n.id}(${shape(n.replies)})` : n.id)).join(' ');
}

describe('threadComments', () => {
  // a ← b ← c ← d ← e ← f: a chain six deep, and g, a second thread.
  const chain = [row('a', null, 0), row('b', 'a', 1), row('c', 'b', 2), row('d', 'c', 3), row('e', 'd', 4), row('f', 'e', 5), row('g', null, 6)];

  it('nests replies to the configured depth, and puts deeper ones beside their parent', () => {
    expect(shape(threadComments(chain, 5).roots)).toBe('a(b(c(d(e f)))) g');
    expect(shape(threadComments(chain, 3).roots)).toBe('a(b(c d e f)) g');
    expect(shape(threadComments(chain, 1).roots)).toBe('a b c d e f g');
    expect(shape(threadComments(chain).roots)).toBe('a(b(c(d(e f)))) g'); // default: 5, as the setting
    expect(threadComments(chain, 3).count).toBe(7);
  });

  it('orders oldest first at every level, whatever order the rows come in', () => {
    const rows = [row('late', null, 9), row('r2', 'early', 5), row('early', null, 1), row('r1', 'early', 3)];
    expect(shape(threadComments(rows).roots)).toBe('early(r1 r2) late');
  });

  it('leaves out replies to comments not shown, and counts only what it shows', () => {
    const thread = threadComments([row('a', null, 0), row('orphan', 'held', 1), row('under-orphan', 'orphan', 2)]);
    expect(shape(thread.roots)).toBe('a');
    expect(thread.count).toBe(1);
  });

  it('uses the stored rendering while it is current, and renders again when it is not', () => {
    const [current, stale] = threadComments([
      row('a', null, 0, { body: '*new*', bodyHtml: '<p>stored</p>', renderVersion: RENDER_VERSION }),
      row('b', null, 1, { body: '*new*', bodyHtml: '<p>stored</p>', renderVersion: RENDER_VERSION - 1 }),
    ]).roots;
    expect(current!.html).toBe('<p>stored</p>');
    expect(stale!.html).toBe('<p><em>new</em></p>');
  });

  it('carries the staff flag and an avatar, never an email', () => {
    const [node] = threadComments([row('a', null, 0, { isStaff: true, authorName: 'Ana Ferreira' })]).roots;
    expect(node!.isStaff).toBe(true);
    expect(node!.avatar.initials).toBe('AF');
    expect(Object.keys(node!)).not.toContain('authorEmail');
  });
});

describe('shownCommentIds', () => {
  it('shows approved comments whose every ancestor is approved', () => {
    const rows = [
      { id: 'a', parentId: null, status: 'approved' },
      { id: 'b', parentId: 'a', status: 'approved' },
      { id: 'c', parentId: 'b', status: 'pending' },
      { id: 'd', parentId: 'c', status: 'approved' },
      { id: 'e', parentId: 'd', status: 'approved' },
      { id: 'f', parentId: null, status: 'spam' },
      { id: 'g', parentId: 'missing', status: 'approved' },
    ];
    expect([...shownCommentIds(rows)].sort()).toEqual(['a', 'b']);
  });

  it('walks a chain thousands deep without running out of stack', () => {
    const rows = Array.from({ length: 20_000 }, (_, i) => ({ id: `c${i}`, parentId: i === 0 ? null : `c${i - 1}`, status: 'approved' }));
    expect(shownCommentIds(rows).size).toBe(20_000);
  });
});

describe('areCommentsOpen', () => {
  const published = new Date('2026-03-01T12:00:00Z');
  const article = { isPublished: true, commentsOpen: true, publishedAt: published };
  const at = (iso: string) => new Date(iso);

  it('is open on a published article with its switch on, and closes N days after publication', () => {
    expect(areCommentsOpen(article, 0, at('2036-01-01T00:00:00Z'))).toBe(true);
    expect(areCommentsOpen(article, 14, at('2026-03-15T11:59:59Z'))).toBe(true);
    expect(areCommentsOpen(article, 14, at('2026-03-15T12:00:00Z'))).toBe(false);
  });

  it('is closed when the article is not published or its switch is off', () => {
    expect(areCommentsOpen({ ...article, commentsOpen: false }, 0, published)).toBe(false);
    expect(areCommentsOpen({ ...article, isPublished: false }, 0, published)).toBe(false);
    expect(areCommentsOpen({ ...article, publishedAt: null }, 0, published)).toBe(false);
  });
});

describe('avatars and hashes', () => {
  it('draws initials on a colour from a keyed hash of the email, the same for one email in any case', () => {
    const seed = avatarSeed('site-key', 'Hanna@Example.org ');
    expect(seed).toBe(avatarSeed('site-key', 'hanna@example.org'));
    expect(seed).not.toBe(avatarSeed('another-key', 'hanna@example.org'));
    expect(seed).not.toContain('hanna');
    expect(commentAvatar(seed, 'Hanna Voss')).toEqual(commentAvatar(seed, 'Hanna Voss'));
    expect(commentAvatar(seed, 'Hanna Voss').initials).toBe('HV');
  });

  it('spreads commenters over the palette, each colour readable (contrast ≥ 4.5:1)', () => {
    const used = new Set(Array.from({ length: 200 }, (_, i) => commentAvatar(avatarSeed('k', `reader${i}@example.org`), 'R').background));
    expect(used.size).toBe(AVATAR_PALETTE.length);
    for (const { background, foreground } of AVATAR_PALETTE) expect(contrast(background, foreground), background).toBeGreaterThanOrEqual(4.5);
  });

  it('takes initials from the first and last words, in any script', () => {
    expect(initialsOf('Hanna Voss')).toBe('HV');
    expect(initialsOf('milo')).toBe('M');
    expect(initialsOf('P. Arkadi')).toBe('PA');
    expect(initialsOf('Łukasz de la Żmuda')).toBe('ŁŻ');
    expect(initialsOf('Юлия Петрова')).toBe('ЮП');
    expect(initialsOf('  <>  ')).toBe('?');
  });

  it('hashes IPs with the key, one spelling per address, and IPv6 networks by /64 for rate limits', () => {
    expect(hashIp('k', '203.0.113.9')).toMatch(/^[0-9a-f]{32}$/);
    expect(hashIp('k', '::ffff:203.0.113.9')).toBe(hashIp('k', '203.0.113.9'));
    expect(hashIp('k', '203.0.113.9')).not.toBe(hashIp('other', '203.0.113.9'));
    expect(hashIp('k', '')).toBe('');
    expect(hashIpNetwork('k', '2001:db8:1:2::1')).toBe(hashIpNetwork('k', '2001:db8:1:2:ffff::9'));
    expect(hashIpNetwork('k', '2001:db8:1:2::1')).not.toBe(hashIpNetwork('k', '2001:db8:1:3::1'));
    expect(hashIpNetwork('k', '203.0.113.9')).toBe(hashIp('k', '203.0.113.9'));
  });
});

function contrast(a: string, b: string): number {
  const luminance = (hex: string) => {
    const [r, g, bl] = [1, 3, 5].map((i) => Number.parseInt(hex.slice(i, i + 2), 16) / 255).map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
    return 0.2126 * r! + 0.7152 * g! + 0.0722 * bl!;
  };
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi! + 0.05) / (lo! + 0.05);
}
