import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { articleInput, createNewsroom, type Newsroom } from '../../test/factories.js';
import { createTestDb, type TestDb, testDialects } from '../../test/test-db.js';
import { acceptInvitation, inviteUser, SYSTEM_ACTOR, updateProfile } from '../accounts/index.js';
import { type ArticleInput, publishDueArticles, purgeTrashedArticles, saveArticle, saveNewArticles, trashArticle } from '../content/index.js';
import { fixedClock } from '../shared/clock.js';
import type { DomainEvent } from '../shared/domain-events.js';
import { EventBus } from '../shared/events.js';
import { outboxQueue } from '../mail/index.js';
import { editTopic, mergeTags, renameTag } from '../structure/index.js';
import { createTag, updateTag, updateTopic } from '../taxonomy/index.js';
import { searchArticles, type SearchOptions, type SearchOutcome, TOTAL_CAP } from './search-articles.js';
import { suggestQuerySpelling, suggestSpelling } from './suggest-spelling.js';

const PUBLIC: SearchOptions = { audience: 'public', sort: 'relevance', page: 1, perPage: 20 };

function titlesOf(outcome: SearchOutcome): string[] {
  if (outcome.kind !== 'results') throw new Error(`expected results, got ${outcome.kind}`);
  return outcome.results.map((r) => r.title).sort();
}

/*
 * Every writer that changes what an article is findable under keeps the index in its own
 * transaction: the tests run with no event subscriber, so nothing after commit can help.
 */
