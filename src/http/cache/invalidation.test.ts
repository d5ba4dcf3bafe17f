import sharp from 'sharp';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SYSTEM_ACTOR, updateProfile } from '../../accounts/index.js';
import { DEFAULT_COMMENT_LIMITS, editComment, importComments, moderateComment, moderateComments, submitComment } from '../../comments/index.js';
import {
  type ArticleInput,
  createPage,
  publishDueArticles,
  restoreArticleFromTrash,
  restoreArticleRevision,
  saveArticle,
  trashArticle,
  unpublishArticle,
  updatePage,
  withdrawArticle,
} from '../../content/index.js';
import { storeImage, updateMediaDetails } from '../../media/index.js';
import { saveRedirect } from '../../redirects/index.js';
import { saveSettings } from '../../settings/index.js';
import { relatedSummaryRows } from '../../site/pages/article-page.queries.js';
import { mergeTags, moveTopic, renameTag } from '../../structure/index.js';
import { createTopic, updateTag, updateTopic } from '../../taxonomy/index.js';
import { articleInput, createNewsroom, type Newsroom } from '../../../test/factories.js';
import { createTestApp, type TestApp } from '../../../test/test-app.js';
import { testDialects } from '../../../test/test-db.js';
import { cacheKeyOf } from './cache-key.js';
import { PageCache } from './page-cache.js';

/*
 * Invalidation, proven both ways. Every page type is warmed into the cache; then one write
 * is made through its use case, and for every warmed page the test says whether it must be
 * dropped (it showed what changed) or kept (it did not). The expected sets are written by
 * hand from what each page shows; deleting any line of the event → tags map, or of a
 * page's tags, turns one of these red.
 */

const A = '/world/levant/northern-front/talks-resume/';
const C = '/world/levant/northern-front/convoy-schedule/';
const B = '/economy/port-tariffs-rise/';

/** Every page type, by name. */
const PAGES = {
  home: '/',
  articleA: A,
  articleC: C, // lists A as related
  articleB: B, // lists neither A nor C
  topicWorld: '/world/',
  topicLevant: '/world/levant/',
  topicFront: '/world/levant/northern-front/',
  topicEconomy: '/economy/',
  tagCeasefire: '/tag/ceasefire/',
  tagPorts: '/tag/ports/',
  authorAna: '/author/ana-ferreira/',
  authorBen: '/author/ben-okafor/',
  archiveNov: '/archive/2026/11/',
  archiveOct: '/archive/2026/10/',
  archiveIndex: '/archive/',
  feedRss: '/feed/',
  feedAtom: '/feed/atom/',
  feedJson: '/feed/json/',
  frontFeedRss: '/world/levant/northern-front/feed/',
  frontFeedAtom: '/world/levant/northern-front/feed/atom/',
  frontFeedJson: '/world/levant/northern-front/feed/json/',
  economyFeedRss: '/economy/feed/',
  tagFeedRss: '/tag/ceasefire/feed/',
  tagFeedAtom: '/tag/ceasefire/feed/atom/',
  tagFeedJson: '/tag/ceasefire/feed/json/',
  authorFeedRss: '/author/ana-ferreira/feed/',
  authorFeedAtom: '/author/ana-ferreira/feed/atom/',
  authorFeedJson: '/author/ana-ferreira/feed/json/',
  sitemapIndex: '/sitemap.xml',
  sitemapArticles: '/sitemap-articles-1.xml',
  sitemapSections: '/sitemap-pages.xml',
  staticPage: '/about/',
  robots: '/robots.txt',
  commentFeed: '/feed/comments/',
  commentFeedAtom: '/feed/comments/atom/',
  commentFeedJson: '/feed/comments/json/',
  aCommentFeed: `${A}feed/`,
  aCommentFeedAtom: `${A}feed/atom/`,
  aCommentFeedJson: `${A}feed/json/`,
  bCommentFeed: `${B}feed/`,
} as const;
type PageName = keyof typeof PAGES;
const ALL = Object.keys(PAGES) as PageName[];

