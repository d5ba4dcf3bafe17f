import { articleUrl } from '../../content/article.js';
import { aliasKey, type SearchDeps, searchArticles } from '../../search/index.js';
import { topicUrl } from '../../taxonomy/index.js';
import { type DateSettings, formatDate } from '../views/dates.js';
import { completeWord, findTopicsByKeyPrefix } from './search-page.queries.js';
import { cleanQuery } from './search-request.js';

/** What the header box offers as the reader types: a topic (→ its page) or an article (→ it). */
export interface Suggestion {
  kind: 'topic' | 'article';
  label: string;
  /** a second line: the alias that matched, or the article's date */
  detail: string;
  url: string;
}

export const MAX_SUGGESTIONS = 8;
const MAX_TOPICS = 4;
/** Suggestions are for what a person types into a small box; longer text gets none. */
const MAX_TYPED = 100;
/** Fewer letters than this name too many things to be worth a lookup. */
const MIN_KEY = 2;
/** A last word is completed from the vocabulary from this many letters on. */
const MIN_COMPLETION = 3;

/**
 * Topics whose name or alias begins with what was typed (any spelling aliasKey folds alike:
 * `T.F.` finds TFM), then the best-matching published articles' titles, the last word read
 * as the beginning of a word. At most MAX_SUGGESTIONS, topics first.
 */
export async function loadSuggestions(deps: SearchDeps, typed: string, dates: DateSettings): Promise<Suggestion[]> {
  const text = cleanQuery(typed).slice(0, MAX_TYPED);
  const key = aliasKey(text);
  if (key.length < MIN_KEY) return [];
  const [topics, query] = await Promise.all([topicSuggestions(deps, key), completedQuery(deps, text)]);
  const found = await searchArticles(deps, query, { audience: 'public', sort: 'relevance', page: 1, perPage: MAX_SUGGESTIONS - topics.length });
  const articles: Suggestion[] =
    found.kind === 'results'
      ? found.results.map((r) => ({
          kind: 'article',
          label: r.title,
          detail: r.publishedAt ? formatDate(new Date(r.publishedAt), dates) : '',
          url: articleUrl(r.topicPath, r.slug),
        }))
      : [];
  return [...topics, ...articles].slice(0, MAX_SUGGESTIONS);
}

/** Exact names first, then names that begin so, then names with a word that does; one entry per topic. */
async function topicSuggestions(deps: SearchDeps, key: string): Promise<Suggestion[]> {
  const rows = await findTopicsByKeyPrefix(deps.db, key, 50);
  const rank = (nameKey: string) => (nameKey === key ? 0 : nameKey.startsWith(key) ? 1 : 2);
  const best = new Map<string, (typeof rows)[number]>();
  for (const row of [...rows].sort((a, b) => rank(a.name_key) - rank(b.name_key) || a.name.length - b.name.length)) {
    if (!best.has(row.id)) best.set(row.id, row);
  }
  return [...best.values()].slice(0, MAX_TOPICS).map((row) => {
    const alias = (JSON.parse(row.aliases) as string[]).find((a) => aliasKey(a) === row.name_key);
    return { kind: 'topic', label: row.name, detail: alias ? `Topic, also called ${alias}` : 'Topic', url: topicUrl(row.path) };
  });
}

/**
 * The typed text with its last word completed, while the reader is still typing it
 * ("harbour brig" → "harbour brigades"): the engine matches whole words.
 */
async function completedQuery(deps: SearchDeps, text: string): Promise<string> {
  const last = /(\p{L}+)$/u.exec(text)?.[1];
  if (!last) return text;
  const prefix = aliasKey(last);
  if (Array.from(prefix).length < MIN_COMPLETION || !/^\p{L}+$/u.test(prefix)) return text;
  const word = await completeWord(deps.db, prefix);
  return word ? `${text.slice(0, text.length - last.length)}${word}` : text;
}
