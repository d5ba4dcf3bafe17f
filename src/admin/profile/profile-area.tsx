import QRCode from 'qrcode';
import {
  beginTwoFactorSetup,
  changeEmail,
  changePassword,
  confirmTwoFactor,
  disableTwoFactor,
  endOtherSessions,
  endOwnSession,
  listOwnSessions,
  regenerateRecoveryCodes,
  twoFactorStatus,
  updateProfile,
} from '../../accounts/index.js';
import { currentSessionId } from '../../http/session.js';
import { loadSettings } from '../../settings/index.js';
import { ConflictError, ValidationError } from '../../shared/errors.js';
import { accountMailDeps, postedStrings } from '../accounts-support.js';
import type { AdminDeps } from '../admin-deps.js';
import { isImageId, recentImageOptions } from '../media-choices.js';
import type { AdminArea, AdminContext } from '../shell/admin-area.js';
import { adminChromeOf, adminPage, adminUserOf } from '../shell/admin-page.js';
import { type ProfileForm, ProfileView } from './profile-view.js';
import { RecoveryCodesView, TwoFactorSetupView } from './two-factor-views.js';

const NOTICES: Record<string, string> = {
  saved: 'Profile saved.',
  email: 'Email changed. A note went to your old address.',
  password: 'Password changed. Your other sessions were signed out.',
  'two-factor-off': 'Two-factor sign-in is off.',
  'session-ended': 'That session was signed out.',
  'others-ended': 'Signed out everywhere else.',
};

