import { useRoles } from '../../providers/roles';

/**
 * Who sees what of the tipline (the API enforces the same): tip handlers work the queue; officials and
 * leaders read it; leaders approve rewards, extensions and unmask requests. Enterprise staff never see
 * anything of it — not even a menu entry — since a tip must never reach the enterprise it names.
 */
/** The roles tipline-service lets read tips (its TIP_READERS, less the audit and system roles). */
export const TIP_QUEUE_ROLES = ['tip-handler', 'official', 'leader'] as const;

export interface TiplineAbilities {
  /** Sees the handlers' queue and the tip pages. */
  queue: boolean;
  /** Records acceptance, verification, feedback, the fine; asks to unmask. */
  handle: boolean;
  /** Approves rewards, extensions and unmask requests. */
  approve: boolean;
}

export const tiplineAbilities = (roles: readonly string[]): TiplineAbilities => {
  const staff = roles.some((role) => (TIP_QUEUE_ROLES as readonly string[]).includes(role));
  return {
    queue: staff,
    handle: roles.includes('tip-handler'),
    approve: roles.includes('leader'),
  };
};

export const useTiplineRoles = (): TiplineAbilities & { roles: string[]; isPending: boolean } => {
  const { roles, isPending } = useRoles();
  return { ...tiplineAbilities(roles), roles, isPending };
};
