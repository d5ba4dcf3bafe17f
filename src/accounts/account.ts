import type { Database } from '../db/database.js';
import type { MailQueue } from '../shared/mail-queue.js';
import type { WriteDeps } from '../shared/write-deps.js';
import type { User } from './role.js';

/**
 * invited: created by an administrator, no password yet (the emailed link sets one);
 * active: may sign in; deactivated: may not, and has no sessions — their articles and
 * bylines stay as they are.
 */
export const ACCOUNT_STATUSES = ['invited', 'active', 'deactivated'] as const;
export type AccountStatus = (typeof ACCOUNT_STATUSES)[number];

/** A person as the users screen shows them. */
export interface StaffAccount extends User {
  status: AccountStatus;
  lastSignInAt: string | null;
  createdAt: string;
  hasTwoFactor: boolean;
}

/** What the use cases that send mail are given beyond a write's usual deps. */
export interface AccountMailDeps extends WriteDeps {
  mail: MailQueue;
  /** links in messages are built from it, never from a request's Host header */
  siteUrl: URL;
}

export type AccountsDb = Database;

/** How long one-time links last. */
export const INVITE_TTL_SECONDS = 7 * 24 * 60 * 60;
export const RESET_TTL_SECONDS = 60 * 60;
