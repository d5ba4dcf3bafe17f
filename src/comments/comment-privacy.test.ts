import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCommentWorld, type CommentWorld } from '../../test/comment-world.js';
import { testDialects } from '../../test/test-db.js';
import { createUser, type User } from '../accounts/index.js';
import { saveSettings } from '../settings/index.js';
import { ForbiddenError } from '../shared/errors.js';
import { ANONYMOUS_NAME, eraseCommentsByEmail, exportCommentsByEmail, purgeOldComments } from './comment-privacy.js';
import { moderateComments } from './moderate-comment.js';

describe.each(testDialects)('privacy on %s', (dialect) => {
  let w: CommentWorld;
  let admin: User;
  beforeAll(async () => {
    w = await createCommentWorld(dialect);
    admin = await createUser(w.deps, { email: 'admin@example.org', name: 'Ada Admin', role: 'administrator', password: 'correct horse battery' });
  });
  afterAll(async () => w?.t.destroy());

  it('exports everything stored about an email’s comments, on every article and in every status', async () => {
    const other = await w.publish({ title: 'Second piece', slug: 'second-piece' });
    const one = await w.postApproved({ email: 'Export.Me@example.org', website: 'https://me.example.net', body: 'First.' });
    const two = await w.post({ articleId: other.id, email: 'export.me@example.org', body: 'Second.' });
    await w.post({ email: 'someone.else@example.org' });
    const exported = await exportCommentsByEmail(w.deps, admin, ' EXPORT.me@example.org ');
    expect(exported.email).toBe('export.me@example.org');
    expect(exported.comments.map((c) => c.body)).toEqual(['First.', 'Second.']);
    expect(exported.comments[0]).toMatchObject({ id: one.id, status: 'approved', name: 'Hanna Voss', website: 'https://me.example.net/', email: 'Export.Me@example.org', articleTitle: 'Talks resume over the northern crossings' });
    expect(exported.comments[1]).toMatchObject({ status: two.kind === 'rejected' ? '' : two.kind === 'held' ? 'pending' : two.kind, articleTitle: 'Second piece' });
    expect(exported.comments[0]!.ipHash).toMatch(/^[0-9a-f]{32}$/);
    await expect(exportCommentsByEmail(w.deps, admin, 'not an email')).rejects.toMatchObject({ fields: { email: expect.any(String) } });
  });

  it('anonymizes: the words stay, who wrote them goes, and the count does not move', async () => {
    const kept = await w.postApproved({ email: 'forget.me@example.org', website: 'https://forget.example', body: 'Keep my words.' });
    const before = await w.countOf();
    const { count, events } = await eraseCommentsByEmail(w.deps, admin, 'forget.me@example.org', 'anonymize');
    expect(count).toBe(1);
    const row = await w.t.db.selectFrom('comments').selectAll().where('id', '=', kept.id).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ author_name: ANONYMOUS_NAME, author_email: '', email_key: '', author_url: '', ip_hash: '', user_agent: '', avatar_seed: '', body: 'Keep my words.', status: 'approved' });
    expect(await w.countOf()).toBe(before);
    expect(events).toEqual([{ type: 'comments.changed', articleId: w.article.id, isThreadChanged: true, isCountChanged: false, commentIds: [kept.id] }]);
    expect((await exportCommentsByEmail(w.deps, admin, 'forget.me@example.org')).comments).toEqual([]);
  });

  it('deletes an email’s comments, keeping others’ replies to them, and the count follows', async () => {
    const mine = await w.postApproved({ email: 'delete.me@example.org', body: 'Delete me.' });
    const reply = await w.postApproved({ email: 'replier.p@example.org', parentId: mine.id, body: 'A reply that stays.' });
    const before = await w.countOf();
    const { count } = await eraseCommentsByEmail(w.deps, admin, 'delete.me@example.org', 'delete');
    expect(count).toBe(1);
    expect(await w.statusOf(mine.id)).toBeUndefined();
    expect(await w.statusOf(reply.id)).toBe('approved');
    expect(await w.countOf()).toBe(before - 1);
  });

  it('is an action for those who moderate comments', async () => {
    const author = await createUser(w.deps, { email: 'au@example.org', name: 'Au Thor', role: 'author', password: 'correct horse battery' });
    await expect(exportCommentsByEmail(w.deps, author, 'a@example.org')).rejects.toThrow(ForbiddenError);
    await expect(eraseCommentsByEmail(w.deps, author, 'a@example.org', 'delete')).rejects.toThrow(ForbiddenError);
  });

  it('purges spam and trash older than the retention settings, counted from when they got there', async () => {
    const world = await createCommentWorld(dialect);
    try {
      const ids: Record<string, string> = {};
      for (const name of ['oldSpam', 'newSpam', 'oldTrash', 'keptPending']) {
        const o = await world.post({ email: `${name.toLowerCase()}@example.org` });
        if (o.kind !== 'rejected') ids[name] = o.comment.id;
      }
      await saveSettings(world.deps, { commentSpamRetentionDays: 15, commentTrashRetentionDays: 30 });
      // Marked on 20 November; the new spam only on 1 December.
      await moderateComments(world.deps, admin, [ids.oldSpam!], 'spam');
      await moderateComments(world.deps, admin, [ids.oldTrash!], 'trash');
      world.clock.set('2026-12-01T12:00:00.000Z');
      await moderateComments(world.deps, admin, [ids.newSpam!], 'spam');

      world.clock.set('2026-12-05T12:00:01.000Z'); // 15 days after the old spam, 4 after the new
      expect(await purgeOldComments(world.deps)).toEqual({ spam: 1, trash: 0 });
      expect(await world.statusOf(ids.oldSpam!)).toBeUndefined();
      expect(await world.statusOf(ids.newSpam!)).toBe('spam');
      world.clock.set('2026-12-20T12:00:01.000Z');
      expect(await purgeOldComments(world.deps)).toEqual({ spam: 1, trash: 1 });
      expect(await world.statusOf(ids.keptPending!)).toBe('pending');
      // 0 keeps them for ever.
      await saveSettings(world.deps, { commentSpamRetentionDays: 0 });
      const o = await world.post({ email: 'forever@example.org' });
      if (o.kind !== 'rejected') await moderateComments(world.deps, admin, [o.comment.id], 'spam');
      world.clock.set('2036-01-01T00:00:00.000Z');
      expect((await purgeOldComments(world.deps)).spam).toBe(0);
    } finally {
      await world.t.destroy();
    }
  });
});
