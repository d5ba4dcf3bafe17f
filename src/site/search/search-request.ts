import { z } from 'zod';

/**
 * What a reader asked the search page for, parsed from its GET parameters. Every parameter
 * is optional and none can fail the page: a value that is not what the field takes is left
 * out and, where the reader would wonder why, said so in `problems`.
 */
export interface SearchRequest {
  /** as typed, control characters turned into spaces, cut at ECHO_LIMIT characters */
  q: string;
  topicId: string | null;
  tagId: string | null;
  authorId: string | null;
  /** days in the site's time zone, YYYY-MM-DD; `to` is inclusive */
  from: string | null;
  to: string | null;
  sort: 'relevance' | 'date';
  page: number;
}

export interface ParsedSearchRequest {
  request: SearchRequest;
  /** sentences for the reader: what was left out of the address and why */
  problems: string[];
}

/**
 * The longest query echoed back in the box. The engine reads the first 1,000 characters
 * (QUERY_LIMITS) and says when it cut; the echo keeps a little more, so the reader sees
 * where the cut fell, without sending 16 KB back.
 */
export const ECHO_LIMIT = 1_200;

const Id = z.string().regex(/^[0-9a-z]{26}$/);
const Day = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  .refine(isCalendarDay);
const Sort = z.enum(['relevance', 'date']);
const Page = z
  .string()
  .regex(/^[1-9]\d{0,5}$/)
  .transform(Number);

/** Parses the search page's parameters (`read` gives the first value of a name, or undefined). */
export function parseSearchRequest(read: (name: string) => string | undefined): ParsedSearchRequest {
  const problems: string[] = [];
  const given = (name: string) => {
    const value = read(name);
    return value === undefined || value.trim() === '' ? undefined : value;
  };
  const filterId = (name: 'topic' | 'tag' | 'author') => {
    const value = given(name);
    if (value === undefined) return null;
    const parsed = Id.safeParse(value);
    if (!parsed.success) problems.push(unknownFilterProblem(name));
    return parsed.success ? parsed.data : null;
  };
  const day = (name: 'from' | 'to') => {
    const value = given(name);
    if (value === undefined) return null;
    const parsed = Day.safeParse(value.trim());
    if (!parsed.success) problems.push(`“${shortEcho(value)}” is not a date (the form takes year-month-day), so the “${name === 'from' ? 'From' : 'To'}” date was left out.`);
    return parsed.success ? parsed.data : null;
  };

  let from = day('from');
  let to = day('to');
  if (from && to && from > to) {
    [from, to] = [to, from];
    problems.push('The dates were the wrong way round; they have been swapped.');
  }
  return {
    request: {
      q: cleanQuery(read('q') ?? ''),
      topicId: filterId('topic'),
      tagId: filterId('tag'),
      authorId: filterId('author'),
      from,
      to,
      // Anything else is the default: nothing there to explain.
      sort: Sort.safeParse(read('sort')).data ?? 'relevance',
      page: Page.safeParse(read('page')).data ?? 1,
    },
    problems,
  };
}

/** Said when a filter's value is malformed, or names nothing on this site. */
export function unknownFilterProblem(name: 'topic' | 'tag' | 'author'): string {
  return `The ${name} in the address is not one this site has, so that filter was left out.`;
}

/**
 * The query as typed, fit to echo: control, private-use, unpaired surrogate and noncharacter
 * code points become spaces (the parser ignores them too; in a page they would be invisible
 * or invalid HTML).
 */
export function cleanQuery(raw: string): string {
  return raw.slice(0, ECHO_LIMIT).replace(/[\p{Cc}\p{Cs}\p{Co}\p{Noncharacter_Code_Point}\u2028\u2029]/gu, ' ');
}

function shortEcho(value: string): string {
  const clean = cleanQuery(value).trim();
  return clean.length > 40 ? `${clean.slice(0, 40)}…` : clean;
}

function isCalendarDay(day: string): boolean {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const date = new Date(Date.UTC(y, m - 1, d));
  return y >= 1900 && y <= 2200 && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

/** The search page's address for a request: the filters in force, page 1 unless asked. */
export function searchHref(request: SearchRequest, changes: Partial<SearchRequest> = {}): string {
  const next = { ...request, page: 1, ...changes };
  const params = new URLSearchParams();
  if (next.q) params.set('q', next.q);
  if (next.topicId) params.set('topic', next.topicId);
  if (next.tagId) params.set('tag', next.tagId);
  if (next.authorId) params.set('author', next.authorId);
  if (next.from) params.set('from', next.from);
  if (next.to) params.set('to', next.to);
  if (next.sort !== 'relevance') params.set('sort', next.sort);
  if (next.page > 1) params.set('page', String(next.page));
  const query = params.toString();
  return `${SEARCH_PATH}${query ? `?${query}` : ''}`;
}

export const SEARCH_PATH = '/search';

export function hasFilters(request: SearchRequest): boolean {
  return Boolean(request.topicId || request.tagId || request.authorId || request.from || request.to);
}
