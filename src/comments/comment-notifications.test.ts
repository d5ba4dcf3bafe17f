import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createCommentWorld, type CommentWorld } from '../../test/comment-world.js';
import { testDialects } from '../../test/test-db.js';
import { SYSTEM_ACTOR } from '../accounts/index.js';
import { outboxQueue } from '../mail/index.js';
import type { MailQueue } from '../shared/mail-queue.js';
import { notifyOnCommentChanges } from './comment-notifications.js';
import { unsubscribeFromReplies } from './comment-unsubscribe.js';
import { importComments } from './import-comments.js';
import { moderateComments } from './moderate-comment.js';
import type { SpamClassifier } from './spam-classifier.js';
import { submitComment, type SubmitOutcome } from './submit-comment.js';

const SITE = 'https://news.example.org';
const KEY = 'notice-key';

function accepted(outcome: SubmitOutcome) {
  if (outcome.kind === 'rejected') throw new Error(`rejected: ${JSON.stringify(outcome.errors)}`);
  return outcome.comment;
}

/*
 * Comment notifications through the real outbox on both dialects: staff hear of new comments
 * (held or shown, never spam), a commenter who asked hears of an approved reply once, with a
 * signed one-click unsubscribe link; no commenter's address is put in anyone's mail, and a
 * broken outbox never fails or loses the comment.
 */
