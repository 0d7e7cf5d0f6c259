/**
 * What a caller may see of the hazard ledger (ARCHITECTURE.md §4), the same rules the directory applies
 * to enterprises: a territorial unit sees its subtree, an office the level it serves, a department its
 * sectors within its district, an enterprise itself. Pure: resolved from directory data elsewhere.
 */
export type HazardScope =
  | { kind: 'subtree'; rootPath: string }
  | { kind: 'sectors'; districtPath: string; sectors: string[] }
  | { kind: 'enterprise'; creditCode: string }
  | { kind: 'none' };

/** The fields of a ledger row that scoping looks at. */
export interface ScopedRow {
  orgPath: string;
  sector: string;
  enterpriseCreditCode: string;
}

export function canRead(scope: HazardScope, row: ScopedRow): boolean {
  switch (scope.kind) {
    case 'subtree':
      return row.orgPath.startsWith(scope.rootPath);
    case 'sectors':
      return row.orgPath.startsWith(scope.districtPath) && scope.sectors.includes(row.sector);
    case 'enterprise':
      return row.enterpriseCreditCode === scope.creditCode;
    case 'none':
      return false;
  }
}

const likePrefix = (s: string) => `${s.replace(/[%_\\]/g, '\\$&')}%`;

/** SQL restricting a hazards query (alias `h`) to the scope; parameters are namespaced `scope_*`. */
export function scopeWhere(
  scope: HazardScope,
  alias = 'h',
): { sql: string; params: Record<string, unknown> } {
  switch (scope.kind) {
    case 'subtree':
      return {
        sql: `${alias}.org_path LIKE :scope_prefix`,
        params: { scope_prefix: likePrefix(scope.rootPath) },
      };
    case 'sectors':
      if (scope.sectors.length === 0) return { sql: '1 = 0', params: {} };
      return {
        sql: `(${alias}.org_path LIKE :scope_prefix AND ${alias}.sector IN (:...scope_sectors))`,
        params: { scope_prefix: likePrefix(scope.districtPath), scope_sectors: scope.sectors },
      };
    case 'enterprise':
      return { sql: `${alias}.enterprise_credit_code = :scope_cc`, params: { scope_cc: scope.creditCode } };
    case 'none':
      return { sql: '1 = 0', params: {} };
  }
}

/** Directory org-unit kinds that govern a territory (their subtree). */
export const TERRITORIAL_KINDS = new Set(['district', 'town', 'street', 'platform', 'village', 'community']);

/**
 * The scope of a non-enterprise caller from their org unit and its parent: territorial → subtree;
 * office → the level it serves (its parent's subtree, 区安委办 → the district); department → sectors.
 */
export function scopeForUnit(
  unit: { kind: string; path: string; sectors: string[] },
  parent: { path: string } | null,
): HazardScope {
  if (TERRITORIAL_KINDS.has(unit.kind)) return { kind: 'subtree', rootPath: unit.path };
  const levelPath = parent?.path ?? unit.path;
  if (unit.kind === 'office') return { kind: 'subtree', rootPath: levelPath };
  if (unit.kind === 'department') return { kind: 'sectors', districtPath: levelPath, sectors: unit.sectors };
  return { kind: 'none' };
}
