export const ROLES = ['administrator', 'editor', 'author', 'contributor'] as const;
export type Role = (typeof ROLES)[number];

/** WordPress's familiar capabilities, the ones Dossier checks. */
export type Capability = 'publish_own' | 'publish_any' | 'edit_any' | 'moderate_comments' | 'manage_users' | 'manage_settings';

const CAPABILITIES: Record<Role, readonly Capability[]> = {
  administrator: ['publish_own', 'publish_any', 'edit_any', 'moderate_comments', 'manage_users', 'manage_settings'],
  editor: ['publish_own', 'publish_any', 'edit_any', 'moderate_comments'],
  author: ['publish_own'],
  contributor: [],
};

export function can(role: Role, capability: Capability): boolean {
  return CAPABILITIES[role].includes(capability);
}

export interface User {
  id: string;
  email: string;
  name: string;
  slug: string;
  role: Role;
  bio: string;
  avatarMediaId: string | null;
}
