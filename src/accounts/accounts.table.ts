import type { Generated, Selectable } from 'kysely';

export interface UsersTable {
  id: string;
  email: string;
  name: string;
  slug: string;
  password_hash: string;
  role: string; // Role
  bio: Generated<string>;
  avatar_media_id: string | null;
  created_at: string;
  updated_at: string;
}
export type UserRow = Selectable<UsersTable>;

export interface SessionsTable {
  id: string;
  user_id: string;
  created_at: string;
  expires_at: string;
}

export interface RateCountersTable {
  key: string;
  window_start: string;
  count: number;
}