// Groups of pages, named by what they show.
const SITE_LISTS: PageName[] = ['home', 'feedRss', 'feedAtom', 'feedJson', 'sitemapIndex', 'sitemapArticles', 'sitemapSections', 'archiveIndex'];
const FRONT_FEEDS: PageName[] = ['frontFeedRss', 'frontFeedAtom', 'frontFeedJson'];
const TAG_FEEDS: PageName[] = ['tagFeedRss', 'tagFeedAtom', 'tagFeedJson'];
const AUTHOR_FEEDS: PageName[] = ['authorFeedRss', 'authorFeedAtom', 'authorFeedJson'];
const SITE_FEEDS: PageName[] = ['feedRss', 'feedAtom', 'feedJson'];
/** The site's latest comments (B's shown comment is in them; A's only comment is held). */
const COMMENT_FEEDS: PageName[] = ['commentFeed', 'commentFeedAtom', 'commentFeedJson'];
/** A's comment feeds: they name A (title, URL under its primary topic). */
const A_COMMENT_FEEDS: PageName[] = ['aCommentFeed', 'aCommentFeedAtom', 'aCommentFeedJson'];
/** Every page that shows article A: its own, its card on lists, its entry in feeds, C's related list. */
const SHOWING_A: PageName[] = [
  'articleA',
  'articleC',
  'home',
  'topicWorld',
  'topicLevant',
  'topicFront',
  ...FRONT_FEEDS,
  'tagCeasefire',
  ...TAG_FEEDS,
  'authorAna',
  ...AUTHOR_FEEDS,
  'archiveNov',
  ...SITE_FEEDS,
];
/** The pages that list the latest articles or every URL (home, site feeds, sitemaps): not the archive index. */
const LATEST_LISTS: PageName[] = SITE_LISTS.filter((name) => name !== 'archiveIndex');
/** The pages that show a URL of Northern Front's (its page, feeds, A's and C's pages and cards), with the site-wide lists. */
const FRONT_URLS_CHANGED: PageName[] = [...SHOWING_A, ...A_COMMENT_FEEDS, ...LATEST_LISTS];
/** A public article changed: the site-wide lists (home, site feeds, sitemaps, archive index) follow. */
const A_CHANGED: PageName[] = [...SHOWING_A, ...A_COMMENT_FEEDS, ...SITE_LISTS];
/** An article went public (published, on time, or back from the trash): its approved comments may join the site's. */
const E_WENT_PUBLIC: PageName[] = [...SITE_LISTS, ...COMMENT_FEEDS, 'archiveNov', 'topicEconomy', 'economyFeedRss', 'tagPorts', 'authorBen'];

interface Ctx {
  t: TestApp;
  n: Newsroom;
  ids: { a: string; b: string; c: string; e: string; comment: string; shownOnB: string; page: string; image: string; coast: string };
}
type Deps = { db: TestApp['db']; clock: TestApp['clock']; events: TestApp['events'] };

interface Scenario {
  write: string;
  /** a write made before the pages are warmed (the state the scenario starts from) */
  prepare?: (ctx: Ctx, deps: Deps) => Promise<unknown>;
  run: (ctx: Ctx, deps: Deps) => Promise<unknown>;
  dropped: PageName[];
  /** an article page whose related list must change with this write (dropped for that reason alone) */
  relatedChanges?: PageName[];
}

