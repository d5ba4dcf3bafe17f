import type { Database } from '../src/db/database.js';

/*
 * A small corpus for the related-articles tests, written so a person would clearly pick
 * one article first for several of them (CLEAR_PICKS). Four story lines: a dock strike
 * in Tyre, a central bank fighting inflation, a river flood, and a space telescope; a few
 * pieces sit between lines (Sidon under the same parent as Tyre; housing next to rates).
 * Test support only: nothing in the application imports it.
 */

interface FixtureTopic {
  id: string;
  parentId: string | null;
  path: string;
}

export interface FixtureArticle {
  id: string;
  title: string;
  dek: string;
  body: string;
  status: 'published' | 'draft' | 'withdrawn';
  publishedAt: string | null;
  primaryTopicId: string;
  topicIds: string[];
  tagIds: string[];
}

const TOPICS: FixtureTopic[] = [
  { id: 'world', parentId: null, path: 'world' },
  { id: 'levant', parentId: 'world', path: 'world/levant' },
  { id: 'tyre', parentId: 'levant', path: 'world/levant/tyre' },
  { id: 'sidon', parentId: 'levant', path: 'world/levant/sidon' },
  { id: 'economy', parentId: null, path: 'economy' },
  { id: 'monetary-policy', parentId: 'economy', path: 'economy/monetary-policy' },
  { id: 'housing', parentId: 'economy', path: 'economy/housing' },
  { id: 'environment', parentId: null, path: 'environment' },
  { id: 'floods', parentId: 'environment', path: 'environment/floods' },
  { id: 'science', parentId: null, path: 'science' },
  { id: 'space', parentId: 'science', path: 'science/space' },
];

const TAGS = ['labour', 'ports', 'central-bank', 'interest-rates', 'mortgages', 'flooding', 'insurance', 'telescopes', 'budgets'];

const p = (...paragraphs: string[]) => paragraphs.map((text) => `<p>${text}</p>`).join('');

function published(
  id: string,
  publishedAt: string,
  primaryTopicId: string,
  tagIds: string[],
  title: string,
  dek: string,
  body: string,
  topicIds: string[] = [],
): FixtureArticle {
  return { id, title, dek, body, status: 'published', publishedAt, primaryTopicId, topicIds: [primaryTopicId, ...topicIds], tagIds };
}

