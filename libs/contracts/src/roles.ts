/** Realm roles (ARCHITECTURE.md §4). Keep in sync with deploy/keycloak/zhiben-realm.json. */
export const ROLES = [
  'official',
  'leader',
  'inspector',
  'admin',
  'ops',
  'enterprise',
  'auditor',
  'tip-handler',
  'sys-admin',
  'sec-admin',
  'audit-admin',
] as const;

export type Role = (typeof ROLES)[number];
