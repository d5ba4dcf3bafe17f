import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createNewsroom, type Newsroom } from '../../test/factories.js';
import { articleFields, createStaff, type Staff } from '../../test/staff-fixtures.js';
import { createTestDb, type TestDb, testDialects } from '../../test/test-db.js';
import { fixedClock } from '../shared/clock.js';
import type { DomainEvent } from '../shared/domain-events.js';
import { ForbiddenError } from '../shared/errors.js';
import { EventBus } from '../shared/events.js';
import type { ArticleFields } from './article-fields.js';
import { publishArticle, restoreArticleFromTrash, trashArticle, unpublishArticle, withdrawArticle } from './change-article-status.js';
import { saveArticleAs, type StaffSaveAction } from './save-article-as.js';
import { autosaveArticle } from './autosave-article.js';

/*
 * The role rules of issue 6, each held by the use cases themselves (the routes only add a
 * first gate): one test per rule, on both dialects.
 */
describe.each(testDialects)('who may do what to an article, on %s', (dialect) => {
  let t: TestDb;
  let n: Newsroom;
  let staff: Staff;
  const clock = fixedClock('2026-11-20T12:00:00.000Z');
  const events = new EventBus<DomainEvent>();
  const deps = () => ({ db: t.db, clock, events });
  const TZ = 'Europe/Paris';
  let slugCounter = 0;

  const save = (actor: Staff[keyof Staff], action: StaffSaveAction, fields: Partial<ArticleFields>, articleId: string | null = null, version: number | null = null) =>
    saveArticleAs(deps(), actor, { articleId, fields: articleFields(n, { slug: `story-${++slugCounter}`, ...fields }), action, version, timeZone: TZ });
  const stored = (id: string) => t.db.selectFrom('articles').select(['status', 'version', 'title']).where('id', '=', id).executeTakeFirstOrThrow();
  const authorsOf = async (id: string) => (await t.db.selectFrom('article_authors').select('user_id').where('article_id', '=', id).orderBy('position').execute()).map((r) => r.user_id);

  beforeAll(async () => {
    t = await createTestDb(dialect);
    n = await createNewsroom(t.db, clock);
    staff = await createStaff(t.db, clock);
  });
  afterAll(() => t.destroy());

  it('lets a contributor write a draft, as its only author, and submit it for review', async () => {
    const draft = await save(staff.contributor, 'save', {});
    expect(draft.status).toBe('draft');
    expect(await authorsOf(draft.id)).toEqual([staff.contributor.id]);
    const submitted = await save(staff.contributor, 'submit', { title: 'Ferry timetable, revised' }, draft.id, draft.version);
    expect(submitted.status).toBe('pending');
    // Still theirs to edit while it waits for review.
    const edited = await save(staff.contributor, 'save', { title: 'Ferry timetable, revised again' }, draft.id, submitted.version);
    expect(edited.status).toBe('pending');
  });

  it('never lets a contributor publish or schedule, and writes nothing when refused', async () => {
    const draft = await save(staff.contributor, 'save', {});
    await expect(save(staff.contributor, 'publish', {}, draft.id, draft.version)).rejects.toThrow(ForbiddenError);
    await expect(save(staff.contributor, 'publish', { publishAt: '2026-12-01T08:00' }, draft.id, draft.version)).rejects.toThrow(ForbiddenError);
    await expect(save(staff.contributor, 'publish', {})).rejects.toThrow(ForbiddenError);
    await expect(publishArticle(deps(), staff.contributor, draft.id)).rejects.toThrow(ForbiddenError);
    expect(await stored(draft.id)).toMatchObject({ status: 'draft', version: draft.version });
  });

  it('refuses a contributor their own article once it is published, and unpublishing or withdrawing it', async () => {
    const draft = await save(staff.contributor, 'submit', {});
    const published = await save(staff.editor, 'publish', {}, draft.id, draft.version);
    expect(published.status).toBe('published');
    await expect(save(staff.contributor, 'save', { title: 'Changed after publishing' }, draft.id, published.version)).rejects.toThrow(ForbiddenError);
    await expect(unpublishArticle(deps(), staff.contributor, draft.id)).rejects.toThrow(ForbiddenError);
    await expect(withdrawArticle(deps(), staff.contributor, draft.id)).rejects.toThrow(ForbiddenError);
    await expect(trashArticle(deps(), staff.contributor, draft.id)).rejects.toThrow(ForbiddenError);
    await expect(autosaveArticle(deps(), staff.contributor, draft.id, articleFields(n, { title: 'Autosaved over' }), published.version)).rejects.toThrow(ForbiddenError);
    expect(await stored(draft.id)).toMatchObject({ status: 'published', version: published.version });
  });

  it("refuses a contributor someone else's draft", async () => {
    const others = await save(staff.author, 'save', {});
    await expect(save(staff.contributor, 'save', { title: 'Taken over' }, others.id, others.version)).rejects.toThrow(ForbiddenError);
  });

  it('lets an author publish, schedule, unpublish, withdraw and edit their own', async () => {
    const draft = await save(staff.author, 'save', {});
    const scheduled = await save(staff.author, 'publish', { publishAt: '2026-12-01T08:00' }, draft.id, draft.version);
    expect(scheduled.status).toBe('scheduled');
    await unpublishArticle(deps(), staff.author, draft.id);
    expect((await stored(draft.id)).status).toBe('draft');
    const { version } = await stored(draft.id);
    const published = await save(staff.author, 'publish', { publishAt: '' }, draft.id, Number(version));
    expect(published.status).toBe('published');
    const updated = await save(staff.author, 'save', { title: 'Ferry timetable: the update' }, draft.id, published.version);
    expect(updated.status).toBe('published');
    await withdrawArticle(deps(), staff.author, draft.id);
    expect((await stored(draft.id)).status).toBe('withdrawn');
  });

  it("refuses an author someone else's article: editing, publishing, unpublishing", async () => {
    const others = await save(staff.otherAuthor, 'save', {});
    await expect(save(staff.author, 'save', { title: 'Not mine' }, others.id, others.version)).rejects.toThrow(ForbiddenError);
    await expect(publishArticle(deps(), staff.author, others.id)).rejects.toThrow(ForbiddenError);
    const live = await save(staff.otherAuthor, 'publish', {}, others.id, others.version);
    await expect(unpublishArticle(deps(), staff.author, others.id)).rejects.toThrow(ForbiddenError);
    await expect(withdrawArticle(deps(), staff.author, others.id)).rejects.toThrow(ForbiddenError);
    expect((await stored(others.id)).status).toBe(live.status);
  });

  it("lets editors and administrators edit, publish and unpublish anyone's article", async () => {
    for (const actor of [staff.editor, staff.admin]) {
      const draft = await save(staff.contributor, 'submit', {});
      const edited = await save(actor, 'save', { title: 'Edited by the desk' }, draft.id, draft.version);
      expect(edited.status).toBe('pending');
      expect(await publishArticle(deps(), actor, draft.id)).toBe('published');
      await unpublishArticle(deps(), actor, draft.id);
      expect((await stored(draft.id)).status).toBe('draft');
    }
  });

  it("lets only editors name other people as an article's authors", async () => {
    await expect(save(staff.author, 'save', { authorIds: [staff.otherAuthor.id] })).rejects.toThrow(/Only editors/);
    await expect(save(staff.contributor, 'save', { authorIds: [staff.contributor.id, staff.author.id] })).rejects.toThrow(/Only editors/);
    const mine = await save(staff.author, 'save', {});
    await expect(save(staff.author, 'save', { authorIds: [staff.author.id, staff.otherAuthor.id] }, mine.id, mine.version)).rejects.toThrow(/Only editors/);
    expect(await authorsOf(mine.id)).toEqual([staff.author.id]);
    const byDesk = await save(staff.editor, 'save', { authorIds: [staff.author.id, staff.otherAuthor.id] }, mine.id, mine.version);
    expect(await authorsOf(byDesk.id)).toEqual([staff.author.id, staff.otherAuthor.id]);
    // The author keeps the byline the desk gave them when saving without an authors field.
    const again = await save(staff.author, 'save', { title: 'Co-written' }, mine.id, byDesk.version);
    expect(await authorsOf(again.id)).toEqual([staff.author.id, staff.otherAuthor.id]);
  });

  it('lets a contributor trash and restore their own draft, but not restore a published one', async () => {
    const draft = await save(staff.contributor, 'save', {});
    await trashArticle(deps(), staff.contributor, draft.id);
    expect((await stored(draft.id)).status).toBe('trashed');
    await restoreArticleFromTrash(deps(), staff.contributor, draft.id);
    expect((await stored(draft.id)).status).toBe('draft');
    const live = await save(staff.contributor, 'submit', {});
    await publishArticle(deps(), staff.editor, live.id);
    await trashArticle(deps(), staff.editor, live.id);
    await expect(restoreArticleFromTrash(deps(), staff.contributor, live.id)).rejects.toThrow(ForbiddenError);
    await restoreArticleFromTrash(deps(), staff.editor, live.id);
    expect((await stored(live.id)).status).toBe('published');
  });
});