export const FIXTURE_ARTICLES: FixtureArticle[] = [
  published('tyre-walkout', '2026-03-01T08:00:00.000Z', 'tyre', ['labour', 'ports'],
    'Dockworkers walk out at Tyre port over unpaid wages',
    'Cranes stand idle as the dockworkers\u2019 union demands three months of back pay',
    p('Dockworkers at the port of Tyre walked off the quays on Sunday, leaving cranes idle and container ships waiting at anchor. Their union says wages have gone unpaid for three months.',
      'The port authority blamed the delay on the finance ministry. &ldquo;We will not unload a single container until the wages are paid,&rdquo; the union leader told the crowd at the harbour gate.')),
  published('tyre-strike-ends', '2026-03-09T08:00:00.000Z', 'tyre', ['labour', 'ports'],
    'Tyre port strike ends as dockworkers accept wage deal',
    'The union wins its back pay and cranes start turning again at the harbour',
    p('The dockworkers\u2019 strike at the port of Tyre ended on Monday after the union accepted a deal that pays the three months of unpaid wages in two instalments.',
      'Cranes were unloading containers again within hours, and the port authority said the ships waiting at anchor would berth by the weekend.')),
  published('sidon-fishermen', '2026-03-04T08:00:00.000Z', 'sidon', ['labour'],
    'Sidon fishermen protest as fuel prices double',
    'Boats stay in the harbour while crews block the coastal road',
    p('Fishermen in Sidon kept their boats moored on Wednesday and blocked the coastal road to protest against fuel prices that have doubled since January.',
      'Crews say a night at sea now costs more than the catch brings at the fish market.')),
  published('tyre-ruins-tourism', '2026-02-20T08:00:00.000Z', 'tyre', [],
    'Roman ruins of Tyre draw record visitors',
    'The hippodrome and the necropolis welcome more tourists than before the war',
    p('The Roman hippodrome of Tyre welcomed a record number of visitors this winter, and guides at the necropolis say tourists now come from Europe and the Gulf.',
      'The antiquities department plans new walkways around the colonnade.')),
  published('rates-rise', '2026-02-05T08:00:00.000Z', 'monetary-policy', ['central-bank', 'interest-rates'],
    'Central bank raises interest rates to fight inflation',
    'A half-point rise, the largest in a decade, as consumer prices keep climbing',
    p('The central bank raised its main interest rate by half a point on Thursday, its largest increase in a decade, saying inflation was spreading from energy to food and services.',
      'The governor said the monetary policy committee stood ready to raise rates again if consumer prices did not slow.')),
  published('inflation-cools', '2026-03-05T08:00:00.000Z', 'monetary-policy', ['central-bank', 'interest-rates'],
    'Inflation cools and the central bank holds interest rates',
    'Consumer prices rise more slowly, and the governor pauses after the half-point increase',
    p('Inflation slowed for the first time in a year as energy and food prices eased, and the central bank kept its main interest rate unchanged on Thursday.',
      'The governor said the monetary policy committee would wait to see the full effect of last month\u2019s half-point increase before deciding whether to raise rates again.')),
  published('mortgage-payments', '2026-02-12T08:00:00.000Z', 'housing', ['mortgages', 'interest-rates'],
    'Mortgage payments climb after the rate rise',
    'Households on variable loans pay more each month',
    p('Homeowners with variable mortgages will pay about a tenth more each month after the central bank\u2019s rate rise, lenders said.',
      'Brokers report a rush of borrowers trying to fix their mortgage rates before lenders reprice their loans.')),
  published('house-prices-fall', '2026-03-07T08:00:00.000Z', 'housing', ['mortgages'],
    'House prices fall as buyers retreat',
    'Higher mortgage costs keep first-time buyers away from the housing market',
    p('House prices fell for a third month as buyers retreated from the housing market, squeezed by dearer mortgages.',
      'Estate agents say first-time buyers are waiting for prices to fall further before they make offers.')),
  published('aire-floods', '2026-01-10T08:00:00.000Z', 'floods', ['flooding'],
    'River Aire bursts its banks, flooding homes in Kirkstall',
    'Residents are evacuated as water rises through the night',
    p('The River Aire burst its banks overnight and flooded more than two hundred homes in Kirkstall. Firefighters used boats to evacuate residents from the flooded streets.',
      'The Environment Agency said the river reached its highest level on record after days of heavy rain.')),
  published('kirkstall-cleanup', '2026-01-14T08:00:00.000Z', 'floods', ['flooding'],
    'Kirkstall begins the clean-up after the Aire floods',
    'Residents return to flooded homes as the river falls',
    p('Residents of Kirkstall began clearing mud and ruined furniture from their homes as the River Aire fell back within its banks.',
      'The council opened a rest centre for families whose flooded houses cannot yet be lived in, and volunteers collected waterlogged carpets street by street.')),
  published('insurers-floods', '2026-01-25T08:00:00.000Z', 'floods', ['flooding', 'insurance'],
    'Insurers count the cost of the winter floods',
    'Claims reach a record as storms hit the north',
    p('Insurers expect a record number of claims after the winter storms, with the worst damage in northern towns.',
      'Underwriters warn that premiums in high-risk postcodes will rise at renewal.')),
  published('telescope-mirror', '2026-02-01T08:00:00.000Z', 'space', ['telescopes'],
    'Space telescope unfolds its golden mirror',
    'Engineers cheer as the last of eighteen segments locks into place',
    p('The new space telescope finished unfolding its golden mirror on Saturday, as the last of its eighteen hexagonal segments locked into place a million miles from Earth.',
      'Engineers will spend weeks aligning the mirror segments before the telescope can take its first images.')),
  published('telescope-first-images', '2026-03-02T08:00:00.000Z', 'space', ['telescopes'],
    'Aligned mirror lets the telescope take its first images',
    'Engineers finish aligning the eighteen segments, and distant galaxies come into focus',
    p('Engineers have finished aligning the eighteen segments of the space telescope\u2019s golden mirror, and its first images show distant galaxies in sharp focus.',
      'The mirror segments now act as one, the mission team said, and science observations begin next month.')),
  published('space-budget-cuts', '2026-02-15T08:00:00.000Z', 'space', ['budgets'],
    'Budget cuts threaten future space missions',
    'The agency may cancel a planned mission to Jupiter\u2019s moons',
    p('The space agency warned lawmakers that proposed budget cuts would force it to cancel a planned mission to the moons of Jupiter.',
      'Scientists say years of work on the probe would be lost if the budget is cut.')),
  {
    id: 'tyre-vote-draft',
    title: 'Tyre dockworkers vote on the wage deal to end the port strike',
    dek: 'Union members at the port of Tyre weigh the offer of back pay',
    body: p('Dockworkers at the port of Tyre vote on Monday on a wage deal to end their strike; the union recommends accepting the back pay.'),
    status: 'draft',
    publishedAt: null,
    primaryTopicId: 'tyre',
    topicIds: ['tyre'],
    tagIds: ['labour', 'ports'],
  },
  {
    id: 'telescope-images-withdrawn',
    title: 'Telescope first images of distant galaxies',
    dek: 'The golden mirror segments are aligned',
    body: p('The space telescope mirror segments are aligned and the first images of distant galaxies are in focus.'),
    status: 'withdrawn',
    publishedAt: '2026-03-03T08:00:00.000Z',
    primaryTopicId: 'space',
    topicIds: ['space'],
    tagIds: ['telescopes'],
  },
];

