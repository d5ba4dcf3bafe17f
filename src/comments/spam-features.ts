import { linksIn, normalizeText } from './comment-body.js';

/** What the spam filter looks at in a comment: a set of tokens, each counted once. */
export interface SpamFeatures {
  tokens: string[];
}

/*
 * Tokens: the body's words and adjacent word pairs (web addresses left out); the name's words (prefixed "name:");
 * the website's host and top-level domain ("site:"); the hosts and top-level domains the
 * body links to ("link:"); and a few shapes ("meta:"): how many links, how long, shouting,
 * money, a string of exclamation marks. Prefixes keep a word in a name apart from the
 * same word in a body, where it means something else.
 */
export function spamFeaturesOf(comment: { authorName: string; authorUrl: string; body: string }): SpamFeatures {
  const tokens = new Set<string>();
  const body = normalizeText(comment.body);
  // Addresses count by their hosts below, not as the words "https" and "com".
  const prose = body.replace(/https?:\/\/\S+/gi, ' ');
  const words = wordsOf(prose);
  for (const w of words) tokens.add(w);
  for (let i = 1; i < words.length; i++) tokens.add(`${words[i - 1]} ${words[i]}`);

  const nameWords = wordsOf(comment.authorName);
  for (const w of nameWords) tokens.add(`name:${w}`);
  tokens.add(`name:words:${Math.min(nameWords.length, 4)}`);
  if (/\d/.test(comment.authorName)) tokens.add('name:digits');

  const site = hostOf(comment.authorUrl);
  if (site) {
    tokens.add(`site:${site}`);
    tokens.add(`site:tld:${site.split('.').pop()}`);
    if (new URL(comment.authorUrl).pathname.length > 1) tokens.add('site:path');
  } else {
    tokens.add('site:none');
  }

  const links = linksIn(body);
  for (const link of links) {
    const host = hostOf(link);
    if (!host) continue;
    tokens.add(`link:${host}`);
    tokens.add(`link:tld:${host.split('.').pop()}`);
  }
  tokens.add(`meta:links:${Math.min(links.length, 3)}`);
  const length = Array.from(body).length;
  tokens.add(`meta:length:${length < 60 ? 'short' : length < 250 ? 'medium' : length < 900 ? 'long' : 'very-long'}`);
  const letters = prose.replace(/[^\p{L}]/gu, '');
  const upper = letters.replace(/[^\p{Lu}]/gu, '');
  if (letters.length >= 20 && upper.length / letters.length > 0.3) tokens.add('meta:shouting');
  if (/[$€£]\s?\d|\d\s?(?:usd|eur|dollars)\b/i.test(body)) tokens.add('meta:money');
  if (/!{2,}/.test(body)) tokens.add('meta:exclaims');
  return { tokens: [...tokens] };
}

/** Lowercase words of letters and digits, 2 to 24 characters, apostrophes dropped. */
export function wordsOf(text: string): string[] {
  const matches = text.normalize('NFKC').toLowerCase().replace(/['’]/g, '').match(/[\p{L}\p{N}]+/gu) ?? [];
  return matches.filter((w) => w.length >= 2 && w.length <= 24);
}

function hostOf(url: string): string | null {
  if (!url) return null;
  try {
    return new URL(url).hostname.replace(/^www\./, '') || null;
  } catch {
    return null;
  }
}
