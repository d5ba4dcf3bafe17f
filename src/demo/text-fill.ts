/**
 * The small template language the prose banks are written in, and the text helpers the
 * composers share. A template is plain text with:
 *   {token}        a value from the article's tokens; {Token} capitalises it
 *   {a|b|c}        one of the alternatives
 *   {40-95}        an integer in the range; {1200-4800/100} in steps of 100
 *   [text](/path)  a link to https://example.org/path
 *   *text*         emphasis
 */
import type { Random } from './random.js';

/** A token is a fixed string, or a function for values that vary within one text (a weekday). */
export type Tokens = Readonly<Record<string, string | (() => string)>>;

const TOKEN = /\{([^{}]+)\}/g;
const RANGE = /^(\d+)-(\d+)(?:\/(\d+))?$/;

export function fill(template: string, tokens: Tokens, rng: Random): string {
  if (!template.includes('{')) return template;
  return template.replace(TOKEN, (_match, body: string) => resolveToken(body, tokens, rng));
}

function resolveToken(body: string, tokens: Tokens, rng: Random): string {
  if (body.includes('|')) return rng.pick(body.split('|'));
  const range = RANGE.exec(body);
  if (range) {
    const step = Number(range[3] ?? 1);
    const min = Math.ceil(Number(range[1]) / step);
    const max = Math.floor(Number(range[2]) / step);
    return formatNumber(rng.int(min, max) * step);
  }
  const first = body.charAt(0);
  const key = first.toLowerCase() + body.slice(1);
  const value = tokens[key];
  if (value === undefined) throw new Error(`Unknown template token {${body}}`);
  const text = typeof value === 'string' ? value : value();
  return first === key.charAt(0) ? text : capitalize(text);
}

export function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** 48200 → "48,200" (en-GB grouping, without Intl's cost in a hot loop). */
export function formatNumber(value: number): string {
  const digits = String(value);
  return digits.length <= 4 ? digits : digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

const HTML_SPECIALS = /[&<>"]/;
const HTML_ESCAPES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };

export function escapeHtml(text: string): string {
  if (!HTML_SPECIALS.test(text)) return text;
  return text.replace(/[&<>"]/g, (char) => HTML_ESCAPES[char] ?? char);
}

/** Escapes filled text and turns the inline link and emphasis marks into the body subset. */
export function inlineHtml(text: string): string {
  let html = escapeHtml(text);
  if (html.includes('](')) {
    html = html.replace(/\[([^\]]+)\]\((\/[a-z0-9/._-]*)\)/g, '<a href="https://example.org$2">$1</a>');
  }
  if (html.includes('*')) html = html.replace(/\*([^*]+)\*/g, '<em>$1</em>');
  return html;
}

/** Plain text of filled template text: the inline marks removed. */
export function plainText(text: string): string {
  return text.replace(/\[([^\]]+)\]\([^)]*\)/g, '$1').replace(/\*([^*]+)\*/g, '$1');
}

/** Words as a reader counts them: runs of text between spaces that hold a letter or digit. */
export function countWords(text: string): number {
  let count = 0;
  let inWord = false;
  let hasLetter = false;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === 32 || code === 10 || code === 9 || code === 13) {
      if (inWord && hasLetter) count++;
      inWord = false;
      hasLetter = false;
    } else {
      inWord = true;
      if ((code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122) || code >= 192) hasLetter = true;
    }
  }
  return inWord && hasLetter ? count + 1 : count;
}

/** The site's own slug rule, so demo slugs are what an editor's would be. */
export { slugify as slugOf } from '../shared/slugify.js';

export function countHtmlWords(html: string): number {
  return countWords(html.replace(/<[^>]+>/g, ' '));
}

const MONTHS = [
  'January', 'February', 'March', 'April', 'May', 'June',
  'July', 'August', 'September', 'October', 'November', 'December',
] as const;
const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'] as const;
const SMALL_NUMBERS = [
  'no', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve',
] as const;

export function monthName(date: Date): string {
  return MONTHS[date.getUTCMonth()] ?? 'January';
}

export function weekdayName(date: Date): string {
  return WEEKDAYS[date.getUTCDay()] ?? 'Monday';
}

/** "12 March" */
export function dayAndMonth(date: Date): string {
  return `${date.getUTCDate()} ${monthName(date)}`;
}

export function numberWord(value: number): string {
  return SMALL_NUMBERS[value] ?? formatNumber(value);
}

export function addDays(date: Date, days: number): Date {
  return new Date(date.getTime() + days * 86_400_000);
}

export function addMonths(date: Date, months: number): Date {
  const moved = new Date(date.getTime());
  moved.setUTCDate(1);
  moved.setUTCMonth(moved.getUTCMonth() + months);
  return moved;
}

export function monthsBetween(earlier: Date, later: Date): number {
  return (later.getUTCFullYear() - earlier.getUTCFullYear()) * 12 + later.getUTCMonth() - earlier.getUTCMonth();
}

/** How long ago something began, as a reporter would write it: "eight months", "more than a year". */
export function elapsedPhrase(months: number): string {
  if (months <= 0) return 'a few weeks';
  if (months === 1) return 'a month';
  if (months < 12) return `${numberWord(months)} months`;
  if (months === 12) return 'a year';
  if (months < 17) return 'more than a year';
  if (months < 20) return 'a year and a half';
  if (months < 24) return 'almost two years';
  if (months < 30) return 'two years';
  if (months < 36) return 'more than two years';
  return `${numberWord(Math.floor(months / 12))} years`;
}