const SCENARIOS: Scenario[] = [
  {
    write: 'publish an article (E: economy, tag ports, by Ben, in November)',
    run: ({ n, ids }, deps) => saveArticle(deps, articleE(n, { status: 'published' }), { articleId: ids.e }),
    dropped: E_WENT_PUBLIC,
    relatedChanges: ['articleB'],
  },
  {
    write: "edit an article's title",
    run: ({ n, ids }, deps) => saveArticle(deps, articleA(n, { title: 'Talks resume at last' }), { articleId: ids.a }),
    dropped: A_CHANGED,
  },
  {
    write: "change an article's topics (A moves from Northern Front to Economy)",
    run: ({ n, ids }, deps) => saveArticle(deps, articleA(n, { primaryTopicId: n.economy.id, topicIds: [n.economy.id] }), { articleId: ids.a }),
    dropped: [...A_CHANGED, 'topicEconomy', 'economyFeedRss'],
  },
  {
    write: 'withdraw an article',
    run: ({ n, ids }, deps) => withdrawArticle(deps, editorOf(n), ids.a),
    dropped: A_CHANGED,
  },
  {
    write: 'unpublish an article (back to draft)',
    run: ({ n, ids }, deps) => saveArticle(deps, articleA(n, { status: 'draft' }), { articleId: ids.a }),
    dropped: A_CHANGED,
  },
  {
    write: 'a scheduled article goes live on time (E, scheduled for later today)',
    prepare: ({ n, ids }, deps) => saveArticle(deps, articleE(n, { status: 'published', publishedAt: new Date('2026-11-20T15:00:00Z') }), { articleId: ids.e }),
    run: async (ctx, deps) => {
      ctx.t.clock.set('2026-11-20T15:00:05.000Z');
      expect(await publishDueArticles(deps)).toEqual([ctx.ids.e]);
    },
    dropped: E_WENT_PUBLIC,
    relatedChanges: ['articleB'],
  },
  {
    write: 'unpublish an article from the admin (back to draft)',
    run: ({ n, ids }, deps) => unpublishArticle(deps, editorOf(n), ids.a),
    dropped: A_CHANGED,
  },
  {
    write: 'move a published article to the trash',
    run: ({ n, ids }, deps) => trashArticle(deps, editorOf(n), ids.a),
    dropped: A_CHANGED,
  },
  {
    write: 'restore a published article from the trash (E, published then trashed)',
    prepare: async ({ n, ids }, deps) => {
      await saveArticle(deps, articleE(n, { status: 'published' }), { articleId: ids.e });
      await trashArticle(deps, editorOf(n), ids.e);
    },
    run: ({ n, ids }, deps) => restoreArticleFromTrash(deps, editorOf(n), ids.e),
    dropped: E_WENT_PUBLIC,
    relatedChanges: ['articleB'],
  },
  {
    write: "restore an earlier revision of a published article (A's first title)",
    prepare: ({ n, ids }, deps) => saveArticle(deps, articleA(n, { title: 'Talks resume, then stall' }), { articleId: ids.a }),
    run: async ({ t, n, ids }, deps) => {
      const first = await t.db.selectFrom('article_revisions').select('id').where('article_id', '=', ids.a).orderBy('created_at').orderBy('id').executeTakeFirstOrThrow();
      const { version } = await t.db.selectFrom('articles').select('version').where('id', '=', ids.a).executeTakeFirstOrThrow();
      await restoreArticleRevision(deps, editorOf(n), ids.a, first.id, Number(version));
    },
    dropped: A_CHANGED,
  },
  {
    write: "rename a subtopic and change its aliases (Northern Front, A's and C's primary topic)",
    run: ({ n }, deps) => updateTopic(deps, SYSTEM_ACTOR, n.front.id, { name: 'Northern Alliance', aliases: ['NA', 'The Alliance'] }),
    // Every page that shows A or C names their primary topic: their pages, cards and feed
    // entries, its own page and feeds, and its parent's list of subtopics — the pages that show A;
    // and A's comment feeds, which carry the topic's tag for A's URL (its path) though not its name.
    dropped: [...SHOWING_A, ...A_COMMENT_FEEDS],
  },
  {
    write: 'rename a middle topic that no article is filed under directly (Levant)',
    run: ({ n }, deps) => updateTopic(deps, SYSTEM_ACTOR, n.levant.id, { name: 'Eastern Shore' }),
    // Named only in breadcrumbs and subtopic lists: its page, its parent's, its child's, and
    // the articles whose trail passes through it. No card names it.
    dropped: ['topicLevant', 'topicWorld', 'topicFront', 'articleA', 'articleC'],
  },
  {
    write: "change a subtopic's slug (every URL below it moves)",
    run: ({ n }, deps) => moveTopic(deps, SYSTEM_ACTOR, n.front.id, { parentId: n.levant.id, slug: 'northern-alliance' }),
    // The pages that name Northern Front (its own, A's and C's, their cards and feed entries),
    // its parent's list of subtopics (Levant's page, which shows A too), and the sitemaps,
    // which list every URL — with the site-wide lists that share their tag (not the archive
    // index, which shows months).
    dropped: FRONT_URLS_CHANGED,
  },
  {
    write: 'move a topic under another parent (Levant, with Northern Front below it, from World to Economy)',
    run: ({ n }, deps) => moveTopic(deps, SYSTEM_ACTOR, n.levant.id, { parentId: n.economy.id, slug: 'levant' }),
    // Levant's and Northern Front's pages and feeds, the breadcrumbs and cards of A and C
    // (their URLs changed), the old parent's page (World lost them and a subtopic), the new
    // parent's page and feed (Economy gained both), the sitemaps and site-wide lists. B's
    // page, Economy's other cards' pages (the ports tag, Ben, October) keep.
    dropped: [...FRONT_URLS_CHANGED, 'topicEconomy', 'economyFeedRss'],
  },
  {
    write: 'move a top-level topic under another (Economy under World: it leaves the navigation of every page)',
    run: ({ n }, deps) => moveTopic(deps, SYSTEM_ACTOR, n.economy.id, { parentId: n.world.id, slug: 'economy' }),
    dropped: ALL,
  },
  {
    write: "rename a tag's slug (its pages move; the sitemap lists its URL)",
    run: ({ n }, deps) => renameTag(deps, SYSTEM_ACTOR, n.ceasefire.id, { name: 'Ceasefire', slug: 'truce' }),
    dropped: ['tagCeasefire', ...TAG_FEEDS, 'articleA', 'articleC', ...LATEST_LISTS],
  },
  {
    write: 'move a topic no article is filed under (Coast, from Levant to Economy)',
    run: ({ n, ids }, deps) => moveTopic(deps, SYSTEM_ACTOR, ids.coast, { parentId: n.economy.id, slug: 'coast' }),
    // The old parent's list of subtopics (Levant's page), the new parent's (Economy's), and
    // the sitemaps with the site-wide lists. No card or list changes.
    dropped: ['topicLevant', 'topicEconomy', ...LATEST_LISTS],
  },
  {
    write: 'merge a tag into another (Ceasefire into Ports)',
    run: ({ n }, deps) => mergeTags(deps, SYSTEM_ACTOR, { fromTagId: n.ceasefire.id, intoTagId: n.ports.id }),
    // Ceasefire's page and feeds (now redirects), the pages of its articles (their tag links),
    // Ports' page (its list gained A and C), and the sitemaps with the site-wide lists.
    dropped: ['tagCeasefire', ...TAG_FEEDS, 'articleA', 'articleC', 'tagPorts', ...LATEST_LISTS],
  },
  {
    write: 'rename a top-level topic (it is in the navigation of every page)',
    run: ({ n }, deps) => updateTopic(deps, SYSTEM_ACTOR, n.economy.id, { name: 'Economy and trade' }),
    dropped: ALL,
  },
  {
    write: 'rename a tag',
    run: ({ n }, deps) => updateTag(deps, SYSTEM_ACTOR, n.ceasefire.id, { name: 'Truce' }),
    dropped: ['tagCeasefire', ...TAG_FEEDS, 'articleA', 'articleC'],
  },
  {
    write: "edit an author's bio (only their own page shows it)",
    run: ({ n }, deps) => updateProfile(deps, n.ana.id, { bio: 'Covers the northern towns from the coast.' }),
    dropped: ['authorAna'],
  },
  {
    write: 'rename an author (every byline shows the name)',
    run: ({ n }, deps) => updateProfile(deps, n.ana.id, { name: 'Ana F. Ferreira' }),
    // Every page that shows A or C prints her name (C's related card for A is compact and has
    // no byline, but C's own byline names her) — again exactly the pages that show A.
    dropped: SHOWING_A,
  },
  {
    write: "edit the alt text of A's featured image (bodies keep theirs; A's page and cards follow)",
    run: ({ t, n, ids }, deps) =>
      updateMediaDetails({ ...deps, mediaDir: t.mediaDir, limits: { maxBytes: 1e6, maxPixels: 1e6 } }, { id: n.ana.id, role: n.ana.role }, ids.image, { alt: 'Negotiators at the table' }),
    // A's comment feeds too: they carry A's tag for its title and URL (they show no image).
    dropped: [...SHOWING_A, ...A_COMMENT_FEEDS],
  },
  {
    write: 'change the site title',
    run: (_ctx, deps) => saveSettings(deps, { title: 'The Northern Review' }),
    dropped: ALL,
  },
  {
    write: 'change the comment policy in the settings',
    run: (_ctx, deps) => saveSettings(deps, { commentModeration: 'hold-all', commentThreadDepth: 3 }),
    dropped: ALL,
  },
  {
    // An article page's form, and when its cached copy expires, follow N (see closing-comments.test.ts).
    write: 'change when comments close (close after N days)',
    run: (_ctx, deps) => saveSettings(deps, { commentsCloseAfterDays: 30 }),
    dropped: ALL,
  },
  {
    write: 'change the header and footer menus (every page shows them, via site)',
    run: (_ctx, deps) =>
      saveSettings(deps, { navigation: [{ label: 'Subscribe', url: '/subscribe/' }], secondaryNavigation: [{ label: 'Contact', url: 'mailto:desk@example.org' }] }),
    dropped: ALL,
  },
  {
    write: 'add a redirect from the static page',
    run: (_ctx, deps) => saveRedirect(deps, SYSTEM_ACTOR, { fromPath: '/about/', toPath: '/', code: 301 }),
    dropped: ['staticPage'],
  },
  {
    write: 'approve a comment',
    run: ({ ids }, deps) => moderateComment(deps, ids.comment, 'approved'),
    // A's thread and comment feeds, and the site's latest comments, which gain it.
    dropped: ['articleA', ...A_COMMENT_FEEDS, ...COMMENT_FEEDS],
  },
  {
    write: "take down a shown comment (B's, back to pending)",
    run: ({ ids }, deps) => moderateComment(deps, ids.shownOnB, 'pending'),
    dropped: ['articleB', 'bCommentFeed', ...COMMENT_FEEDS],
  },
  {
    write: "edit the words of a shown comment (B's)",
    run: ({ ids }, deps) =>
      editComment(deps, SYSTEM_ACTOR, ids.shownOnB, { name: 'Port Watcher', email: 'port@example.org', website: '', body: 'Fees doubled since the spring.' }),
    dropped: ['articleB', 'bCommentFeed', ...COMMENT_FEEDS],
  },
  {
    write: "edit a held comment in the queue (A's): no public page shows it",
    run: ({ ids }, deps) =>
      editComment(deps, SYSTEM_ACTOR, ids.comment, { name: 'A reader', email: 'reader@example.org', website: '', body: 'Held, and edited.' }),
    dropped: [],
  },
  {
    write: 'a new comment held for moderation (a first comment on A): no public page shows it',
    run: async ({ ids }, deps) => {
      const outcome = await submitComment(
        { ...deps, hashKey: 'test-key', limits: DEFAULT_COMMENT_LIMITS },
        { articleId: ids.a, name: 'New Reader', email: 'new@example.org', body: 'A first thought on the talks.', ip: '198.51.100.7' },
      );
      expect(outcome.kind).toBe('held');
    },
    dropped: [],
  },
  {
    write: "a moderator approves a held comment from the queue (the article's page shows it and its count)",
    run: ({ n, ids }, deps) => moderateComments(deps, editorOf(n), [ids.comment], 'approve'),
    dropped: ['articleA', ...A_COMMENT_FEEDS, ...COMMENT_FEEDS],
  },
  {
    write: 'a moderator marks a held comment as spam (no page showed it: nothing is dropped)',
    run: ({ n, ids }, deps) => moderateComments(deps, editorOf(n), [ids.comment], 'spam'),
    dropped: [],
  },
  {
    write: 'a moderator edits a held comment (no page shows it: nothing is dropped)',
    run: ({ n, ids }, deps) => editComment(deps, editorOf(n), ids.comment, { name: 'A reader', email: 'reader@example.org', website: '', body: 'Held, and corrected.' }),
    dropped: [],
  },
  {
    write: 'a moderator edits a shown comment (its thread changes, its count does not)',
    prepare: ({ ids }, deps) => moderateComment(deps, ids.comment, 'approved'),
    run: ({ n, ids }, deps) => editComment(deps, editorOf(n), ids.comment, { name: 'A reader', email: 'reader@example.org', website: '', body: 'Shown, and corrected.' }),
    dropped: ['articleA', ...A_COMMENT_FEEDS, ...COMMENT_FEEDS],
  },
  {
    write: 'a moderator unapproves a shown comment',
    prepare: ({ ids }, deps) => moderateComment(deps, ids.comment, 'approved'),
    run: ({ n, ids }, deps) => moderateComments(deps, editorOf(n), [ids.comment], 'unapprove'),
    dropped: ['articleA', ...A_COMMENT_FEEDS, ...COMMENT_FEEDS],
  },
  {
    write: "edit a static page's body",
    run: ({ ids }, deps) => updatePage(deps, SYSTEM_ACTOR, ids.page, { slug: 'about', title: 'About us', body: '<p>Who we are, and how we work.</p>' }),
    dropped: ['staticPage'],
  },
  {
    write: "rename a static page (the footer of every page lists it)",
    run: ({ ids }, deps) => updatePage(deps, SYSTEM_ACTOR, ids.page, { slug: 'about', title: 'About the Review', body: '<p>Who we are.</p>' }),
    dropped: ALL,
  },
];

