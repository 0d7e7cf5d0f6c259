import { roleFlags, useRoles } from '../../providers/roles';

/**
 * Who sees and does what in enforcement (the API enforces the same): officials of every kind see the
 * enforcement menus; enterprise staff see their own inspections and penalty cases, never plans,
 * referrals or the board.
 */
export const ENFORCEMENT_ROLES = ['inspector', 'official', 'leader', 'ops', 'admin'] as const;
/** Plan, create and record inspections, open cases, prepare referral packages. */
const INSPECTING_ROLES = ['inspector', 'official', 'admin'];

export interface EnforcementAbilities {
  /** Sees the enforcement menu as an official. */
  official: boolean;
  /** Enterprise staff: its own inspections and cases only. */
  enterprise: boolean;
  /** Plans, inspects, records, opens cases, prepares and submits referral packages. */
  inspect: boolean;
  /** Records measures (约谈/通报/曝光, orders) on a case. */
  act: boolean;
  /** Records the police and procuratorate answers (联络员). */
  liaise: boolean;
  /** Sees referrals and the board. */
  referrals: boolean;
}

export const enforcementAbilities = (roles: readonly string[]): EnforcementAbilities => {
  const flags = roleFlags(roles);
  const official = roles.some((role) => (ENFORCEMENT_ROLES as readonly string[]).includes(role));
  const inspect = roles.some((role) => INSPECTING_ROLES.includes(role));
  return {
    official,
    enterprise: flags.enterprise && !official,
    inspect,
    act: official,
    liaise: inspect || roles.includes('leader'),
    referrals: official,
  };
};

export const useEnforcementRoles = (): EnforcementAbilities & { isPending: boolean } => {
  const { roles, isPending } = useRoles();
  return { ...enforcementAbilities(roles), isPending };
};
