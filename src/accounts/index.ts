export * from './role.js';
export { createUser } from './create-user.js';
export { Email, NewUser, Password } from './user.schema.js';
export { countUsers, findUserById, findUserBySlug, findUsersByIds } from './user.queries.js';
export { SESSION_TTL_SECONDS, type Session, sessionIdOf } from './session.js';
export { deleteExpiredSessions, endSession, findSessionUser, startSession, type SessionUser, type StartedSession } from './manage-sessions.js';
export {
  accountThrottleKey,
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
  type LoginResult,
} from './login.js';
export { DEVICE_COOKIE, DEVICE_TOKEN_TTL_SECONDS, formatDeviceCookie, parseDeviceCookie } from './device-cookie.js';
export { ProfileChanges, updateProfile } from './update-profile.js';
export { AuthorPageChanges, updateAuthorPage } from './update-author-page.js';
