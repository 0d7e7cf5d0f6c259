import type { Role } from '@zhiben/contracts';

/**
 * Who may see and run which campaign (ARCHITECTURE.md §4, applied to campaigns). Pure: the caller's
 * units come from the directory elsewhere.
 *
 * - A caller **governs** the subtree of their territorial unit; an office governs the level it serves
 *   (区安委办 → the district). Departments and enterprises govern nothing.
 * - A campaign is **visible** to callers governing its jurisdiction (the district sees a town's plan), to
 *   callers inside its jurisdiction (a town sees the district's campaign) and to its participants.
 * - It is **administered** by admins governing its jurisdiction; events are signalled by its admins and
 *   leaders.
 */

export interface UnitRef {
  id: string;
  code: string;
  name: string;
  kind: string;
  parentId: string | null;
  path: string;
}

export interface CampaignCaller {
  username: string;
  name: string;
  roles: readonly Role[];
  unit: UnitRef | null;
  /** Path of the subtree the caller governs, or null. */
  governs: string | null;
  /** The unit whose subtree the caller governs (the town, or the district an office serves). */
  governedUnit: UnitRef | null;
  /** `ent:<credit code>` for enterprise users. */
  enterpriseScope: string | null;
  /** Units the caller may see, by code (their jurisdiction and its ancestors). */
  units: ReadonlyMap<string, UnitRef>;
}

export interface ScopedCampaign {
  jurisdictionPath: string;
  participantCodes: readonly string[];
}

export const TERRITORIAL_KINDS = new Set(['district', 'town', 'street', 'platform', 'village', 'community']);

/** The unit whose subtree a unit governs: itself when territorial, its parent when an office. */
export function governedUnit(unit: UnitRef | null, parent: UnitRef | null): UnitRef | null {
  if (!unit) return null;
  if (TERRITORIAL_KINDS.has(unit.kind)) return unit;
  if (unit.kind === 'office') return parent;
  return null;
}

export function canSeeCampaign(caller: CampaignCaller, c: ScopedCampaign): boolean {
  if (caller.governs !== null && c.jurisdictionPath.startsWith(caller.governs)) return true;
  if (caller.unit && caller.unit.path.startsWith(c.jurisdictionPath)) return true;
  if (caller.unit && c.participantCodes.includes(caller.unit.code)) return true;
  return caller.enterpriseScope !== null && c.participantCodes.includes(caller.enterpriseScope);
}

export function governsPath(caller: CampaignCaller, path: string): boolean {
  return caller.governs !== null && path.startsWith(caller.governs);
}

export function canAdminister(caller: CampaignCaller, c: ScopedCampaign): boolean {
  return caller.roles.includes('admin') && governsPath(caller, c.jurisdictionPath);
}

export function canSignalEvents(caller: CampaignCaller, c: ScopedCampaign): boolean {
  return (
    (caller.roles.includes('admin') || caller.roles.includes('leader')) &&
    governsPath(caller, c.jurisdictionPath)
  );
}

/** The code a unit reports under: its org unit, or `ent:<credit code>` for an enterprise. */
export function reportingCode(caller: CampaignCaller): string | null {
  return caller.enterpriseScope ?? caller.unit?.code ?? null;
}

/** A unit's report: the unit itself fills it in; callers governing the unit read it. */
export function canFillReport(caller: CampaignCaller, unitCode: string): boolean {
  return reportingCode(caller) === unitCode;
}

export function canReadUnit(caller: CampaignCaller, unitCode: string): boolean {
  if (canFillReport(caller, unitCode)) return true;
  const unit = caller.units.get(unitCode);
  return unit !== undefined && governsPath(caller, unit.path);
}

const likePrefix = (s: string) => `${s.replace(/[%_\\]/g, '\\$&')}%`;

/** SQL restricting a campaigns query (alias `c`) to the caller's visible campaigns. */
export function campaignScopeWhere(caller: CampaignCaller): { sql: string; params: Record<string, unknown> } {
  const parts: string[] = [];
  const params: Record<string, unknown> = {};
  if (caller.governs !== null) {
    parts.push('c.jurisdiction_path LIKE :scope_governs');
    params['scope_governs'] = likePrefix(caller.governs);
  }
  if (caller.unit) {
    parts.push(":scope_unit_path LIKE c.jurisdiction_path || '%'");
    parts.push(':scope_unit_code = ANY(c.participant_codes)');
    params['scope_unit_path'] = caller.unit.path;
    params['scope_unit_code'] = caller.unit.code;
  }
  if (caller.enterpriseScope) {
    parts.push(':scope_ent = ANY(c.participant_codes)');
    params['scope_ent'] = caller.enterpriseScope;
  }
  return { sql: parts.length ? `(${parts.join(' OR ')})` : '1 = 0', params };
}
