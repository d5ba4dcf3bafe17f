export * from './role.js';
export { ACCOUNT_STATUSES, type AccountMailDeps, type AccountStatus, INVITE_TTL_SECONDS, RESET_TTL_SECONDS, type StaffAccount } from './account.js';
export { createUser } from './create-user.js';
export { Email, NewUser, Password } from './user.schema.js';
export { countUsers, findUserById, findUserBySlug, findUsersByIds, listActiveStaffFor } from './user.queries.js';
export { addressPrefix, LAST_SEEN_RESOLUTION_SECONDS, SESSION_TTL_SECONDS, type Session, sessionIdOf } from './session.js';
export {
  deleteExpiredSessions,
  endOtherSessions,
  endOwnSession,
  endSession,
  findSessionUser,
  listOwnSessions,
  type SessionSummary,
  type SessionUser,
  startSession,
  type StartedSession,
} from './manage-sessions.js';
export {
  AccountDeactivatedError,
  accountThrottleKey,
  CHALLENGE_TTL_SECONDS,
  deviceThrottleKey,
  ipThrottleKey,
  login,
  LOGIN_FAILED_MESSAGE,
  LOGIN_LIMITS,
  LoginFailedError,
  LoginThrottledError,
  type LoginDeps,
  type LoginFailure,
  type LoginInput,
  type LoginLimits,
  type LoginOutcome,
  type LoginResult,
  type SecondFactorNeeded,
} from './login.js';
export { completeSignIn, SecondFactorFailedError, secondFactorThrottleKey, type SecondFactorInput, SignInExpiredError, WRONG_CODE_MESSAGE } from './complete-sign-in.js';
export { DEVICE_COOKIE, DEVICE_TOKEN_TTL_SECONDS, formatDeviceCookie, parseDeviceCookie } from './device-cookie.js';
export { ProfileChanges, updateProfile } from './update-profile.js';
export { AuthorPageChanges, updateAuthorPage } from './update-author-page.js';
export { acceptInvitation, findInvitation, type InviteResult, inviteUser, LinkExpiredError, resendInvitation } from './invite-user.js';
export { isResetLinkLive, requestPasswordReset, RESET_LIMITS, RESET_REQUESTED_MESSAGE, ResetThrottledError, type ResetLimits, resetPassword } from './password-reset.js';
export { changeRole, deactivateUser, findAccount, LAST_ADMIN_MESSAGE, listAccounts, reactivateUser } from './manage-accounts.js';
export { changeEmail, changePassword } from './change-credentials.js';
export {
  beginTwoFactorSetup,
  confirmTwoFactor,
  disableTwoFactor,
  regenerateRecoveryCodes,
  twoFactorStatus,
  type TwoFactorStatus,
} from './two-factor-setup.js';
export { RECOVERY_CODE_COUNT, totpCodeAt } from './totp.js';
