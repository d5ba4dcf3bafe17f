import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createNewsroom, type Newsroom } from '../../test/factories.js';
import { articleFields, createStaff, type Staff } from '../../test/staff-fixtures.js';
import { createTestDb, type TestDb, testDialects } from '../../test/test-db.js';
import { fixedClock } from '../shared/clock.js';
import type { DomainEvent } from '../shared/domain-events.js';
import { EventBus } from '../shared/events.js';
import { ArticleConflictError } from './article-conflict.js';
import { listArticleRevisions, restoreArticleRevision } from './article-revisions.js';
import { autosaveArticle } from './autosave-article.js';
import { purgeTrashedArticles, trashArticle } from './change-article-status.js';
import { loadArticleEditor } from './load-article-editor.js';
import { createPreviewLink, findPreviewedArticleId, revokePreviewLink } from './preview-link.js';
import { saveArticleAs } from './save-article-as.js';

describe.each(testDialects)('versions, working copies, revisions and the trash, on %s', (dialect) => {
  let t: TestDb;
  let n: Newsroom;
  let staff: Staff;
  const clock = fixedClock('2026-11-20T12:00:00.000Z');
  const events = new EventBus<DomainEvent>();
  const seen: DomainEvent[] = [];
  events.subscribe((e) => {
    seen.push(e);
  });
  const deps = () => ({ db: t.db, clock, events });
  const TZ = 'UTC';
  const live = (id: string) => t.db.selectFrom('articles').select(['title', 'body', 'status', 'version']).where('id', '=', id).executeTakeFirstOrThrow();

  beforeAll(async () => {
    t = await createTestDb(dialect);
    n = await createNewsroom(t.db, clock);
    staff = await createStaff(t.db, clock);
  });
  afterAll(() => t.destroy());

  const publishNew = async (slug: string) => {
    const saved = await saveArticleAs(deps(), staff.author, { articleId: null, fields: articleFields(n, { slug }), action: 'publish', version: null, timeZone: TZ });
    expect(saved.status).toBe('published');
    return saved;
  };

  it('autosaves into a working copy: the live article is unchanged, and nothing is announced', async () => {
    const saved = await publishNew('working-copy');
    seen.length = 0;
    const auto = await autosaveArticle(deps(), staff.author, saved.id, articleFields(n, { slug: 'working-copy', title: 'A better headline, not yet live' }), saved.version);
    expect(auto.version).toBe(saved.version + 1);
    expect((await live(saved.id)).title).toBe('Ferry timetable changes for the winter');
    expect(seen).toEqual([]);
    // The editor opens on the working copy, at the new version.
    const editor = await loadArticleEditor(t.db, staff.author, saved.id, TZ);
    expect(editor.fields.title).toBe('A better headline, not yet live');
    expect(editor.workingCopy).toMatchObject({ savedBy: 'Abel Author' });
    expect(editor.version).toBe(auto.version);
    // "Update" applies it, and the working copy is gone.
    const updated = await saveArticleAs(deps(), staff.author, { articleId: saved.id, fields: editor.fields, action: 'save', version: editor.version, timeZone: TZ });
    expect((await live(saved.id)).title).toBe('A better headline, not yet live');
    expect(updated.version).toBe(auto.version + 1);
    expect((await loadArticleEditor(t.db, staff.author, saved.id, TZ)).workingCopy).toBeNull();
  });

  it('refuses the second of two saves made from the same version, naming who saved and when, and keeps the first', async () => {
    const saved = await publishNew('two-editors');
    clock.set('2026-11-20T12:05:00.000Z');
    await saveArticleAs(deps(), staff.editor, { articleId: saved.id, fields: articleFields(n, { slug: 'two-editors', title: "The editor's title" }), action: 'save', version: saved.version, timeZone: TZ });
    const second = saveArticleAs(deps(), staff.author, { articleId: saved.id, fields: articleFields(n, { slug: 'two-editors', title: "The author's title" }), action: 'save', version: saved.version, timeZone: TZ });
    await expect(second).rejects.toThrow(ArticleConflictError);
    await expect(second).rejects.toMatchObject({ savedBy: 'Eve Editor', savedAt: '2026-11-20T12:05:00.000Z' });
    expect((await live(saved.id)).title).toBe("The editor's title");
    // An autosave from the old version is refused the same way.
    await expect(autosaveArticle(deps(), staff.author, saved.id, articleFields(n, { title: 'Typed meanwhile' }), saved.version)).rejects.toThrow(ArticleConflictError);
  });

  it('keeps a revision of every save, and restores one as a new save from the version the editor saw', async () => {
    const saved = await publishNew('revisions');
    const second = await saveArticleAs(deps(), staff.author, {
      articleId: saved.id,
      fields: articleFields(n, { slug: 'revisions', title: 'Second title', dek: 'Second dek', body: '<p>Second body.</p>' }),
      action: 'save',
      version: saved.version,
      timeZone: TZ,
    });
    const { revisions } = await listArticleRevisions(t.db, staff.author, saved.id);
    expect(revisions.map((r) => r.action)).toEqual(['save', 'publish']);
    const first = revisions[1]!;
    await expect(restoreArticleRevision(deps(), staff.author, saved.id, first.id, saved.version)).rejects.toThrow(ArticleConflictError);
    seen.length = 0;
    const restored = await restoreArticleRevision(deps(), staff.author, saved.id, first.id, second.version);
    const now = await live(saved.id);
    expect(now.title).toBe('Ferry timetable changes for the winter');
    expect(now.body).toContain('The ferry company publishes its winter timetable.');
    expect(now.status).toBe('published');
    expect(restored.version).toBe(second.version + 1);
    expect((await listArticleRevisions(t.db, staff.author, saved.id)).revisions.map((r) => r.action)).toEqual(['restore', 'save', 'publish']);
    expect(seen.filter((e) => e.type === 'article.changed')).toHaveLength(1);
    // Someone who may not edit it may not restore it either.
    await expect(restoreArticleRevision(deps(), staff.otherAuthor, saved.id, first.id, restored.version)).rejects.toThrow(/only the articles you wrote/);
  });

  it('deletes what has been in the trash for 30 days, and nothing younger', async () => {
    clock.set('2026-11-01T12:00:00.000Z');
    const old = await publishNew('old-trash');
    await trashArticle(deps(), staff.author, old.id);
    clock.set('2026-11-20T12:00:00.000Z');
    const young = await publishNew('young-trash');
    await trashArticle(deps(), staff.author, young.id);
    clock.set('2026-12-01T12:00:01.000Z');
    expect(await purgeTrashedArticles(deps())).toEqual([old.id]);
    expect(await t.db.selectFrom('articles').select('id').where('id', 'in', [old.id, young.id]).execute()).toEqual([{ id: young.id }]);
    clock.set('2026-11-20T12:00:00.000Z');
  });

  it('opens a draft at a secret preview URL until the link is revoked', async () => {
    const draft = await saveArticleAs(deps(), staff.contributor, { articleId: null, fields: articleFields(n, { slug: 'preview-me' }), action: 'save', version: null, timeZone: TZ });
    const path = await createPreviewLink(deps(), staff.contributor, draft.id);
    const token = /^\/preview\/([0-9a-f]{64})\/$/.exec(path)![1]!;
    expect(await findPreviewedArticleId(t.db, token)).toBe(draft.id);
    const replaced = await createPreviewLink(deps(), staff.contributor, draft.id);
    expect(await findPreviewedArticleId(t.db, token)).toBeNull();
    await revokePreviewLink(deps(), staff.contributor, draft.id);
    expect(await findPreviewedArticleId(t.db, /\/preview\/([\w-]+)\//.exec(replaced)![1]!)).toBeNull();
    await expect(createPreviewLink(deps(), staff.otherAuthor, draft.id)).rejects.toThrow(/only the articles you wrote/);
  });
});
