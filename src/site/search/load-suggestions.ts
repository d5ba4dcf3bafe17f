import { articleUrl } from '../../content/article.js';
import type { Database } from '../../db/database.js';
import { aliasKey } from '../../search/index.js';
import { topicUrl } from '../../taxonomy/index.js';
import { type DateSettings, formatDate } from '../views/dates.js';
import { findRecentTitlesWithWordsStarting, findTopicsByKeyPrefix, isWordStart } from './search-page.queries.js';
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
/** The words of a title suggestion: each typed word of two letters or more, at most four. */
const MAX_TITLE_WORDS = 4;

/**
 * Topics whose name or alias begins with what was typed (in any spelling aliasKey folds alike:
 * `T.F.` finds TFM), then recent articles whose title has a word beginning with each typed
 * word, newest first. At most MAX_SUGGESTIONS, topics first. Two short statements, whatever
 * the size of the site: this runs once per pause in typing. Ranked, accent-folded search over
 * every field is the results page's.
 */
export async function loadSuggestions(db: Database, typed: string, dates: DateSettings): Promise<Suggestion[]> {
  const text = cleanQuery(typed).slice(0, MAX_TYPED);
  const key = aliasKey(text);
  if (key.length < MIN_KEY) return [];
  const words = (text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []).filter((w) => w.length >= MIN_KEY).slice(0, MAX_TITLE_WORDS);
  const [topics, titles] = await Promise.all([topicSuggestions(db, key), titleSuggestions(db, words)]);
  const articles = titles.map(
    (r): Suggestion => ({ kind: 'article', label: r.title, detail: formatDate(new Date(r.published_at), dates), url: articleUrl(r.path, r.slug) }),
  );
  return [...topics, ...articles].slice(0, MAX_SUGGESTIONS);
}

async function titleSuggestions(db: Database, words: readonly string[]) {
  if (words.length === 0) return [];
  // The vocabulary keeps words of 3 to 30 letters: only such a word can be looked up there.
  const checkable = words.map(aliasKey).filter((w) => /^\p{L}{3,30}$/u.test(w));
  for (const word of checkable) if (!(await isWordStart(db, word))) return [];
  return findRecentTitlesWithWordsStarting(db, words, MAX_SUGGESTIONS);
}

/** Exact names first, then names that begin so, then names with a word that does; one entry per topic. */
async function topicSuggestions(db: Database, key: string): Promise<Suggestion[]> {
  const rows = await findTopicsByKeyPrefix(db, key, 50);
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
