import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCommentWorld, type CommentWorld } from '../../test/comment-world.js';
import { testDialects } from '../../test/test-db.js';
import { createUser, type User } from '../accounts/index.js';
import { ForbiddenError, NotFoundError } from '../shared/errors.js';
import { addBlock, listBlocks, removeBlock } from './block-list.js';
import { threadComments } from './comment.js';
import { listApprovedComments } from './comment.queries.js';
import { findCommentById, findQueuedComment, listCommentQueue } from './list-comments.js';
import { editComment, moderateComment, moderateComments } from './moderate-comment.js';
import { replyFromQueue } from './reply-from-queue.js';
import { DOCUMENTS_TOKEN } from './spam-token.queries.js';

describe.each(testDialects)('moderation on %s', (dialect) => {
  let w: CommentWorld;
  let editor: User;
  let author: User;
  beforeAll(async () => {
    w = await createCommentWorld(dialect);
    editor = await createUser(w.deps, { email: 'mod@example.org', name: 'Mona Moderator', role: 'editor', password: 'correct horse battery' });
    author = await createUser(w.deps, { email: 'writer@example.org', name: 'Walt Writer', role: 'author', password: 'correct horse battery' });
  });
  afterAll(async () => w?.t.destroy());

  /** What readers see of the article, computed from scratch: the count must always equal it. */
  async function shownCount(articleId = w.article.id) {
    return threadComments(await listApprovedComments(w.t.db, articleId)).count;
  }

  it('keeps the article count exact through every transition, and says what readers see changed', async () => {
    const article = await w.publish({ title: 'Transitions', slug: 'transitions' });
    const c = await w.post({ articleId: article.id, email: 'walk@example.org' });
    if (c.kind === 'rejected') throw new Error('rejected');
    const id = c.comment.id;
    const steps = [
      ['approve', 'approved', 1, true],
      ['spam', 'spam', 0, true],
      ['approve', 'approved', 1, true],
      ['trash', 'trash', 0, true],
      ['unapprove', 'pending', 0, false],
      ['spam', 'spam', 0, false],
      ['approve', 'approved', 1, true],
      ['unapprove', 'pending', 0, true],
    ] as const;
    for (const [action, status, count, isChanged] of steps) {
      const result = await moderateComments(w.deps, editor, [id], action);
      expect(await w.statusOf(id), action).toBe(status);
      expect(await w.countOf(article.id), `${action} → count`).toBe(count);
      expect(await shownCount(article.id)).toBe(count);
      expect(result.events, action).toEqual([{ type: 'comments.changed', articleId: article.id, isThreadChanged: isChanged, isCountChanged: isChanged, commentIds: [id] }]);
      expect(await w.t.db.selectFrom('comments').select(['status_reason', 'status_note']).where('id', '=', id).executeTakeFirstOrThrow()).toMatchObject({ status_reason: 'moderator' });
    }
    // Doing it again changes nothing and announces nothing.
    const again = await moderateComments(w.deps, editor, [id], 'unapprove');
    expect(again).toMatchObject({ changedIds: [], unchangedIds: [id], events: [] });
  });

  it('hides replies under a comment taken down, counts only what is shown, and shows them again when it returns', async () => {
    const article = await w.publish({ title: 'Replies', slug: 'replies' });
    const parent = await w.postApproved({ articleId: article.id, email: 'p@example.org' });
    const child = await w.postApproved({ articleId: article.id, email: 'c@example.org', parentId: parent.id });
    await w.postApproved({ articleId: article.id, email: 'g@example.org', parentId: child.id });
    expect(await w.countOf(article.id)).toBe(3);
    await moderateComments(w.deps, editor, [parent.id], 'trash');
    expect(await w.countOf(article.id)).toBe(0);
    expect(await shownCount(article.id)).toBe(0);
    await moderateComments(w.deps, editor, [parent.id], 'approve');
    expect(await w.countOf(article.id)).toBe(3);
  });

  it('deletes for good and keeps the replies, moved up to the deleted comment’s parent', async () => {
    const article = await w.publish({ title: 'Deletion', slug: 'deletion' });
    const top = await w.postApproved({ articleId: article.id, email: 't@example.org' });
    const middle = await w.postApproved({ articleId: article.id, email: 'm@example.org', parentId: top.id });
    const reply = await w.postApproved({ articleId: article.id, email: 'r@example.org', parentId: middle.id });
    const result = await moderateComments(w.deps, editor, [middle.id], 'delete');
    expect(result.changedIds).toEqual([middle.id]);
    expect(await w.statusOf(middle.id)).toBeUndefined();
    const row = await w.t.db.selectFrom('comments').select('parent_id').where('id', '=', reply.id).executeTakeFirstOrThrow();
    expect(row.parent_id).toBe(top.id);
    expect(await w.countOf(article.id)).toBe(2);
    expect(result.events[0]).toMatchObject({ isThreadChanged: true, isCountChanged: true });
    // Deleting a parent and its child together leaves the grandchild at the top.
    await moderateComments(w.deps, editor, [top.id], 'delete');
    expect((await w.t.db.selectFrom('comments').select('parent_id').where('id', '=', reply.id).executeTakeFirstOrThrow()).parent_id).toBeNull();
    expect(await w.countOf(article.id)).toBe(1);
  });

  it('acts on many comments across articles at once: one event per article, and it names what it did not find', async () => {
    const a = await w.publish({ title: 'Bulk A', slug: 'bulk-a' });
    const b = await w.publish({ title: 'Bulk B', slug: 'bulk-b' });
    const ids = [];
    for (const [articleId, i] of [[a.id, 1], [a.id, 2], [b.id, 3]] as const) {
      const o = await w.post({ articleId, email: `bulk${i}@example.org` });
      if (o.kind !== 'rejected') ids.push(o.comment.id);
    }
    const result = await moderateComments(w.deps, editor, [...ids, 'missing-id', ids[0]!], 'approve');
    expect(result.changedIds.sort()).toEqual([...ids].sort());
    expect(result.missingIds).toEqual(['missing-id']);
    expect(result.events.map((e) => [e.articleId, e.commentIds.length]).sort()).toEqual([[a.id, 2], [b.id, 1]].sort());
    expect([await w.countOf(a.id), await w.countOf(b.id)]).toEqual([2, 1]);
  });

  it('is for those who moderate comments', async () => {
    const o = await w.post({ email: 'role@example.org' });
    if (o.kind === 'rejected') throw new Error('rejected');
    await expect(moderateComments(w.deps, author, [o.comment.id], 'approve')).rejects.toThrow(ForbiddenError);
    await expect(listCommentQueue(w.t.db, author)).rejects.toThrow(ForbiddenError);
    await expect(editComment(w.deps, author, o.comment.id, { name: 'x', email: 'x@example.org', website: '', body: 'x' })).rejects.toThrow(ForbiddenError);
    await expect(addBlock(w.deps, author, { kind: 'word', value: 'casino' })).rejects.toThrow(ForbiddenError);
    expect(await w.statusOf(o.comment.id)).toBe('pending');
    await expect(moderateComment(w.deps, 'no-such-comment', 'approved')).rejects.toThrow(NotFoundError);
  });

  describe('teaching the spam filter', () => {
    async function documents() {
      const row = await w.t.db.selectFrom('spam_tokens').select(['spam', 'ham']).where('token', '=', DOCUMENTS_TOKEN).executeTakeFirst();
      return { spam: Number(row?.spam ?? 0), ham: Number(row?.ham ?? 0) };
    }
    async function tokenCounts(token: string) {
      const row = await w.t.db.selectFrom('spam_tokens').select(['spam', 'ham']).where('token', '=', token).executeTakeFirst();
      return { spam: Number(row?.spam ?? 0), ham: Number(row?.ham ?? 0) };
    }

    it('learns "not spam" from an approval and "spam" from a spam mark, once each, and takes a lesson back when a moderator changes their mind', async () => {
      const o = await w.post({ email: 'lesson@example.org', body: 'Zanzibarian widgets outperform turnips' });
      if (o.kind === 'rejected') throw new Error('rejected');
      const id = o.comment.id;
      const start = await documents();
      await moderateComments(w.deps, editor, [id], 'approve');
      expect(await documents()).toEqual({ spam: start.spam, ham: start.ham + 1 });
      expect(await tokenCounts('zanzibarian')).toEqual({ spam: 0, ham: 1 });
      await moderateComments(w.deps, editor, [id], 'unapprove');
      await moderateComments(w.deps, editor, [id], 'approve');
      expect(await documents()).toEqual({ spam: start.spam, ham: start.ham + 1 });
      await moderateComments(w.deps, editor, [id], 'spam');
      expect(await documents()).toEqual({ spam: start.spam + 1, ham: start.ham });
      expect(await tokenCounts('zanzibarian')).toEqual({ spam: 1, ham: 0 });
      await moderateComments(w.deps, editor, [id], 'approve');
      expect(await documents()).toEqual({ spam: start.spam, ham: start.ham + 1 });
      // Trashing is no verdict on spam: nothing is learned, nothing taken back.
      await moderateComments(w.deps, editor, [id], 'trash');
      expect(await documents()).toEqual({ spam: start.spam, ham: start.ham + 1 });
      expect(await tokenCounts('zanzibarian')).toEqual({ spam: 0, ham: 1 });
    });
  });

  describe('editing', () => {
    it('re-renders an edited comment and announces a change only when readers see it', async () => {
      const shown = await w.postApproved({ email: 'edit-shown@example.org' });
      const result = await editComment(w.deps, editor, shown.id, { name: 'Edited Name', email: 'edit-shown@example.org', website: '', body: 'Now with **strong** words.' });
      expect(result.kind).toBe('edited');
      const row = await w.t.db.selectFrom('comments').selectAll().where('id', '=', shown.id).executeTakeFirstOrThrow();
      expect(row).toMatchObject({ author_name: 'Edited Name', body: 'Now with **strong** words.', body_html: '<p>Now with <strong>strong</strong> words.</p>', status: 'approved' });
      expect(row.edited_at).toBe(w.clock.now().toISOString());
      expect(w.heard.at(-1)).toMatchObject({ commentIds: [shown.id], isThreadChanged: true, isCountChanged: false });

      const held = await w.post({ email: 'edit-held@example.org' });
      if (held.kind === 'rejected') throw new Error('rejected');
      await editComment(w.deps, editor, held.comment.id, { name: 'H', email: 'edit-held@example.org', website: '', body: 'Fixed a typo.' });
      expect(w.heard.at(-1)).toMatchObject({ commentIds: [held.comment.id], isThreadChanged: false, isCountChanged: false });
    });

    it('answers bad fields with messages and changes nothing', async () => {
      const shown = await w.postApproved({ email: 'edit-bad@example.org', body: 'Original words.' });
      const result = await editComment(w.deps, editor, shown.id, { name: '', email: 'nope', website: '', body: 'x' });
      expect(result).toEqual({ kind: 'rejected', errors: { name: 'Enter your name.', email: 'Enter an email address such as name@example.org.' } });
      expect((await w.t.db.selectFrom('comments').select('body').where('id', '=', shown.id).executeTakeFirstOrThrow()).body).toBe('Original words.');
      await expect(editComment(w.deps, editor, 'no-such', { name: 'a', email: 'a@example.org', website: '', body: 'b' })).rejects.toThrow(NotFoundError);
    });
  });

  describe('the queue', () => {
    it('filters by status, article, words, IP hash and email, newest first, with counts per status', async () => {
      const article = await w.publish({ title: 'Queue article', slug: 'queue-article' });
      const on = { articleId: article.id };
      const a = await w.post({ ...on, name: 'Quentin Query', email: 'q1@example.org', body: 'About the 100% tariff_rate on reefers.', ip: '192.0.2.10' });
      w.clock.set('2026-11-20T12:01:00.000Z');
      const b = await w.post({ ...on, name: 'Rita', email: 'Q2@example.org', body: 'Dredging is slow.', ip: '192.0.2.10' });
      w.clock.set('2026-11-20T12:02:00.000Z');
      const c = await w.post({ ...on, name: 'Sam', email: 'q2@example.org', body: 'Second from the same email.', ip: '192.0.2.11' });
      w.clock.set('2026-11-20T12:00:00.000Z');
      const [ia, ib, ic] = [a, b, c].map((o) => (o.kind === 'rejected' ? '' : o.comment.id)) as [string, string, string];
      await moderateComments(w.deps, editor, [ia], 'spam');

      const all = await listCommentQueue(w.t.db, editor, on);
      expect(all.items.map((i) => i.id)).toEqual([ic, ib, ia]);
      expect(all.counts).toEqual({ pending: 2, approved: 0, spam: 1, trash: 0 });
      expect(all.items[0]).toMatchObject({ articleTitle: 'Queue article', authorEmail: 'q2@example.org', excerpt: 'Second from the same email.' });
      expect(all.items[2]).toMatchObject({ status: 'spam', statusReason: 'moderator' });

      expect((await listCommentQueue(w.t.db, editor, { ...on, status: 'pending' })).items.map((i) => i.id)).toEqual([ic, ib]);
      expect((await listCommentQueue(w.t.db, editor, { ...on, search: 'QUERY' })).items.map((i) => i.id)).toEqual([ia]);
      expect((await listCommentQueue(w.t.db, editor, { ...on, search: 'dredging' })).items.map((i) => i.id)).toEqual([ib]);
      // LIKE's wildcards are searched for as themselves.
      expect((await listCommentQueue(w.t.db, editor, { ...on, search: '100%' })).items.map((i) => i.id)).toEqual([ia]);
      expect((await listCommentQueue(w.t.db, editor, { ...on, search: 'tariff_rate' })).items.map((i) => i.id)).toEqual([ia]);
      expect((await listCommentQueue(w.t.db, editor, { ...on, search: '_' })).items.map((i) => i.id)).toEqual([ia]);
      const ipHash = all.items[2]!.ipHash;
      expect((await listCommentQueue(w.t.db, editor, { ipHash })).items.map((i) => i.id)).toEqual([ib, ia]);
      const byEmail = await listCommentQueue(w.t.db, editor, { email: ' q2@EXAMPLE.org' });
      expect(byEmail.items.map((i) => i.id)).toEqual([ic, ib]);
      expect(byEmail.counts).toEqual({ pending: 2, approved: 0, spam: 0, trash: 0 });
    });

    it('finds one comment for its edit screen, for moderators only', async () => {
      const o = await w.post({ email: 'one@example.org', body: 'Just this one.' });
      if (o.kind === 'rejected') throw new Error('rejected');
      expect(await findQueuedComment(w.t.db, editor, o.comment.id)).toMatchObject({ id: o.comment.id, articleTitle: 'Talks resume over the northern crossings', excerpt: 'Just this one.', authorEmail: 'one@example.org' });
      await expect(findQueuedComment(w.t.db, author, o.comment.id)).rejects.toThrow(ForbiddenError);
      await expect(findQueuedComment(w.t.db, editor, 'missing')).rejects.toThrow(NotFoundError);
      expect((await findCommentById(w.t.db, o.comment.id))?.body).toBe('Just this one.');
      expect(await findCommentById(w.t.db, 'missing')).toBeNull();
    });

    it('pages through the queue', async () => {
      const article = await w.publish({ title: 'Paged', slug: 'paged' });
      for (let i = 0; i < 5; i++) {
        w.clock.set(`2026-11-20T13:0${i}:00.000Z`);
        await w.post({ articleId: article.id, email: `page${i}@example.org`, body: `Comment number ${i}` });
      }
      w.clock.set('2026-11-20T12:00:00.000Z');
      const second = await listCommentQueue(w.t.db, editor, { articleId: article.id, perPage: 2, page: 2 });
      expect(second).toMatchObject({ total: 5, page: 2, perPage: 2, pageCount: 3 });
      expect(second.items.map((i) => i.excerpt)).toEqual(['Comment number 2', 'Comment number 1']);
      expect((await listCommentQueue(w.t.db, editor, { articleId: article.id, perPage: 2, page: 99 })).page).toBe(3);
    });
  });

  it('replies from the queue under the moderator\'s account, approving a held comment first', async () => {
    const held = await w.post({ email: 'asks@example.org', body: 'Where does the 4.6 million figure come from?' });
    if (held.kind === 'rejected') throw new Error('rejected');
    const before = await w.countOf();
    const reply = await replyFromQueue(w.deps, editor, held.comment.id, { body: 'From the port authority\'s annual report, table 3.', ip: '192.0.2.1' });
    expect(reply.kind).toBe('approved');
    if (reply.kind === 'rejected') return;
    expect(reply.comment).toMatchObject({ parentId: held.comment.id, isStaff: true, authorName: 'Mona Moderator', userId: editor.id });
    expect(await w.statusOf(held.comment.id)).toBe('approved');
    expect(await w.countOf()).toBe(before + 2);
    await expect(replyFromQueue(w.deps, author, held.comment.id, { body: 'x', ip: '' })).rejects.toThrow(ForbiddenError);
    const spam = await w.post({ email: 'spam-answer@example.org' });
    if (spam.kind === 'rejected') throw new Error('rejected');
    await moderateComments(w.deps, editor, [spam.comment.id], 'spam');
    expect(await replyFromQueue(w.deps, editor, spam.comment.id, { body: 'No.', ip: '' })).toMatchObject({ kind: 'rejected', errors: { parentId: expect.any(String) } });
  });

  it('keeps a block list moderators can read and change', async () => {
    await addBlock(w.deps, editor, { kind: 'word', value: '  Free   Spins ', note: 'casino campaign' });
    await addBlock(w.deps, editor, { kind: 'ip', value: '203.0.113.5' });
    const entries = await listBlocks(w.t.db, editor);
    expect(entries.map((e) => [e.kind, e.value])).toContainEqual(['word', 'free spins']);
    const ip = entries.find((e) => e.kind === 'ip' && e.value !== '')!;
    expect(ip.value).toMatch(/^[0-9a-f]{32}$/);
    expect(await removeBlock(w.deps, editor, 'ip', '203.0.113.5')).toBe(true);
    expect(await removeBlock(w.deps, editor, 'word', 'free spins')).toBe(true);
    expect(await removeBlock(w.deps, editor, 'word', 'free spins')).toBe(false);
    await expect(addBlock(w.deps, editor, { kind: 'ip', value: 'not an address' })).rejects.toMatchObject({ fields: { value: 'Enter an IP address or an IP hash from the moderation queue.' } });
  });
});
