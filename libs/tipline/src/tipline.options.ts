import type { ClockSettings, TipCandidates } from '@zhiben/contracts';

/** What the tipline context needs from the service's configuration (read once in libs/config). */
export interface TiplineOptions {
  hazardsUrl: string;
  keycloakUrl: string;
  realm: string;
  /** The services' confidential client (client-credentials grant for service-to-service calls). */
  serviceClientId: string;
  serviceClientSecret: string;
  storageDir: string;
  uploadMaxBytes: number;
  msPerDay: number;
  allowTimeScale: boolean;
  receivingUnit: { code: string; name: string };
  parentUnitCode: string;
  intake: { perMinute: number; burst: number };
  trustedProxies: number;
  vault: VaultKeys;
}

export interface VaultKeys {
  current: { id: string; key: Buffer };
  old: { id: string; key: Buffer }[];
  /** HMAC secret for claim-code hashes (stable across vault key rotations). */
  claimPepper: Buffer;
}

export const TIPLINE_OPTIONS = Symbol('TIPLINE_OPTIONS');

/** Handlers of the receiving unit; rewards, extensions, re-checks and escalations go to the level above. */
export function tipCandidates(o: Pick<TiplineOptions, 'receivingUnit' | 'parentUnitCode'>): TipCandidates {
  const above = [{ role: 'leader' as const, orgUnitCode: o.parentUnitCode }];
  return {
    handlers: [{ role: 'tip-handler', orgUnitCode: o.receivingUnit.code }],
    approvers: above,
    extensionApprovers: above,
    supervisors: above,
    recheckers: above,
    finance: [{ role: 'admin', orgUnitCode: o.receivingUnit.code }],
  };
}

export const clockOf = (msPerDay: number): ClockSettings => ({ msPerDay });