describe.each(testDialects)('the index follows every write on %s', (dialect) => {
  let t: TestDb;
  let n: Newsroom;
  const clock = fixedClock('2026-11-20T12:00:00Z');
  const events = new EventBus<DomainEvent>();
  const deps = () => ({ db: t.db, clock, events });
  const search = (query: string, options: Partial<SearchOptions> = {}) => searchArticles({ db: t.db, dialect }, query, { ...PUBLIC, ...options });
  const save = (overrides: Partial<ArticleInput>) => saveArticle(deps(), articleInput(n, overrides));

  beforeAll(async () => {
    t = await createTestDb(dialect);
    n = await createNewsroom(t.db, clock, events);
  });
  afterAll(async () => t.destroy());

  it('finds articles under a topic\'s new name and aliases, and no longer under the old ones', async () => {
    const topic = await editTopic(deps(), SYSTEM_ACTOR, n.economy.id, { name: 'Economy', aliases: ['Dismal science'], slug: 'economy', parentId: null, kind: 'theme' });
    await save({ slug: 'budget', title: 'The budget passes', primaryTopicId: topic.id, topicIds: [] });
    expect(titlesOf(await search('dismal science'))).toEqual(['The budget passes']);
    await updateTopic(deps(), SYSTEM_ACTOR, topic.id, { name: 'Money matters', aliases: ['Pocketbook'] });
    expect(titlesOf(await search('pocketbook'))).toEqual(['The budget passes']);
    expect(titlesOf(await search('"money matters"'))).toEqual(['The budget passes']);
    const old = await search('"dismal science"');
    expect(titlesOf(old)).toEqual([]);
    expect(old.kind === 'results' && old.matchedTopics).toEqual([]);
  });

  it('finds articles under a tag\'s new name after a rename, and under the kept tag after a merge', async () => {
    const tag = await createTag(deps(), SYSTEM_ACTOR, { slug: 'shipping', name: 'Shipping' });
    const other = await createTag(deps(), SYSTEM_ACTOR, { slug: 'freight', name: 'Freight' });
    await save({ slug: 'tanker', title: 'A tanker docks', tagIds: [tag.id] });
    await save({ slug: 'draft-tanker', title: 'A draft tanker story', tagIds: [tag.id], status: 'draft', publishedAt: null });
    await renameTag(deps(), SYSTEM_ACTOR, tag.id, { slug: 'maritime', name: 'Maritime' });
    expect(titlesOf(await search('maritime'))).toEqual(['A tanker docks']);
    expect(titlesOf(await search('maritime', { audience: 'staff' }))).toEqual(['A draft tanker story', 'A tanker docks']);
    await updateTag(deps(), SYSTEM_ACTOR, tag.id, { name: 'Seafaring' });
    expect(titlesOf(await search('seafaring'))).toEqual(['A tanker docks']);
    expect(titlesOf(await search('maritime'))).toEqual([]);
    await mergeTags(deps(), SYSTEM_ACTOR, { fromTagId: tag.id, intoTagId: other.id });
    expect(titlesOf(await search('seafaring'))).toEqual([]);
    expect(titlesOf(await search('freight', { audience: 'staff' }))).toEqual(['A draft tanker story', 'A tanker docks']);
  });

  it('finds an author\'s articles under the new name', async () => {
    await save({ slug: 'by-ben', title: 'Notes from the quay', authorIds: [n.ben.id] });
    await updateProfile(deps(), n.ben.id, { name: 'Benedict Okafor-Stone' });
    expect(titlesOf(await search('benedict'))).toEqual(['Notes from the quay']);
  });

  it('finds an invited author\'s articles under the name chosen on accepting', async () => {
    const mailDeps = { ...deps(), mail: outboxQueue({ db: t.db, clock }), siteUrl: new URL('https://news.example.org/') };
    // An invited account is on the staff list already; its name is the address's local part until accepted.
    const { user } = await inviteUser(mailDeps, SYSTEM_ACTOR, { email: 'jsmith@example.org', role: 'author' });
    await save({ slug: 'by-invitee', title: 'Tide tables', authorIds: [user.id] });
    expect(titlesOf(await search('jsmith'))).toEqual(['Tide tables']);
    const mail = await t.db.selectFrom('mail_outbox').select('body_text').where('to_address', '=', 'jsmith@example.org').executeTakeFirstOrThrow();
    const token = /accept-invite\?token=([\w-]+)/.exec(mail.body_text)![1]!;
    await acceptInvitation(deps(), { token, name: 'Jane Quillfeather', password: 'a long enough password' });
    expect(titlesOf(await search('quillfeather'))).toEqual(['Tide tables']);
    expect(titlesOf(await search('jsmith'))).toEqual([]);
  });

  it('indexes the first part of a very long body, so a body of 150,000 distinct words saves on PostgreSQL too', async () => {
    // PostgreSQL refuses a tsvector over 1 MB: this body's would be about 2 MB.
    const words = Array.from({ length: 150_000 }, (_, i) => `n${i}`); // no vocabulary words (those are letters only)
    await save({ slug: 'ledger', title: 'The full ledger', body: `<p>Opening ledgerword. ${words.join(' ')} closingword.</p>` });
    expect(titlesOf(await search('ledgerword'))).toEqual(['The full ledger']);
    expect(titlesOf(await search('closingword'))).toEqual([]);
  });

  it('indexes the bulk path in its transaction, drafts for staff only', async () => {
    await saveNewArticles(
      deps(),
      [
        { input: articleInput(n, { slug: 'bulk-one', title: 'Bulk narwhal one' }) },
        { input: articleInput(n, { slug: 'bulk-two', title: 'Bulk narwhal two', status: 'draft', publishedAt: null }) },
      ],
      { announce: 'none' },
    );
    expect(titlesOf(await search('narwhal'))).toEqual(['Bulk narwhal one']);
    expect(titlesOf(await search('narwhal', { audience: 'staff' }))).toEqual(['Bulk narwhal one', 'Bulk narwhal two']);
  });

  it('finds a scheduled article from the moment it is published, not before', async () => {
    await save({ slug: 'embargo', title: 'Embargoed axolotl study', status: 'scheduled', publishedAt: new Date('2026-11-20T13:00:00Z') });
    expect(titlesOf(await search('axolotl'))).toEqual([]);
    clock.set('2026-11-20T13:00:01Z');
    await publishDueArticles(deps());
    expect(titlesOf(await search('axolotl'))).toEqual(['Embargoed axolotl study']);
  });

  it('forgets an article purged from the trash', async () => {
    const a = await save({ slug: 'purged', title: 'Purged pangolin piece' });
    await trashArticle(deps(), SYSTEM_ACTOR, a.id);
    clock.set('2027-01-01T00:00:00Z');
    expect(await purgeTrashedArticles(deps())).toContain(a.id);
    expect(titlesOf(await search('pangolin', { audience: 'staff', statuses: ['trashed'] }))).toEqual([]);
    expect(await t.db.selectFrom('search_documents').select('article_id').where('article_id', '=', a.id).execute()).toEqual([]);
    if (dialect === 'sqlite') await sql`insert into search_fts (search_fts) values ('integrity-check')`.execute(t.db);
  });

  it('builds the vocabulary from published words only, and suggests the common spelling', async () => {
    await save({ slug: 'v1', title: 'Negotiators meet in Belcastro', body: '<p>The negotiators talked until dawn.</p>' });
    await save({ slug: 'v2', title: 'Negotiators return', body: '<p>Negotiators from both sides.</p>' });
    await save({ slug: 'v3', title: 'Hidden quetzalcoatl draft', status: 'draft', publishedAt: null });
    const count = async (term: string) =>
      Number((await t.db.selectFrom('search_terms').select('document_count').where('term', '=', term).executeTakeFirst())?.document_count ?? 0);
    expect(await count('negotiators')).toBeGreaterThanOrEqual(2);
    expect(await count('quetzalcoatl')).toBe(0);
    expect(await suggestSpelling(t.db, 'negotiatiors')).toBe('negotiators');
    expect(await suggestSpelling(t.db, 'negotaitors')).toBe('negotiators'); // a swap of neighbours is one edit
    expect(await suggestSpelling(t.db, 'negotiators')).toBeNull();
    expect(await suggestSpelling(t.db, 'quetzalcoatel')).toBeNull();
    expect(await suggestSpelling(t.db, 'zzzzzzzz')).toBeNull();
    expect(await suggestQuerySpelling(t.db, '"Negotiatiors" -belcastro')).toEqual({
      query: '"negotiators" -belcastro',
      corrections: [{ from: 'negotiatiors', to: 'negotiators' }],
    });
    // Only the first MAX_WORDS_CORRECTED words are weighed: each is a lookup over the vocabulary.
    expect(await suggestQuerySpelling(t.db, 'zzqq xxvv yyww kkww qqpp negotiatiors')).toBeNull();
    expect((await suggestQuerySpelling(t.db, 'xxvv yyww kkww qqpp negotiatiors'))?.query).toBe('xxvv yyww kkww qqpp negotiators');
    // Unpublishing takes the article's words out again.
    const only = await save({ slug: 'v4', title: 'Solitary ocelot', body: '<p>Nothing else.</p>' });
    expect(await count('ocelot')).toBe(1);
    await trashArticle(deps(), SYSTEM_ACTOR, only.id);
    expect(await count('ocelot')).toBe(0);
    expect(await t.db.selectFrom('search_term_trigrams').select('trigram').where('term', '=', 'ocelot').execute()).toEqual([]);
  });
});

