import { ForbiddenError } from '../shared/errors.js';

export const ROLES = ['administrator', 'editor', 'author', 'contributor'] as const;
export type Role = (typeof ROLES)[number];

/**
 * WordPress's familiar capabilities, the ones Dossier checks. Use cases check them (the
 * rule holds whatever calls it); admin routes declare one each (the route registry).
 */
export const CAPABILITIES = [
  /** write drafts and edit one's own unpublished articles; submit them for review */
  'write_articles',
  /** publish, schedule, unpublish one's own articles; upload media */
  'publish_own',
  'upload_media',
  /** publish and edit anyone's articles */
  'publish_any',
  'edit_any',
  /** topics, tags, author pages of others */
  'manage_taxonomy',
  /** standalone pages and redirects */
  'manage_pages',
  'manage_redirects',
  'moderate_comments',
  'manage_users',
  'manage_settings',
] as const;
export type Capability = (typeof CAPABILITIES)[number];

const EDITOR: readonly Capability[] = [
  'write_articles',
  'publish_own',
  'upload_media',
  'publish_any',
  'edit_any',
  'manage_taxonomy',
  'manage_pages',
  'manage_redirects',
  'moderate_comments',
];

const GRANTS: Record<Role, readonly Capability[]> = {
  administrator: [...EDITOR, 'manage_users', 'manage_settings'],
  editor: EDITOR,
  author: ['write_articles', 'publish_own', 'upload_media'],
  contributor: ['write_articles'],
};

export function can(role: Role, capability: Capability): boolean {
  return GRANTS[role].includes(capability);
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

/** Who is acting, as a use case needs to know it to check a capability. */
export interface Actor {
  id: string;
  role: Role;
}

/** Throws a ForbiddenError written for people unless the actor holds the capability. */
export function assertCan(actor: Actor, capability: Capability, action: string): void {
  if (!can(actor.role, capability)) throw new ForbiddenError(`Your role (${actor.role}) may not ${action}.`);
}

/**
 * Who acts when no person does: the demo seed, importers and command-line scripts, which an
 * operator runs with full rights. Never the actor of an HTTP request.
 */
export const SYSTEM_ACTOR: Actor = Object.freeze({ id: 'system', role: 'administrator' });