describe.each(testDialects)('comment notifications on %s', (dialect) => {
  let w: CommentWorld;
  let article: { id: string };
  let errors: unknown[];
  let mail: MailQueue;
  /** what the subscriber hands the outbox: swapped for a broken one in one test */
  const outbox: MailQueue = { queue: (m) => mail.queue(m) };

  const sent = async () =>
    (await w.t.db.selectFrom('mail_outbox').select(['to_address', 'subject', 'body_text', 'list_unsubscribe_url']).orderBy('created_at').orderBy('id').execute()).map((r) => ({
      to: r.to_address,
      subject: r.subject,
      text: r.body_text,
      listUnsubscribeUrl: r.list_unsubscribe_url,
    }));
  const newMail = async (before: number) => (await sent()).slice(before);

  beforeAll(async () => {
    w = await createCommentWorld(dialect);
    // Ben (an author, not a moderator) wrote it; Ana is an editor, so a moderator.
    article = await w.publish({ slug: 'harbour-talks', title: 'Harbour talks — “round two”', authorIds: [w.newsroom.ben.id] });
    mail = outboxQueue({ db: w.t.db, clock: w.clock });
    w.events.subscribe(notifyOnCommentChanges({ db: w.t.db, clock: w.clock, mail: outbox, hashKey: KEY, siteUrl: SITE, onError: (e) => errors.push(e) }));
  });
  beforeEach(() => {
    errors = [];
    mail = outboxQueue({ db: w.t.db, clock: w.clock });
  });
  afterAll(async () => w?.t.destroy());

  it("tells the article's authors and the moderators of a held comment, why it was held, and where the queue is", async () => {
    const before = (await sent()).length;
    const held = accepted(await w.post({ articleId: article.id, name: 'Mara Quell', email: 'mara@example.org', body: 'The second round *needs* observers.' }));
    expect(held.status).toBe('pending');
    const mails = await newMail(before);
    expect(mails.map((m) => m.to).sort()).toEqual(['ana@example.org', 'ben@example.org']);
    for (const m of mails) {
      expect(m.subject).toBe('Comment held for moderation on “Harbour talks — “round two””');
      expect(m.text).toContain('Mara Quell left a comment on “Harbour talks — “round two”” that is waiting for a moderator.');
      expect(m.text).toContain('Why it was held: First comment from this email address.');
      expect(m.text).toContain(`${SITE}/admin/comments/?status=pending`);
      expect(m.text).toContain('The second round *needs* observers.');
      expect(m.text).not.toContain('mara@example.org');
      expect(m.listUnsubscribeUrl).toBeNull(); // staff mail is not a list anyone joined
    }
    // Approving it later is not a new comment: no second notice to staff.
    const count = (await sent()).length;
    await moderateComments(w.deps, SYSTEM_ACTOR, [held.id], 'approve');
    expect((await sent()).length).toBe(count);
    expect(errors).toEqual([]);
  });

  it('tells them of a comment shown at once, with its permalink, and never of spam', async () => {
    const before = (await sent()).length;
    const shown = accepted(await w.post({ articleId: article.id, name: 'Mara Quell', email: 'mara@example.org', body: 'And a follow-up on observers.' }));
    expect(shown.status).toBe('approved');
    const mails = await newMail(before);
    expect(mails.map((m) => m.to).sort()).toEqual(['ana@example.org', 'ben@example.org']);
    expect(mails[0]!.subject).toBe('New comment on “Harbour talks — “round two””');
    expect(mails[0]!.text).toContain(`Read it on the site: ${SITE}/comments/${shown.id}/`);

    const spamFilter = (): SpamClassifier => ({ score: async () => ({ probability: 0.999, signals: ['casino'] }), learn: async () => {} });
    const count = (await sent()).length;
    const spam = await submitComment({ ...w.deps, spamFilter }, { articleId: article.id, name: 'Promo', email: 'promo@example.org', body: 'Cheap casino bonus here.', ip: '203.0.113.9' });
    expect(spam.kind).toBe('spam');
    expect((await sent()).length).toBe(count);
  });

  it('sends nothing for comments imported with their status (moderated elsewhere)', async () => {
    const before = (await sent()).length;
    await importComments(w.t.db, w.events, article.id, [
      { key: 'old', parentKey: null, authorName: 'Old Reader', authorEmail: 'old@example.org', authorUrl: '', body: 'From the old site.', status: 'approved', createdAt: new Date('2026-11-19T10:00:00Z') },
      { key: 'old-held', parentKey: null, authorName: 'Old Held', authorEmail: 'oldheld@example.org', authorUrl: '', body: 'Held on the old site.', status: 'pending', createdAt: new Date('2026-11-19T11:00:00Z') },
    ]);
    expect(await newMail(before)).toEqual([]);
  });

  it('does not mail the writer about their own comment (staff under their account, or an author by email)', async () => {
    const before = (await sent()).length;
    accepted(await w.post({ articleId: article.id, userId: w.newsroom.ana.id, name: '', email: '', body: 'Staff note: the second round starts Monday.' }));
    expect((await newMail(before)).map((m) => m.to)).toEqual(['ben@example.org']);
    const next = (await sent()).length;
    accepted(await w.post({ articleId: article.id, name: 'Ben', email: ' BEN@example.org ', body: 'Author here, answering from home.' }));
    expect((await newMail(next)).map((m) => m.to)).toEqual(['ana@example.org']);
  });

  it('mails a commenter who asked when a reply is approved, once, with a signed unsubscribe link', async () => {
    const parent = await w.postApproved({ articleId: article.id, name: 'Ilse Brandt', email: 'ilse@example.org', body: 'Who pays for the observers?', notifyReplies: true });
    const quiet = await w.postApproved({ articleId: article.id, name: 'Quiet One', email: 'quiet@example.org', body: 'I did not ask for replies.' });
    const before = (await sent()).length;

    // A held reply: staff hear of it, Ilse not yet.
    const reply = accepted(await w.post({ articleId: article.id, parentId: parent.id, name: 'Oskar Venn', email: 'oskar@example.org', body: 'The port authority, as before.' }));
    expect(reply.status).toBe('pending');
    expect((await newMail(before)).map((m) => m.to)).not.toContain('ilse@example.org');

    const approvedAt = (await sent()).length;
    await moderateComments(w.deps, SYSTEM_ACTOR, [reply.id], 'approve');
    const [notice, ...others] = await newMail(approvedAt);
    expect(others).toEqual([]);
    expect(notice!.to).toBe('ilse@example.org');
    expect(notice!.subject).toBe('A reply to your comment on “Harbour talks — “round two””');
    expect(notice!.text).toContain('Oskar Venn replied to your comment');
    expect(notice!.text).toContain('The port authority, as before.');
    expect(notice!.text).toContain(`Read the reply: ${SITE}/comments/${reply.id}/`);
    expect(notice!.text).not.toContain('oskar@example.org');
    const token = /\/comments\/unsubscribe\?token=([^\s]+)/.exec(notice!.text)![1]!;
    // The same link goes in the List-Unsubscribe header, for the mail program's own button.
    expect(notice!.listUnsubscribeUrl).toBe(`${SITE}/comments/unsubscribe?token=${token}`);

    // Taken down and approved again: told once.
    await moderateComments(w.deps, SYSTEM_ACTOR, [reply.id], 'unapprove');
    await moderateComments(w.deps, SYSTEM_ACTOR, [reply.id], 'approve');
    expect((await newMail(approvedAt)).length).toBe(1);

    // One's own reply, and a reply to someone who did not ask: no reply mail.
    const own = (await sent()).length;
    await w.postApproved({ articleId: article.id, parentId: parent.id, name: 'Ilse Brandt', email: 'ILSE@example.org', body: 'Answering myself.' });
    await w.postApproved({ articleId: article.id, parentId: quiet.id, name: 'Oskar Venn', email: 'oskar@example.org', body: 'A reply to the quiet one.' });
    const replyMails = (await newMail(own)).filter((m) => m.subject.startsWith('A reply'));
    expect(replyMails).toEqual([]);

    // The link stops them; a forged one does nothing.
    expect(await unsubscribeFromReplies(w.t.db, KEY, `${parent.id}.${'A'.repeat(32)}`)).toBe(false);
    expect(await unsubscribeFromReplies(w.t.db, 'another-key', token)).toBe(false);
    expect(await unsubscribeFromReplies(w.t.db, KEY, token)).toBe(true);
    const after = (await sent()).length;
    await w.postApproved({ articleId: article.id, parentId: parent.id, name: 'Oskar Venn', email: 'oskar@example.org', body: 'One more answer.' });
    expect((await newMail(after)).filter((m) => m.to === 'ilse@example.org')).toEqual([]);
  });

  it('never fails or loses the comment when the outbox throws', async () => {
    mail = {
      queue: async () => {
        throw new Error('the outbox is down');
      },
    };
    const outcome = await w.post({ articleId: article.id, name: 'Rafe Moll', email: 'rafe@example.org', body: 'Posted while the mail is down.' });
    const comment = accepted(outcome);
    expect(outcome.kind).toBe('held');
    expect(await w.statusOf(comment.id)).toBe('pending');
    expect(errors.map(String)).toEqual(['Error: the outbox is down', 'Error: the outbox is down']);
  });
});
