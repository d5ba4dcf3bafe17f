import { MAX_MENU_LINKS, NavigationLink } from '../../settings/index.js';

export const MENUS = ['navigation', 'secondaryNavigation'] as const;
export type MenuName = (typeof MENUS)[number];

/** One row of a menu form, as typed. */
export interface MenuRow {
  label: string;
  url: string;
  position: string;
  isRemoved: boolean;
}

/** Empty rows offered below the links, to add new ones without JavaScript. */
export const EMPTY_ROWS = 3;
/** Rows read from a post: a form never has more (the saved links plus the empty rows). */
const MAX_ROWS = MAX_MENU_LINKS + EMPTY_ROWS;

export const fieldName = (menu: MenuName, field: 'label' | 'url' | 'position' | 'remove', row: number) => `${menu}-${field}-${row}`;

/** The rows of one menu as posted, in form order. */
export function rowsFromForm(menu: MenuName, body: Record<string, string | File | (string | File)[]>): MenuRow[] {
  const text = (name: string) => {
    const value = body[name];
    const first = Array.isArray(value) ? value[0] : value;
    return typeof first === 'string' ? first.slice(0, 600) : '';
  };
  const rows: MenuRow[] = [];
  for (let i = 0; i < MAX_ROWS; i++) {
    rows.push({ label: text(fieldName(menu, 'label', i)), url: text(fieldName(menu, 'url', i)), position: text(fieldName(menu, 'position', i)), isRemoved: text(fieldName(menu, 'remove', i)) !== '' });
  }
  // Trailing rows that are empty are the form's spare ones.
  while (rows.length > 0 && isBlank(rows[rows.length - 1]!)) rows.pop();
  return rows;
}

function isBlank(row: MenuRow): boolean {
  return row.label.trim() === '' && row.url.trim() === '';
}

export type MenuParse = { ok: true; links: NavigationLink[] } | { ok: false; errors: Record<string, string> };

/**
 * The links a menu form asks for: removed and blank rows dropped, the rest ordered by
 * their position number (rows without one keep their place after numbered ones, ties by
 * form order), each checked; mistakes are keyed by the field they belong to.
 */
export function linksFromRows(menu: MenuName, rows: readonly MenuRow[]): MenuParse {
  const errors: Record<string, string> = {};
  const kept: Array<{ link: NavigationLink; position: number; index: number }> = [];
  rows.forEach((row, index) => {
    if (row.isRemoved || isBlank(row)) return;
    const position = row.position.trim() === '' ? Number.POSITIVE_INFINITY : Number(row.position);
    if (!Number.isFinite(position) && row.position.trim() !== '') errors[fieldName(menu, 'position', index)] = 'A position is a number, such as 1, 2, 3.';
    const parsed = NavigationLink.safeParse({ label: row.label, url: row.url });
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const field = issue.path[0] === 'url' ? 'url' : 'label';
        errors[fieldName(menu, field, index)] ??= issue.message;
      }
      return;
    }
    kept.push({ link: parsed.data, position, index });
  });
  if (kept.length > MAX_MENU_LINKS) errors[menu] = `A menu holds at most ${MAX_MENU_LINKS} links: remove ${kept.length - MAX_MENU_LINKS}.`;
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  kept.sort((a, b) => a.position - b.position || a.index - b.index);
  return { ok: true, links: kept.map((k) => k.link) };
}

/** The rows a saved menu is shown as: its links numbered 1, 2, 3…, then the empty rows. */
export function rowsOfLinks(links: readonly NavigationLink[]): MenuRow[] {
  return [
    ...links.map((link, i) => ({ label: link.label, url: link.url, position: String(i + 1), isRemoved: false })),
    ...Array.from({ length: EMPTY_ROWS }, () => ({ label: '', url: '', position: '', isRemoved: false })),
  ];
}
