import type { Generated, Selectable } from 'kysely';

export interface UsersTable {
  id: string;
  email: string;
  name: string;
  slug: string;
  /** scrypt hash; empty for an invited account that has not chosen a password yet */
  password_hash: string;
  role: string; // Role
  bio: Generated<string>;
  avatar_media_id: string | null;
  created_at: string;
  updated_at: string;
  status: Generated<string>; // AccountStatus
  last_sign_in_at: string | null;
  totp_secret: string | null;
  totp_pending_secret: string | null;
  totp_last_step: number | null;
}
export type UserRow = Selectable<UsersTable>;

export interface SessionsTable {
  id: string;
  user_id: string;
  created_at: string;
  expires_at: string;
  last_seen_at: string | null;
  user_agent: Generated<string>;
  /** the address with its host part cut off (IPv4 /24, IPv6 /48), or "" */
  ip_prefix: Generated<string>;
}

export interface RateCountersTable {
  key: string;
  window_start: string;
  count: number;
}

/** One-time links (invitations, password resets): only the token's SHA-256 is kept. */
export interface AccountTokensTable {
  id: string;
  user_id: string;
  purpose: string; // 'invite' | 'reset'
  created_at: string;
  expires_at: string;
  used_at: string | null;
}

export interface RecoveryCodesTable {
  code_hash: string;
  user_id: string;
  created_at: string;
  used_at: string | null;
}

/** A sign-in whose password was right and whose second factor is still to come. */
export interface SignInChallengesTable {
  id: string;
  user_id: string;
  created_at: string;
  expires_at: string;
}