/** Ana, the newsroom's editor, as the actor of the admin's writes. */
function editorOf(n: Newsroom) {
  return { id: n.ana.id, role: 'editor' as const };
}

function articleA(n: Newsroom, overrides: Partial<ArticleInput> = {}): ArticleInput {
  return articleInput(n, { slug: 'talks-resume', ...overrides });
}

function articleE(n: Newsroom, overrides: Partial<ArticleInput> = {}): ArticleInput {
  return articleInput(n, {
    slug: 'harbour-fees',
    title: 'Harbour fees climb again at the eastern port',
    dek: 'Shipping lines pay more to dock for the third time this year.',
    body: '<p>Port tariffs and harbour fees rose again, and shipping lines warn that port costs reach importers.</p><p>The port authority says tariffs pay for dredging.</p>',
    status: 'draft',
    publishedAt: new Date('2026-11-12T09:00:00Z'),
    primaryTopicId: n.economy.id,
    topicIds: [n.economy.id],
    tagIds: [n.ports.id],
    authorIds: [n.ben.id],
    ...overrides,
  });
}

async function setUp(t: TestApp): Promise<Ctx> {
  const deps = { db: t.db, clock: t.clock, events: t.events };
  const n = await createNewsroom(t.db, t.clock, t.events);
  const png = await sharp({ create: { width: 600, height: 400, channels: 3, background: '#336699' } }).png().toBuffer();
  const image = await storeImage(t.db, t.clock, t.mediaDir, png, { alt: 'The table' });
  const a = await saveArticle(deps, articleA(n, { featuredMediaId: image.id }));
  const c = await saveArticle(
    deps,
    articleInput(n, {
      slug: 'convoy-schedule',
      title: 'Convoys to the northern crossings follow a new schedule',
      body: '<p>Negotiators agreed a schedule of convoys through the northern crossings.</p><p>Customs and patrols follow the talks.</p>',
      publishedAt: new Date('2026-11-05T09:00:00Z'),
    }),
  );
  const b = await saveArticle(
    deps,
    articleInput(n, {
      slug: 'port-tariffs-rise',
      title: 'Port tariffs rise for a second year',
      dek: 'Shipping lines pay more to dock.',
      body: '<p>Port tariffs rose again this year, and shipping lines say harbour fees reach importers.</p>',
      publishedAt: new Date('2026-10-02T08:00:00Z'),
      primaryTopicId: n.economy.id,
      topicIds: [n.economy.id],
      tagIds: [n.ports.id],
      authorIds: [n.ben.id],
    }),
  );
  const e = await saveArticle(deps, articleE(n));
  const comments = await importComments(t.db, t.events, a.id, [
    { key: 'held', parentKey: null, authorName: 'A reader', authorEmail: 'reader@example.org', authorUrl: '', body: 'Held for moderation.', status: 'pending', createdAt: new Date('2026-11-11T10:00:00Z') },
  ]);
  const onB = await importComments(t.db, t.events, b.id, [
    { key: 'shown', parentKey: null, authorName: 'Port Watcher', authorEmail: 'port@example.org', authorUrl: '', body: 'Fees doubled since spring.', status: 'approved', createdAt: new Date('2026-11-12T10:00:00Z') },
  ]);
  const page = await createPage(deps, SYSTEM_ACTOR, { slug: 'about', title: 'About us', body: '<p>Who we are.</p>' });
  // A subtopic no article is filed under: only its parent's page names it.
  const coast = await createTopic(deps, SYSTEM_ACTOR, { slug: 'coast', name: 'Coast', kind: 'place', parentId: n.levant.id });
  return { t, n, ids: { a: a.id, b: b.id, c: c.id, e: e.id, comment: comments.get('held')!, shownOnB: onB.get('shown')!, page, image: image.id, coast: coast.id } };
}

