import { createHash } from 'node:crypto';

/**
 * A commenter's picture, drawn on the site itself: their initials on a colour. Nothing is
 * fetched from anyone (no Gravatar: it would tell a third party who reads which article,
 * and an unkeyed email hash in a page can be reversed by guessing). The view draws it as
 * an SVG with these values in attributes, so it needs no inline style.
 */
export interface CommentAvatar {
  /** one or two letters, uppercase */
  initials: string;
  /** a background colour from the palette, as #rrggbb */
  background: string;
  /** the text colour on it (white or near-black, whichever reads better) */
  foreground: string;
}

// Twelve colours, each with white or dark text at a contrast of at least 4.5:1.
export const AVATAR_PALETTE: readonly { background: string; foreground: string }[] = [
  { background: '#1f5f8b', foreground: '#ffffff' },
  { background: '#8a3b12', foreground: '#ffffff' },
  { background: '#2f6b3a', foreground: '#ffffff' },
  { background: '#6a3d8f', foreground: '#ffffff' },
  { background: '#a3123a', foreground: '#ffffff' },
  { background: '#005f5f', foreground: '#ffffff' },
  { background: '#5b4a14', foreground: '#ffffff' },
  { background: '#3b4a6b', foreground: '#ffffff' },
  { background: '#f2c14e', foreground: '#1a1a1a' },
  { background: '#9fd3c7', foreground: '#1a1a1a' },
  { background: '#f4a6a6', foreground: '#1a1a1a' },
  { background: '#c9d6a3', foreground: '#1a1a1a' },
];

/**
 * The avatar of a commenter. `seed` is the keyed hash of their email (avatarSeed), so one
 * person keeps one colour across comments and names; without one (imported comments) the
 * colour follows the name, which is shown anyway.
 */
export function commentAvatar(seed: string, name: string): CommentAvatar {
  const source = seed || createHash('sha256').update(`name\u0000${name.trim().toLowerCase()}`).digest('hex');
  const colour = AVATAR_PALETTE[Number.parseInt(source.slice(0, 8), 16) % AVATAR_PALETTE.length]!;
  return { initials: initialsOf(name), ...colour };
}

/** "Hanna Voss" → "HV", "milo" → "M", "P. Arkadi" → "PA", "  " → "?". Letters and digits of any script. */
export function initialsOf(name: string): string {
  const words = name
    .normalize('NFC')
    .split(/\s+/)
    .map((w) => Array.from(w.replace(/[^\p{L}\p{N}]/gu, '')))
    .filter((w) => w.length > 0);
  if (words.length === 0) return '?';
  const first = words[0]![0]!;
  const last = words.length > 1 ? words[words.length - 1]![0]! : '';
  return (first + last).toLocaleUpperCase();
}
