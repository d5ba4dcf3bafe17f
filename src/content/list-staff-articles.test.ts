import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createNewsroom, type Newsroom } from '../../test/factories.js';
import { articleFields, createStaff, type Staff } from '../../test/staff-fixtures.js';
import { createTestDb, type TestDb, testDialects } from '../../test/test-db.js';
import { fixedClock } from '../shared/clock.js';
import type { DomainEvent } from '../shared/domain-events.js';
import { EventBus } from '../shared/events.js';
import { monthRange } from '../shared/zoned-time.js';
import { trashArticle } from './change-article-status.js';
import { defaultAuthorFilter, listArticlesAwaitingReview, listRecentArticleActivity, listScheduledArticles, listStaffArticles, type StaffListQuery } from './list-staff-articles.js';
import { saveArticleAs } from './save-article-as.js';

describe.each(testDialects)('the admin article lists and the dashboard feeds, on %s', (dialect) => {
  let t: TestDb;
  let n: Newsroom;
  let staff: Staff;
  const clock = fixedClock('2026-11-20T12:00:00.000Z');
  const deps = () => ({ db: t.db, clock, events: new EventBus<DomainEvent>() });
  const query = (changes: Partial<StaffListQuery> = {}): StaffListQuery => ({ tab: 'all', author: null, topicId: null, month: null, title: '', page: 1, ...changes });
  const titles = (list: Awaited<ReturnType<typeof listStaffArticles>>) => list.items.items.map((i) => i.title);

  beforeAll(async () => {
    t = await createTestDb(dialect);
    n = await createNewsroom(t.db, clock);
    staff = await createStaff(t.db, clock);
    const save = (actor: Staff[keyof Staff], title: string, action: 'save' | 'submit' | 'publish', extra: Parameters<typeof articleFields>[1] = {}) =>
      saveArticleAs(deps(), actor, { articleId: null, fields: articleFields(n, { title, ...extra }), action, version: null, timeZone: 'UTC' });
    for (let i = 0; i < 22; i++) {
      clock.set(`2026-11-${String(1 + (i % 19)).padStart(2, '0')}T09:00:00.000Z`);
      await save(staff.author, `Harbour brief ${i}`, 'save');
    }
    clock.set('2026-10-15T09:00:00.000Z');
    await save(staff.editor, 'October feature on 100% of ports', 'publish', { primaryTopicId: n.front.id });
    clock.set('2026-11-20T10:00:00.000Z');
    await save(staff.contributor, 'Waiting for an editor', 'submit');
    await save(staff.editor, 'Embargoed until Monday', 'publish', { publishAt: '2026-11-23T07:00' });
    const doomed = await save(staff.author, 'Thrown away', 'save');
    await trashArticle(deps(), staff.author, doomed.id);
    clock.set('2026-11-20T12:00:00.000Z');
  });
  afterAll(() => t.destroy());

  it('counts every tab and pages through one', async () => {
    const list = await listStaffArticles(t.db, staff.editor, query());
    expect(list.counts).toEqual({ all: 25, draft: 22, pending: 1, scheduled: 1, published: 1, withdrawn: 0, trashed: 1 });
    expect(list.items.items).toHaveLength(20);
    expect(list.items.pageCount).toBe(2);
    expect((await listStaffArticles(t.db, staff.editor, query({ page: 2 }))).items.items).toHaveLength(5);
    expect(titles(await listStaffArticles(t.db, staff.editor, query({ tab: 'trashed' })))).toEqual(['Thrown away']);
    expect(titles(await listStaffArticles(t.db, staff.editor, query()))).not.toContain('Thrown away');
  });

  it('filters by author (writers see their own by default), topic, month and title', async () => {
    expect(defaultAuthorFilter(staff.contributor)).toBe(staff.contributor.id);
    expect(defaultAuthorFilter(staff.editor)).toBeNull();
    expect(titles(await listStaffArticles(t.db, staff.contributor, query({ author: 'mine' })))).toEqual(['Waiting for an editor']);
    expect(titles(await listStaffArticles(t.db, staff.editor, query({ topicId: n.world.id })))).toEqual([]); // only direct topics
    expect(titles(await listStaffArticles(t.db, staff.editor, query({ topicId: n.front.id })))).toEqual(['October feature on 100% of ports']);
    expect(titles(await listStaffArticles(t.db, staff.editor, query({ month: monthRange({ year: 2026, month: 10 }, 'UTC') })))).toEqual(['October feature on 100% of ports']);
    // The title filter is a plain substring: "%" is a character, not a wildcard.
    expect(titles(await listStaffArticles(t.db, staff.editor, query({ title: '100%' })))).toEqual(['October feature on 100% of ports']);
    expect(titles(await listStaffArticles(t.db, staff.editor, query({ title: '%' })))).toEqual(['October feature on 100% of ports']);
    expect((await listStaffArticles(t.db, staff.editor, query({ title: 'harbour BRIEF 1' }))).items.total).toBe(11);
  });

  it('says per row what the actor may do', async () => {
    const list = await listStaffArticles(t.db, staff.otherAuthor, query({ title: 'Waiting' }));
    expect(list.items.items[0]).toMatchObject({ canEdit: false, canPublish: false });
    const own = await listStaffArticles(t.db, staff.contributor, query({ title: 'Waiting' }));
    expect(own.items.items[0]).toMatchObject({ canEdit: true, canPublish: false });
  });

  it('feeds the dashboard: awaiting review, scheduled with their times, recent activity with who and when', async () => {
    expect((await listArticlesAwaitingReview(t.db)).map((a) => a.title)).toEqual(['Waiting for an editor']);
    expect(await listScheduledArticles(t.db)).toEqual([expect.objectContaining({ title: 'Embargoed until Monday', at: '2026-11-23T07:00:00.000Z' })]);
    const activity = await listRecentArticleActivity(t.db, 3);
    expect(activity.map((a) => [a.title, a.action, a.by])).toEqual([
      ['Embargoed until Monday', 'publish', 'Eve Editor'],
      ['Waiting for an editor', 'save', 'Cleo Contributor'],
      ['Harbour brief 18', 'save', 'Abel Author'],
    ]);
  });
});
