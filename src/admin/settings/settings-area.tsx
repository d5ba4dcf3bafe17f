import { loadSettings, type SiteSettings, updateSiteSettings } from '../../settings/index.js';
import { ValidationError } from '../../shared/errors.js';
import { postedStrings } from '../accounts-support.js';
import type { AdminDeps } from '../admin-deps.js';
import { isImageId, recentImageOptions } from '../media-choices.js';
import type { AdminArea, AdminContext } from '../shell/admin-area.js';
import { adminChromeOf, adminPage, adminUserOf } from '../shell/admin-page.js';
import { linksFromRows, type MenuName, type MenuRow, MENUS, rowsFromForm, rowsOfLinks, EMPTY_ROWS } from './menu-form.js';
import { type CommentValues, CommentSettingsView, type GeneralValues, GeneralSettingsView, NavigationSettingsView } from './settings-views.js';

const SAVED = 'Saved. The public site shows it now.';
const GENERAL_FIELDS = ['title', 'description', 'language', 'timeZone', 'publisherName', 'publisherLogoMediaId'] as const;
const COMMENT_FIELDS = ['commentModeration', 'commentsCloseAfterDays', 'commentThreadDepth', 'commentPolicy', 'commentSpamRetentionDays', 'commentTrashRetentionDays'] as const;
const DAYS_MESSAGE = 'Enter a number of days, such as 30, or 0.';

