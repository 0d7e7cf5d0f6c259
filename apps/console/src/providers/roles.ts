import { usePermissions } from 'react-admin';

/**
 * What the console offers by realm role (the API enforces the same): enterprise staff act on their own
 * hazards; officials of a jurisdiction register, review and supervise.
 */
export const OFFICIAL_ROLES = ['official', 'leader', 'inspector', 'admin', 'ops'] as const;

export interface RoleFlags {
  roles: string[];
  /** 企业用户: sees and acts on its own hazards only. */
  enterprise: boolean;
  /** 政府工作人员 of a town, department or office. */
  official: boolean;
  /** 三权分立 system administrator (test/demo facilities such as a scaled clock). */
  sysAdmin: boolean;
}

export const roleFlags = (roles: readonly string[]): RoleFlags => ({
  roles: [...roles],
  enterprise: roles.includes('enterprise'),
  official: roles.some((role) => (OFFICIAL_ROLES as readonly string[]).includes(role)),
  sysAdmin: roles.includes('sys-admin'),
});

export const useRoles = (): RoleFlags & { isPending: boolean } => {
  const { permissions, isPending } = usePermissions<string[]>();
  return { ...roleFlags(Array.isArray(permissions) ? permissions : []), isPending };
};