/** One's own account: public profile, sign-in email and password, two-factor, sessions. Any signed-in role. */
export function profileArea(deps: AdminDeps): AdminArea {
  const writeDeps = { db: deps.db, clock: deps.clock, events: deps.events };

  const page = async (c: AdminContext, rejected?: { form: ProfileForm; values: Record<string, string>; errors: Record<string, string>; message?: string }) => {
    const user = adminUserOf(c);
    const [imageOptions, twoFactor, sessions] = await Promise.all([
      recentImageOptions(deps.db, user.avatarMediaId),
      twoFactorStatus(deps, user, await issuer()),
      listOwnSessions(deps.db, deps.clock, user, currentSessionId(c)),
    ]);
    return adminPage(c, {
      title: 'Your profile',
      status: rejected ? 400 : 200,
      notice: NOTICES[c.req.query('done') ?? ''],
      children: <ProfileView user={user} csrfToken={adminChromeOf(c).csrfToken} imageOptions={imageOptions} twoFactor={twoFactor} sessions={sessions} rejected={rejected} />,
    });
  };
  const issuer = async () => (await loadSettings(deps.db)).title;

  /** Runs a form's use case; its ValidationError re-renders the page with the form as typed. */
  const submit = async (c: AdminContext, form: ProfileForm, names: string[], run: (values: Record<string, string>) => Promise<string>) => {
    const values = await postedStrings(c, names);
    try {
      return c.redirect(`/admin/profile/?done=${await run(values)}`, 303);
    } catch (error) {
      if (!(error instanceof ValidationError)) throw error;
      const { password: _p, currentPassword: _c, newPassword: _n, code: _code, ...kept } = values;
      return page(c, { form, values: kept, errors: { ...error.fields }, message: Object.keys(error.fields).length === 0 ? error.message : undefined });
    }
  };

  return {
    name: 'profile',
    routes: [
      { method: 'GET', path: '/profile/', access: 'staff', handler: (c) => page(c) },
      {
        method: 'POST',
        path: '/profile/',
        access: 'staff',
        handler: (c) =>
          submit(c, 'profile', ['name', 'slug', 'bio', 'avatarMediaId'], async (v) => {
            const avatarMediaId = v.avatarMediaId || null;
            if (avatarMediaId && !(await isImageId(deps.db, avatarMediaId))) {
              throw new ValidationError('invalid profile', { avatarMediaId: 'Choose one of the library’s images.' });
            }
            await updateProfile(writeDeps, adminUserOf(c).id, { name: v.name, slug: v.slug, bio: v.bio, avatarMediaId });
            return 'saved';
          }),
      },
      {
        method: 'POST',
        path: '/profile/email',
        access: 'staff',
        handler: (c) =>
          submit(c, 'email', ['email', 'currentPassword'], async (v) => {
            await changeEmail(accountMailDeps(deps), adminUserOf(c), { email: v.email!, password: v.currentPassword! });
            return 'email';
          }),
      },
      {
        method: 'POST',
        path: '/profile/password',
        access: 'staff',
        handler: (c) =>
          submit(c, 'password', ['currentPassword', 'newPassword'], async (v) => {
            await changePassword(writeDeps, adminUserOf(c), currentSessionId(c), { currentPassword: v.currentPassword!, newPassword: v.newPassword! });
            return 'password';
          }),
      },
      {
        method: 'POST',
        path: '/profile/two-factor/start',
        access: 'staff',
        handler: async (c) => {
          try {
            await beginTwoFactorSetup(writeDeps, adminUserOf(c));
          } catch (error) {
            if (!(error instanceof ConflictError)) throw error;
          }
          return c.redirect('/admin/profile/two-factor', 303);
        },
      },
      {
        method: 'GET',
        path: '/profile/two-factor',
        access: 'staff',
        handler: async (c) => setupPage(c, undefined),
      },
      {
        method: 'POST',
        path: '/profile/two-factor/confirm',
        access: 'staff',
        handler: async (c) => {
          const { code } = await postedStrings(c, ['code'], 40);
          try {
            const { recoveryCodes } = await confirmTwoFactor(writeDeps, adminUserOf(c), { code: code! });
            return adminPage(c, { title: 'Your recovery codes', notice: 'Two-factor sign-in is on.', children: <RecoveryCodesView codes={recoveryCodes} /> });
          } catch (error) {
            if (error instanceof ValidationError) return setupPage(c, error.fields);
            if (error instanceof ConflictError) return c.redirect('/admin/profile/', 303);
            throw error;
          }
        },
      },
      {
        method: 'POST',
        path: '/profile/two-factor/disable',
        access: 'staff',
        handler: (c) =>
          submit(c, 'two-factor', ['password', 'code'], async (v) => {
            await disableTwoFactor(writeDeps, adminUserOf(c), { password: v.password!, code: v.code! });
            return 'two-factor-off';
          }),
      },
      {
        method: 'POST',
        path: '/profile/two-factor/recovery-codes',
        access: 'staff',
        handler: async (c) => {
          const { password } = await postedStrings(c, ['password'], 1000);
          try {
            const { recoveryCodes } = await regenerateRecoveryCodes(writeDeps, adminUserOf(c), { password: password! });
            return adminPage(c, { title: 'Your recovery codes', notice: 'New recovery codes: the old ones no longer work.', children: <RecoveryCodesView codes={recoveryCodes} /> });
          } catch (error) {
            if (error instanceof ValidationError) return page(c, { form: 'two-factor', values: {}, errors: {}, message: 'That is not your current password: the codes were not replaced.' });
            if (error instanceof ConflictError) return c.redirect('/admin/profile/', 303);
            throw error;
          }
        },
      },
      {
        method: 'POST',
        path: '/profile/sessions/:handle/end',
        access: 'staff',
        handler: async (c) => {
          await endOwnSession(deps.db, deps.clock, adminUserOf(c), c.req.param('handle')!);
          return c.redirect('/admin/profile/?done=session-ended', 303);
        },
      },
      {
        method: 'POST',
        path: '/profile/sessions/end-others',
        access: 'staff',
        handler: async (c) => {
          await endOtherSessions(deps.db, adminUserOf(c), currentSessionId(c));
          return c.redirect('/admin/profile/?done=others-ended', 303);
        },
      },
    ],
  };

  async function setupPage(c: AdminContext, errors: Record<string, string> | undefined) {
    const status = await twoFactorStatus(deps, adminUserOf(c), await issuer());
    if (!status.pending) return c.redirect('/admin/profile/', 303);
    const svg = await QRCode.toString(status.pending.uri, { type: 'svg', margin: 1, errorCorrectionLevel: 'M' });
    return adminPage(c, {
      title: 'Set up two-factor sign-in',
      status: errors ? 400 : 200,
      children: (
        <TwoFactorSetupView
          csrfToken={adminChromeOf(c).csrfToken}
          qrDataUrl={`data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`}
          secret={status.pending.secret}
          errors={errors}
        />
      ),
    });
  }
}