/** Article → the article a reader would clearly want first. */
export const CLEAR_PICKS: Array<[string, string]> = [
  ['tyre-walkout', 'tyre-strike-ends'],
  ['tyre-strike-ends', 'tyre-walkout'],
  ['rates-rise', 'inflation-cools'],
  ['inflation-cools', 'rates-rise'],
  ['aire-floods', 'kirkstall-cleanup'],
  ['kirkstall-cleanup', 'aire-floods'],
  ['telescope-mirror', 'telescope-first-images'],
  ['telescope-first-images', 'telescope-mirror'],
  ['house-prices-fall', 'mortgage-payments'],
];

/** A follow-up published after the corpus: the budget-cuts story's natural next chapter. */
export const FOLLOW_UP: FixtureArticle = published('space-budget-restored', '2026-04-01T08:00:00.000Z', 'space', ['budgets'],
  'Lawmakers restore the space agency budget, saving the Jupiter mission',
  'After weeks of lobbying by scientists, the cuts are reversed',
  p('Lawmakers reversed the proposed budget cuts on Tuesday, and the space agency said the planned mission to the moons of Jupiter would go ahead.',
    'Scientists who lobbied against the cuts said the probe\u2019s years of work were saved.'));

const CREATED = '2026-01-01T00:00:00.000Z';

export async function insertFixtureTaxonomy(db: Database): Promise<void> {
  for (const topic of TOPICS) {
    await db
      .insertInto('topics')
      .values({
        id: topic.id,
        slug: topic.id,
        name: topic.id,
        parent_id: topic.parentId,
        path: topic.path,
        depth: topic.path.split('/').length - 1,
        kind: 'theme',
        created_at: CREATED,
        updated_at: CREATED,
      })
      .execute();
  }
  await db.insertInto('tags').values(TAGS.map((id) => ({ id, slug: id, name: id, created_at: CREATED }))).execute();
}

export async function insertFixtureArticle(db: Database, article: FixtureArticle): Promise<void> {
  await db
    .insertInto('articles')
    .values({
      id: article.id,
      slug: article.id,
      title: article.title,
      dek: article.dek,
      body: article.body,
      status: article.status,
      published_at: article.publishedAt,
      created_at: CREATED,
      updated_at: CREATED,
      primary_topic_id: article.primaryTopicId,
    })
    .execute();
  if (article.topicIds.length > 0) {
    await db.insertInto('article_topics').values(article.topicIds.map((topic_id) => ({ article_id: article.id, topic_id }))).execute();
  }
  if (article.tagIds.length > 0) {
    await db
      .insertInto('article_tags')
      .values(article.tagIds.map((tag_id, position) => ({ article_id: article.id, tag_id, position })))
      .execute();
  }
}

/** The corpus in publication order (unpublished pieces last), as publishing would meet it. */
export function fixtureArticlesInPublicationOrder(): FixtureArticle[] {
  return [...FIXTURE_ARTICLES].sort((a, b) => (a.publishedAt ?? '9999').localeCompare(b.publishedAt ?? '9999'));
}
