import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCommentWorld, type CommentWorld, HASH_KEY, RAISED_LIMITS } from '../../test/comment-world.js';
import { testDialects } from '../../test/test-db.js';
import { createUser, SYSTEM_ACTOR } from '../accounts/index.js';
import { createDb, type DbHandle } from '../db/create-db.js';
import { saveSettings } from '../settings/index.js';
import { addBlock } from './block-list.js';
import { hashIp } from './comment-hash.js';
import { listApprovedComments } from './comment.queries.js';
import { moderateComments } from './moderate-comment.js';
import { naiveBayesClassifier } from './spam-classifier.js';
import { loadCorpus } from './spam-corpus/corpus.js';
import { spamFeaturesOf } from './spam-features.js';
import { submitComment, type SubmitOutcome } from './submit-comment.js';

function accepted(outcome: SubmitOutcome) {
  if (outcome.kind === 'rejected') throw new Error(`rejected: ${JSON.stringify(outcome.errors)}`);
  return outcome.comment;
}

describe.each(testDialects)('submitComment on %s', (dialect) => {
  let w: CommentWorld;
  beforeAll(async () => {
    w = await createCommentWorld(dialect);
  });
  afterAll(async () => w?.t.destroy());

  describe('the moderation rule', () => {
    it('holds a first comment from an unknown email, and says why', async () => {
      const outcome = await w.post({ email: 'first@example.org' });
      expect(outcome.kind).toBe('held');
      const comment = accepted(outcome);
      expect(comment).toMatchObject({ status: 'pending', statusReason: 'first-comment', statusNote: 'First comment from this email address.' });
      expect((await listApprovedComments(w.t.db, w.article.id)).map((c) => c.id)).not.toContain(comment.id);
      // Held: no page changes, but the event still names the comment (for notifications).
      expect(w.heard.at(-1)).toEqual({ type: 'comments.changed', articleId: w.article.id, isThreadChanged: false, isCountChanged: false, commentIds: [comment.id] });
    });

    it('lets the next comment of an approved commenter through at once, whatever the case of the email', async () => {
      const first = accepted(await w.post({ email: 'known@example.org' }));
      await moderateComments(w.deps, SYSTEM_ACTOR, [first.id], 'approve');
      const before = await w.countOf();
      const next = await w.post({ email: ' Known@Example.ORG ' });
      expect(next.kind).toBe('approved');
      expect(accepted(next)).toMatchObject({ statusReason: 'known-commenter', authorEmail: 'Known@Example.ORG' });
      expect(await w.countOf()).toBe(before + 1);
      expect(w.heard.at(-1)).toMatchObject({ isThreadChanged: true, isCountChanged: true });
    });

    it('holds every comment under "hold all", and publishes every one under "approve all"', async () => {
      const regular = accepted(await w.post({ email: 'regular@example.org' }));
      await moderateComments(w.deps, SYSTEM_ACTOR, [regular.id], 'approve');
      try {
        await saveSettings(w.deps, { commentModeration: 'hold-all' });
        expect(accepted(await w.post({ email: 'regular@example.org' }))).toMatchObject({ status: 'pending', statusReason: 'hold-all' });
        await saveSettings(w.deps, { commentModeration: 'approve-all' });
        expect(accepted(await w.post({ email: 'stranger@example.org' }))).toMatchObject({ status: 'approved', statusReason: 'approve-all' });
      } finally {
        await saveSettings(w.deps, { commentModeration: 'hold-first' });
      }
    });
  });

  describe('what is stored', () => {
    it('keeps the IP only as a keyed hash, the text as typed and its rendering, and an avatar seed in place of the email', async () => {
      const comment = accepted(await w.post({ email: 'stored@example.org', ip: '203.0.113.77', body: 'An *important* point.\r\n\r\nSecond paragraph.', website: 'sextant.example/notes' }));
      const row = await w.t.db.selectFrom('comments').selectAll().where('id', '=', comment.id).executeTakeFirstOrThrow();
      expect(row.ip_hash).toBe(hashIp(HASH_KEY, '203.0.113.77'));
      expect(Object.values(row).some((v) => typeof v === 'string' && v.includes('203.0.113.77'))).toBe(false);
      expect(row.body).toBe('An *important* point.\n\nSecond paragraph.');
      expect(row.body_html).toBe('<p>An <em>important</em> point.</p><p>Second paragraph.</p>');
      expect(row.author_url).toBe('https://sextant.example/notes');
      expect(row.avatar_seed).toMatch(/^[0-9a-f]{16}$/);
      expect(row.avatar_seed).not.toContain('stored');
      expect(row.email_key).toBe('stored@example.org');
    });

    it('is committed when it returns: another connection reads it at once', async () => {
      const comment = accepted(await w.post({ email: 'durable@example.org' }));
      const other: DbHandle = dialect === 'sqlite' ? createDb({ dialect: 'sqlite', file: w.t.url }) : createDb({ dialect: 'postgres', url: w.t.url }, { poolSize: 1 });
      try {
        const row = await other.db.selectFrom('comments').select(['id', 'status']).where('id', '=', comment.id).executeTakeFirst();
        expect(row).toEqual({ id: comment.id, status: 'pending' });
      } finally {
        await other.close();
      }
    });
  });

  describe('rejected input', () => {
    it('names each bad field with a message, and stores nothing', async () => {
      const before = await w.t.db.selectFrom('comments').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
      const outcome = await w.post({ name: '  ', email: 'not-an-email', website: 'javascript:alert(1)', body: '   ' });
      expect(outcome).toEqual({
        kind: 'rejected',
        reason: 'invalid',
        errors: {
          name: 'Enter your name.',
          email: 'Enter an email address such as name@example.org.',
          website: 'Enter a web address such as https://example.org, or leave it empty.',
          body: 'Write your comment.',
        },
      });
      const after = await w.t.db.selectFrom('comments').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
      expect(Number(after.n)).toBe(Number(before.n));
    });

    it('refuses what is too long, naming the limit', async () => {
      const outcome = await w.post({ name: 'N'.repeat(81), body: 'b'.repeat(5001) });
      expect(outcome.kind === 'rejected' && outcome.errors).toEqual({ name: 'Keep your name to 80 characters.', body: 'Keep your comment to 5,000 characters.' });
      expect((await w.post({ email: 'long@example.org', body: 'b'.repeat(5000) })).kind).toBe('held');
    });

    it('takes a reply only to an approved comment of the same article', async () => {
      const approved = await w.postApproved({ email: 'parent@example.org' });
      const held = accepted(await w.post({ email: 'held-parent@example.org' }));
      const other = await w.publish({ title: 'Another article', slug: 'another-article' });
      const elsewhere = await w.postApproved({ articleId: other.id, email: 'elsewhere@example.org' });
      const message = 'The comment you are replying to is no longer shown. Post your comment on its own instead.';
      for (const parentId of [held.id, elsewhere.id, 'no-such-comment']) {
        const outcome = await w.post({ email: 'replier@example.org', parentId });
        expect(outcome.kind === 'rejected' && outcome.errors, parentId).toEqual({ parentId: message });
      }
      const reply = accepted(await w.post({ email: 'replier@example.org', parentId: approved.id }));
      expect(reply.parentId).toBe(approved.id);
    });

    it('refuses comments on a closed article: its own switch, "close after N days", or not published', async () => {
      const closed = await w.publish({ title: 'Closed', slug: 'closed-article', commentsOpen: false });
      expect(await w.post({ articleId: closed.id })).toEqual({ kind: 'rejected', reason: 'closed', errors: { form: 'Comments on this article are closed.' } });
      const draft = await w.publish({ title: 'Draft', slug: 'draft-article', status: 'draft' });
      expect(await w.post({ articleId: draft.id })).toEqual({ kind: 'rejected', reason: 'closed', errors: { form: 'This article does not take comments.' } });
      expect(await w.post({ articleId: 'no-such-article' })).toMatchObject({ reason: 'closed' });
      // Published 2026-11-19T09:00; the clock reads 2026-11-20T12:00.
      await saveSettings(w.deps, { commentsCloseAfterDays: 1 });
      try {
        expect(await w.post()).toMatchObject({ kind: 'rejected', reason: 'closed' });
        await saveSettings(w.deps, { commentsCloseAfterDays: 2 });
        expect((await w.post({ email: 'in-time@example.org' })).kind).toBe('held');
      } finally {
        await saveSettings(w.deps, { commentsCloseAfterDays: 0 });
      }
    });

    it('caps links per comment, counting addresses written without https://', async () => {
      const three = 'See https://a.example/1, [this](https://b.example/2) and www.cheap-pills.com';
      expect(await w.post({ email: 'links@example.org', body: three })).toEqual({
        kind: 'rejected',
        reason: 'too-many-links',
        errors: { body: 'A comment may hold at most 2 links. Remove some and post again.' },
      });
      expect((await w.post({ email: 'links@example.org', body: 'See https://a.example/1 and https://b.example/2' })).kind).toBe('held');
    });

    it('refuses the same words from the same email on the same article, until the window has passed', async () => {
      const body = 'Dredging the channel to sixteen metres takes three years.';
      expect((await w.post({ email: 'twice@example.org', body })).kind).toBe('held');
      expect(await w.post({ email: 'Twice@example.org', body: ` dredging the channel  to sixteen\nmetres takes three years. ` })).toEqual({
        kind: 'rejected',
        reason: 'duplicate',
        errors: { body: 'You have already posted this comment here. It is shown, or it is waiting for a moderator.' },
      });
      expect((await w.post({ email: 'someone-else@example.org', body })).kind).toBe('held');
      const start = w.clock.now().toISOString();
      w.clock.set(new Date(w.clock.now().getTime() + RAISED_LIMITS.duplicateWindowSeconds * 1000 + 1000).toISOString());
      try {
        expect((await w.post({ email: 'twice@example.org', body })).kind).toBe('held');
      } finally {
        w.clock.set(start);
      }
    });
  });

  describe('rate limits', () => {
    it('limits comments per IP address, then lets them through once the window has passed', async () => {
      const limited = await createCommentWorld(dialect, { ...RAISED_LIMITS, perIp: { limit: 2, windowSeconds: 600 } });
      try {
        const from = (i: number) => limited.post({ ip: '192.0.2.50', email: `ip${i}@example.org` });
        expect((await from(1)).kind).toBe('held');
        expect((await from(2)).kind).toBe('held');
        const refused = await from(3);
        expect(refused).toEqual({
          kind: 'rejected',
          reason: 'rate-limited',
          errors: { form: 'You have posted several comments in a short time. Wait 10 minutes and post again.' },
          retryAfterSeconds: 600,
        });
        expect((await limited.post({ ip: '192.0.2.51', email: 'ip4@example.org' })).kind).toBe('held');
        limited.clock.set('2026-11-20T12:10:00.000Z');
        expect((await from(5)).kind).toBe('held');
      } finally {
        await limited.t.destroy();
      }
    });

    it('limits comments per email across addresses; staff are not limited', async () => {
      const limited = await createCommentWorld(dialect, { ...RAISED_LIMITS, perEmail: { limit: 1, windowSeconds: 60 } });
      try {
        expect((await limited.post({ email: 'busy@example.org' })).kind).toBe('held');
        expect(await limited.post({ email: 'BUSY@example.org' })).toMatchObject({ kind: 'rejected', reason: 'rate-limited', retryAfterSeconds: 60 });
        const staff = await createUser(limited.deps, { email: 'desk@example.org', name: 'Night Desk', role: 'editor', password: 'correct horse battery' });
        for (let i = 0; i < 3; i++) expect((await limited.post({ userId: staff.id, body: `Staff note ${i}` })).kind).toBe('approved');
      } finally {
        await limited.t.destroy();
      }
    });
  });

  describe('staff', () => {
    it('comment under their account with a staff flag, approved at once', async () => {
      const staff = await createUser(w.deps, { email: 'ben.staff@example.org', name: 'Ben Staff', role: 'author', password: 'correct horse battery' });
      const comment = accepted(await w.post({ userId: staff.id, name: 'Someone Else', email: 'ignored@example.org', body: 'We will publish the annex next week.' }));
      expect(comment).toMatchObject({ status: 'approved', isStaff: true, userId: staff.id, authorName: 'Ben Staff', authorEmail: 'ben.staff@example.org', statusReason: 'staff', spamScore: null });
      const shown = (await listApprovedComments(w.t.db, w.article.id)).find((c) => c.id === comment.id);
      expect(shown?.isStaff).toBe(true);
      expect(await w.post({ userId: 'no-such-user' })).toMatchObject({ kind: 'rejected', errors: { form: expect.stringContaining('Sign in again') } });
    });
  });

  describe('the block list and the spam filter', () => {
    it('sends comments from blocked emails, addresses and words to spam, naming the entry', async () => {
      await addBlock(w.deps, SYSTEM_ACTOR, { kind: 'email', value: 'Troll@Example.org' });
      await addBlock(w.deps, SYSTEM_ACTOR, { kind: 'ip', value: '192.0.2.99' });
      await addBlock(w.deps, SYSTEM_ACTOR, { kind: 'word', value: 'Cialis' });
      expect(accepted(await w.post({ email: 'troll@example.org' }))).toMatchObject({ status: 'spam', statusReason: 'blocked-email' });
      expect(accepted(await w.post({ email: 'ip-blocked@example.org', ip: '192.0.2.99' }))).toMatchObject({ status: 'spam', statusReason: 'blocked-ip' });
      const word = await w.post({ email: 'word@example.org', body: 'Cheap CIALIS!' });
      expect(word.kind).toBe('spam');
      expect(accepted(word)).toMatchObject({ statusReason: 'blocked-word', statusNote: 'Contains “cialis”, which is on the block list.' });
      // Whole words only: a specialist is not blocked.
      expect((await w.post({ email: 'specialist@example.org', body: 'A specialist in port law disagrees.' })).kind).toBe('held');
    });

    it('routes what the trained filter judges likely spam to the spam folder, with the score and the words that weighed', async () => {
      const trained = await createCommentWorld(dialect);
      try {
        await trained.t.db.transaction().execute(async (trx) => {
          const filter = naiveBayesClassifier(trx);
          for (const c of loadCorpus()) await filter.learn(spamFeaturesOf(c), c.label);
        });
        const spam = await trained.post({
          name: 'Cheap Meds',
          email: 'sales@pharma.example',
          website: 'https://rx-discount-pharma.example/buy',
          body: 'Buy viagra online without prescription, cheap generic pills, fast discreet shipping. Order now!',
        });
        expect(spam.kind).toBe('spam');
        const comment = accepted(spam);
        expect(comment.statusReason).toBe('spam-filter');
        expect(comment.statusNote).toMatch(/^The spam filter rated it (9\d|100)% likely spam; it weighed most: “/);
        expect(comment.spamScore).toBeGreaterThanOrEqual(0.9);
        const ham = accepted(await trained.post({ email: 'reader@example.org', body: 'The tariff schedule differs for reefers and dry boxes, which matters for fruit exporters.' }));
        expect(ham).toMatchObject({ status: 'pending', statusReason: 'first-comment' });
        expect(ham.spamScore).toBeLessThan(0.5);
        // Spam is kept, never deleted.
        expect(await trained.statusOf(comment.id)).toBe('spam');
      } finally {
        await trained.t.destroy();
      }
    });

    it('says nothing until it has learned enough of both kinds', async () => {
      const fresh = await createCommentWorld(dialect);
      try {
        const outcome = accepted(await fresh.post({ email: 'early@example.org', body: 'Buy viagra online without prescription' }));
        expect(outcome).toMatchObject({ status: 'pending', spamScore: 0.5 });
      } finally {
        await fresh.t.destroy();
      }
    });
  });

  it('keeps the count exact and stores a form sent twice once, when comments arrive at once', async () => {
    const busy = await createCommentWorld(dialect);
    try {
      await saveSettings(busy.deps, { commentModeration: 'approve-all' });
      const outcomes = await Promise.all(Array.from({ length: 24 }, (_, i) => busy.post({ email: `rush${i}@example.org`, body: `Comment ${i} in the rush.` })));
      expect(outcomes.every((o) => o.kind === 'approved')).toBe(true);
      expect(await busy.countOf()).toBe(24);
      const twice = await Promise.all(Array.from({ length: 6 }, () => busy.post({ email: 'double@example.org', body: 'Sent twice by an impatient click.' })));
      expect(twice.filter((o) => o.kind === 'approved')).toHaveLength(1);
      expect(twice.filter((o) => o.kind === 'rejected' && o.reason === 'duplicate')).toHaveLength(5);
      expect(await busy.countOf()).toBe(25);
    } finally {
      await busy.t.destroy();
    }
  });

  it('never throws for what a commenter types', async () => {
    const inputs = [{ body: '\u0000' }, { name: '\u202E\u202E' }, { website: 'http://' }, { email: '@' }, { parentId: "' or 1=1 --" }, { website: 'h'.repeat(500) }];
    for (const input of inputs) await expect(submitComment(w.deps, { articleId: w.article.id, name: 'A', email: 'a@example.org', body: 'b', ip: '', ...input })).resolves.toBeDefined();
  });
});
