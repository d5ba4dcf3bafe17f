import { type AuthorLink, articleUrl, authorUrl } from '../../content/article.js';
import type { Database } from '../../db/database.js';
import { type NamedTopic, type QuerySuggestion, type SearchDeps, searchArticles, type SearchResult, type SearchTotal, suggestQuerySpelling } from '../../search/index.js';
import { zonedLocalToUtc } from '../../shared/zoned-time.js';
import { findTopicsByPaths, listAllTopics, type TopicLink, topicLink, topicUrl } from '../../taxonomy/index.js';
import { bylinesOf } from '../pages/article-page.queries.js';
import { type Choice, listAuthorChoices, listBusiestTopics, listTagChoices } from './search-page.queries.js';
import { type SearchRequest, unknownFilterProblem } from './search-request.js';

/** Results on a page: the house lists show 12 cards; text results are shorter. */
export const SEARCH_PER_PAGE = 10;
/** Below this many results the page looks for misspellings ("Did you mean …?"). */
const FEW_RESULTS = 5;
const BROWSE_TOPICS = 10;

export interface SearchHit {
  id: string;
  url: string;
  /** escaped text with <mark> around what matched (the engine's titleHtml) */
  titleHtml: string;
  /** escaped text with <mark> around what matched (the engine's snippetHtml) */
  snippetHtml: string;
  publishedAt: Date | null;
  topic: TopicLink | null;
  authors: AuthorLink[];
}

/** A topic the query named by one of its names: the card at the head of the results. */
export interface TopicCard {
  id: string;
  name: string;
  url: string;
  kind: string;
  aliases: string[];
  description: string;
  /** the reader narrowed the results to this topic */
  isChosen: boolean;
}

export interface FilterChoices {
  topics: (Choice & { depth: number })[];
  tags: Choice[];
  authors: Choice[];
}

export type SearchPageOutcome =
  | { kind: 'empty' }
  | { kind: 'nothing-to-search'; reason: 'no-words' | 'only-exclusions'; isTruncated: boolean }
  | {
      kind: 'results';
      hits: SearchHit[];
      total: SearchTotal;
      page: number;
      pageCount: number;
      topicCards: TopicCard[];
      isTruncated: boolean;
    };

export interface SearchPage {
  /** the request as it was answered: filters that name nothing on this site are left out */
  request: SearchRequest;
  problems: string[];
  outcome: SearchPageOutcome;
  /** "Did you mean …?", when there were few or no results and a word looks misspelled */
  suggestion: QuerySuggestion | null;
  choices: FilterChoices;
  /** topics to browse, on a page with nothing found or nothing asked */
  browseTopics: TopicLink[];
}

/**
 * The reader's search page: the engine's results (published articles only) with each hit's
 * topic and byline, the topics the query named, the filters' choices, and help when nothing
 * was found. `timeZone` is the site's: the date filters name its days.
 */
export async function loadSearchPage(deps: SearchDeps, given: { request: SearchRequest; problems: string[] }, timeZone: string): Promise<SearchPage> {
  const { db } = deps;
  const choices = await loadFilterChoices(db);
  const problems = [...given.problems];
  // A filter naming nothing here is left out, as a malformed one is: the reader sees why.
  const known = (id: string | null, list: Choice[], name: 'topic' | 'tag' | 'author') => {
    if (id === null || list.some((c) => c.id === id)) return id;
    problems.push(unknownFilterProblem(name));
    return null;
  };
  const request: SearchRequest = {
    ...given.request,
    topicId: known(given.request.topicId, choices.topics, 'topic'),
    tagId: known(given.request.tagId, choices.tags, 'tag'),
    authorId: known(given.request.authorId, choices.authors, 'author'),
  };

  if (request.q.trim() === '') {
    return { request, problems, outcome: { kind: 'empty' }, suggestion: null, choices, browseTopics: await browseTopics(db) };
  }
  const found = await searchArticles(deps, request.q, {
    audience: 'public',
    topicId: request.topicId,
    tagId: request.tagId,
    authorId: request.authorId,
    from: request.from ? startOfDay(request.from, timeZone) : null,
    to: request.to ? startOfDay(nextDay(request.to), timeZone) : null,
    sort: request.sort,
    page: request.page,
    perPage: SEARCH_PER_PAGE,
  });
  if (found.kind === 'nothing-to-search') {
    return { request, problems, outcome: found, suggestion: null, choices, browseTopics: await browseTopics(db) };
  }
  const isFew = found.total.count < FEW_RESULTS;
  const [hits, suggestion, browse] = await Promise.all([
    hitsOf(db, found.results),
    isFew ? suggestQuerySpelling(db, request.q) : null,
    found.total.count === 0 ? browseTopics(db) : [],
  ]);
  return {
    request,
    problems,
    outcome: {
      kind: 'results',
      hits,
      total: found.total,
      page: found.page,
      pageCount: found.pageCount,
      topicCards: found.matchedTopics.map((t) => topicCardOf(t, request.topicId)),
      isTruncated: found.isTruncated,
    },
    suggestion,
    choices,
    browseTopics: browse,
  };
}

async function loadFilterChoices(db: Database): Promise<FilterChoices> {
  const [topics, tags, authors] = await Promise.all([listAllTopics(db), listTagChoices(db), listAuthorChoices(db)]);
  return { topics: topics.map((t) => ({ id: t.id, name: t.name, depth: t.depth })), tags, authors };
}

async function browseTopics(db: Database): Promise<TopicLink[]> {
  return (await listBusiestTopics(db, BROWSE_TOPICS)).map(topicLink);
}

/** Each result with its primary topic and byline: two lookups for the page. */
async function hitsOf(db: Database, results: readonly SearchResult[]): Promise<SearchHit[]> {
  if (results.length === 0) return [];
  const [bylines, topics] = await Promise.all([bylinesOf(db, results.map((r) => r.id)), findTopicsByPaths(db, [...new Set(results.map((r) => r.topicPath))])]);
  const topicByPath = new Map(topics.map((t) => [t.path, topicLink(t)]));
  return results.map((r) => ({
    id: r.id,
    url: articleUrl(r.topicPath, r.slug),
    titleHtml: r.titleHtml,
    snippetHtml: r.snippetHtml,
    publishedAt: r.publishedAt ? new Date(r.publishedAt) : null,
    topic: topicByPath.get(r.topicPath) ?? null,
    authors: (bylines.get(r.id) ?? []).map((a) => ({ id: a.id, name: a.name, url: authorUrl(a.slug) })),
  }));
}

function topicCardOf(topic: NamedTopic, chosenId: string | null): TopicCard {
  return {
    id: topic.id,
    name: topic.name,
    url: topicUrl(topic.path),
    kind: topic.kind,
    aliases: topic.aliases,
    description: topic.description,
    isChosen: topic.id === chosenId,
  };
}

/** Midnight of a day in the site's zone. */
function startOfDay(day: string, timeZone: string): Date {
  return zonedLocalToUtc(`${day}T00:00`, timeZone)!;
}

function nextDay(day: string): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + 1)).toISOString().slice(0, 10);
}