describe.each(testDialects)('counts on %s', (dialect) => {
  let t: TestDb;
  beforeAll(async () => {
    t = await createTestDb(dialect);
  });
  afterAll(async () => t.destroy());

  it(`counts exactly up to ${TOTAL_CAP} and says "more" past it`, async () => {
    const clock = fixedClock('2026-11-20T12:00:00Z');
    const deps = { db: t.db, clock, events: new EventBus<DomainEvent>() };
    const n = await createNewsroom(t.db, clock);
    const inputs = Array.from({ length: TOTAL_CAP + 5 }, (_, i) => ({
      input: articleInput(n, { slug: `many-${i}`, title: `Many lemurs ${i}`, publishedAt: new Date(Date.UTC(2026, 0, 1, 0, i)) }),
    }));
    for (let i = 0; i < inputs.length; i += 250) await saveNewArticles(deps, inputs.slice(i, i + 250), { announce: 'none' });
    const search = (options: Partial<SearchOptions>) => searchArticles({ db: t.db, dialect }, 'lemurs', { ...PUBLIC, ...options });
    const first = await search({ perPage: 50 });
    expect(first).toMatchObject({ kind: 'results', total: { count: TOTAL_CAP, isAtLeast: true }, pageCount: TOTAL_CAP / 50 });
    const last = await search({ perPage: 50, page: TOTAL_CAP / 50, sort: 'date' });
    expect(last.kind === 'results' && last.results.length).toBe(50);
    const past = await search({ perPage: 50, page: TOTAL_CAP / 50 + 1 });
    expect(past.kind === 'results' && past.results).toEqual([]);
    const narrow = await search({ from: new Date(Date.UTC(2026, 0, 1, 0, 1000)) });
    expect(narrow).toMatchObject({ total: { count: 5, isAtLeast: false } });
  });
});