/** Site settings (manage_settings): identity, menus, comment policy, all through updateSiteSettings. */
export function settingsArea(deps: AdminDeps): AdminArea {
  const writeDeps = { db: deps.db, clock: deps.clock, events: deps.events };
  const notice = (c: AdminContext) => (c.req.query('done') === 'saved' ? SAVED : undefined);
  const csrf = (c: AdminContext) => adminChromeOf(c).csrfToken;

  const general = async (c: AdminContext, values: GeneralValues, errors?: Record<string, string>) =>
    adminPage(c, {
      title: 'Settings',
      status: errors ? 400 : 200,
      notice: notice(c),
      children: <GeneralSettingsView csrfToken={csrf(c)} values={values} logoOptions={await recentImageOptions(deps.db, values.publisherLogoMediaId || null)} errors={errors} />,
    });
  const navigation = (c: AdminContext, menus: Record<MenuName, MenuRow[]>, errors?: Record<string, string>) =>
    adminPage(c, { title: 'Navigation', status: errors ? 400 : 200, notice: notice(c), children: <NavigationSettingsView csrfToken={csrf(c)} menus={menus} errors={errors} /> });
  const comments = (c: AdminContext, values: CommentValues, errors?: Record<string, string>) =>
    adminPage(c, { title: 'Comments', status: errors ? 400 : 200, notice: notice(c), children: <CommentSettingsView csrfToken={csrf(c)} values={values} errors={errors} /> });

  return {
    name: 'settings',
    nav: [
      { label: 'Settings', href: '/admin/settings/', access: 'manage_settings', order: 90 },
    ],
    routes: [
      {
        method: 'GET',
        path: '/settings/',
        access: 'manage_settings',
        handler: async (c) => general(c, generalValues(await loadSettings(deps.db))),
      },
      {
        method: 'POST',
        path: '/settings/',
        access: 'manage_settings',
        handler: async (c) => {
          const form = await postedStrings(c, GENERAL_FIELDS);
          const values = form as unknown as GeneralValues;
          const logo = values.publisherLogoMediaId || null;
          if (logo && !(await isImageId(deps.db, logo))) return general(c, values, { publisherLogoMediaId: 'Choose one of the library’s images.' });
          return save(c, { ...values, publisherLogoMediaId: logo }, (errors) => general(c, values, errors), '/admin/settings/');
        },
      },
      {
        method: 'GET',
        path: '/settings/navigation',
        access: 'manage_settings',
        handler: async (c) => {
          const settings = await loadSettings(deps.db);
          return navigation(c, { navigation: rowsOfLinks(settings.navigation), secondaryNavigation: rowsOfLinks(settings.secondaryNavigation) });
        },
      },
      {
        method: 'POST',
        path: '/settings/navigation',
        access: 'manage_settings',
        handler: async (c) => {
          const body = await c.req.parseBody({ all: true });
          const rows = { navigation: rowsFromForm('navigation', body), secondaryNavigation: rowsFromForm('secondaryNavigation', body) };
          const parsed = MENUS.map((menu) => linksFromRows(menu, rows[menu]));
          const errors = Object.assign({}, ...parsed.map((p) => (p.ok ? {} : p.errors))) as Record<string, string>;
          const typed = {
            navigation: [...rows.navigation, ...blankRows()],
            secondaryNavigation: [...rows.secondaryNavigation, ...blankRows()],
          };
          if (Object.keys(errors).length > 0) return navigation(c, typed, errors);
          const [primary, secondary] = parsed as Array<{ ok: true; links: SiteSettings['navigation'] }>;
          return save(c, { navigation: primary!.links, secondaryNavigation: secondary!.links }, (e) => navigation(c, typed, e), '/admin/settings/navigation');
        },
      },
      {
        method: 'GET',
        path: '/settings/comments',
        access: 'manage_settings',
        handler: async (c) => comments(c, commentValues(await loadSettings(deps.db))),
      },
      {
        method: 'POST',
        path: '/settings/comments',
        access: 'manage_settings',
        handler: async (c) => {
          const values = (await postedStrings(c, COMMENT_FIELDS)) as unknown as CommentValues;
          const errors: Record<string, string> = {};
          const days = wholeNumber(values.commentsCloseAfterDays, 'commentsCloseAfterDays', errors, DAYS_MESSAGE);
          const depth = wholeNumber(values.commentThreadDepth, 'commentThreadDepth', errors, 'Enter a number from 1 to 10.');
          const spamDays = wholeNumber(values.commentSpamRetentionDays, 'commentSpamRetentionDays', errors, DAYS_MESSAGE);
          const trashDays = wholeNumber(values.commentTrashRetentionDays, 'commentTrashRetentionDays', errors, DAYS_MESSAGE);
          if (Object.keys(errors).length > 0) return comments(c, values, errors);
          return save(
            c,
            {
              commentModeration: values.commentModeration as SiteSettings['commentModeration'],
              commentsCloseAfterDays: days!,
              commentThreadDepth: depth!,
              commentPolicy: values.commentPolicy,
              commentSpamRetentionDays: spamDays!,
              commentTrashRetentionDays: trashDays!,
            },
            (e) => comments(c, values, e),
            '/admin/settings/comments',
          );
        },
      },
    ],
  };

  /** Saves through the use case; its field errors re-render the form as typed. */
  async function save(c: AdminContext, changes: Partial<SiteSettings>, rerender: (errors: Record<string, string>) => Promise<Response>, back: string) {
    try {
      await updateSiteSettings(writeDeps, adminUserOf(c), changes);
    } catch (error) {
      if (!(error instanceof ValidationError)) throw error;
      return rerender(error.fields);
    }
    return c.redirect(`${back}?done=saved`, 303);
  }
}

function blankRows(): MenuRow[] {
  return Array.from({ length: EMPTY_ROWS }, () => ({ label: '', url: '', position: '', isRemoved: false }));
}

function wholeNumber(text: string, field: string, errors: Record<string, string>, message: string): number | null {
  if (!/^\s*\d{1,5}\s*$/.test(text)) {
    errors[field] = message;
    return null;
  }
  return Number(text);
}

function generalValues(s: SiteSettings): GeneralValues {
  return {
    title: s.title,
    description: s.description,
    language: s.language,
    timeZone: s.timeZone,
    publisherName: s.publisherName,
    publisherLogoMediaId: s.publisherLogoMediaId ?? '',
  };
}

function commentValues(s: SiteSettings): CommentValues {
  return {
    commentModeration: s.commentModeration,
    commentsCloseAfterDays: String(s.commentsCloseAfterDays),
    commentThreadDepth: String(s.commentThreadDepth),
    commentPolicy: s.commentPolicy,
    commentSpamRetentionDays: String(s.commentSpamRetentionDays),
    commentTrashRetentionDays: String(s.commentTrashRetentionDays),
  };
}