describe.each(testDialects)('the page cache drops exactly what a write changed, on %s', (dialect) => {
  let ctx: Ctx;
  const isCached = (path: string) => {
    const key = cacheKeyOf(path);
    if (key === null) throw new Error(`${path} is not a canonical page path`);
    return ctx.t.cache.get(key) !== undefined;
  };
  /** The ids each warmed article page shows as related, in order. */
  const relatedShown = async () => {
    const lists = new Map<PageName, string>();
    for (const [name, id] of [['articleA', ctx.ids.a], ['articleB', ctx.ids.b], ['articleC', ctx.ids.c]] as const) {
      lists.set(name, (await relatedSummaryRows(ctx.t.db, id)).map((r) => r.id).join(','));
    }
    return lists;
  };

  beforeEach(async () => {
    ctx = await setUp(await createTestApp(dialect));
  });
  afterEach(() => ctx.t.destroy());

  it('warms every page type, and the fixture is what the table assumes', async () => {
    for (const [name, path] of Object.entries(PAGES)) {
      // A page is kept from its second render on (PageCache admits on the second).
      expect((await ctx.t.app.request(path)).status, name).toBe(200);
      const res = await ctx.t.app.request(path);
      expect(res.status, name).toBe(200);
      expect(isCached(path), `${name} is cached`).toBe(true);
    }
    const related = await relatedShown();
    expect(related.get('articleC')).toContain(ctx.ids.a);
    expect(related.get('articleB')).toBe('');
  });

  it.each(SCENARIOS)('$write', async (scenario) => {
    await scenario.prepare?.(ctx, { db: ctx.t.db, clock: ctx.t.clock, events: ctx.t.events });
    for (const path of Object.values(PAGES)) for (const _visit of [1, 2]) await ctx.t.app.request(path);
    expect(ALL.filter((name) => !isCached(PAGES[name])), 'pages that failed to warm').toEqual([]);
    const relatedBefore = await relatedShown();

    await scenario.run(ctx, { db: ctx.t.db, clock: ctx.t.clock, events: ctx.t.events });

    const relatedAfter = await relatedShown();
    const relatedChanged = [...relatedBefore.keys()].filter((name) => relatedBefore.get(name) !== relatedAfter.get(name));
    for (const name of scenario.relatedChanges ?? []) expect(relatedChanged, `${name}'s related list changes`).toContain(name);
    const expected = [...new Set([...scenario.dropped, ...relatedChanged])].sort();
    const dropped = ALL.filter((name) => !isCached(PAGES[name])).sort();
    expect(dropped).toEqual(expected);
  });
});

describe('a render overtaken by an invalidation', () => {
  const page = (tags: string[]) => ({ contentType: 'text/html', body: '<p>old</p>', lastModified: new Date(0), tags });

  it('is not stored when one of its tags was invalidated while it rendered', async () => {
    const cache = new PageCache(1024 * 1024);
    const startedAt = cache.begin();
    cache.invalidate(['article:a']);
    await cache.set('/a/', page(['site', 'article:a']), startedAt);
    expect(cache.get('/a/')).toBeUndefined();
  });

  it('is stored when the invalidation touched other tags, or came before the render began', async () => {
    const cache = new PageCache(1024 * 1024);
    cache.invalidate(['article:a']);
    const startedAt = cache.begin();
    cache.invalidate(['article:b']);
    await cache.set('/a/', page(['site', 'article:a']), startedAt);
    expect(cache.get('/a/')).toBeDefined();
  });

  it('is not stored after the whole cache was cleared while it rendered', async () => {
    const cache = new PageCache(1024 * 1024);
    const startedAt = cache.begin();
    cache.clear();
    await cache.set('/a/', page(['site']), startedAt);
    expect(cache.get('/a/')).toBeUndefined();
  });
});
