/**
 * Who may do what in `vigil serve`, declared once as data. Route checks, the users CLI, the UI's
 * menus and the role × output leak test all derive from this table.
 */
import type { Confidentiality, Label } from './taxonomy.ts';

export const PERMISSIONS = {
  read: { en: 'Read reports, persons and case files', ru: 'Читать сообщения, персоны и дела' },
  review: { en: 'Accept, correct and reject proposed facts', ru: 'Принимать, исправлять и отклонять факты' },
  ingest: { en: 'Upload reports; merge and split persons', ru: 'Загружать сообщения; объединять и разделять персоны' },
  manage: { en: 'Manage users and keys', ru: 'Управлять пользователями и ключами' },
} as const satisfies Record<string, Label>;
export type Permission = keyof typeof PERMISSIONS;

/** clearance: the most protected confidentiality level the role may read. */
export const USER_ROLES = {
  admin: { en: 'Administrator', ru: 'Администратор', permissions: ['read', 'review', 'ingest', 'manage'], clearance: 'confidential' },
  editor: { en: 'Editor', ru: 'Редактор', permissions: ['read', 'review', 'ingest'], clearance: 'confidential' },
  reviewer: { en: 'Reviewer', ru: 'Рецензент', permissions: ['read', 'review'], clearance: 'internal' },
  viewer: { en: 'Viewer', ru: 'Читатель', permissions: ['read'], clearance: 'public' },
} as const satisfies Record<string, Label & { permissions: readonly Permission[]; clearance: Confidentiality }>;
export type UserRole = keyof typeof USER_ROLES;
export const USER_ROLE_NAMES = Object.keys(USER_ROLES) as UserRole[];

export function isUserRole(s: string): s is UserRole {
  return Object.hasOwn(USER_ROLES, s);
}

export function can(role: UserRole, permission: Permission): boolean {
  return (USER_ROLES[role].permissions as readonly Permission[]).includes(permission);
}
