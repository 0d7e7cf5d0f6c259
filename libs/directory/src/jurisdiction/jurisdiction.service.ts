import { Injectable } from '@nestjs/common';
import type { Principal } from '@zhiben/auth';
import { DomainException } from '@zhiben/platform';
import { DataSource, type SelectQueryBuilder } from 'typeorm';
import { EnterpriseEntity } from '../enterprises/enterprise.entity';
import { OrgUnitEntity } from '../org-units/org-unit.entity';

/**
 * What a caller may see (ARCHITECTURE.md §4): a territorial unit sees its subtree, an office
 * sees the level it serves (区安委办 → the district), a department sees its sectors within its
 * district, an enterprise sees itself.
 */
export type Scope =
  | { kind: 'subtree'; unit: OrgUnitEntity; rootPath: string }
  | { kind: 'sectors'; unit: OrgUnitEntity; districtPath: string; sectors: string[] }
  | { kind: 'enterprise'; unit: OrgUnitEntity | null; creditCode: string }
  | { kind: 'none' };

const TERRITORIAL = new Set(['district', 'town', 'street', 'platform', 'village', 'community']);

export function ancestorIds(path: string): string[] {
  return path.split('/').filter(Boolean);
}

@Injectable()
export class JurisdictionService {
  constructor(private readonly ds: DataSource) {}

  async scopeOf(p: Principal): Promise<Scope> {
    const units = this.ds.getRepository(OrgUnitEntity);
    const unit = p.orgUnitCode ? await units.findOneBy({ code: p.orgUnitCode }) : null;
    if (p.roles.includes('enterprise')) {
      // Fail closed: an enterprise account without its enterprise claim sees nothing.
      return p.enterpriseCreditCode
        ? { kind: 'enterprise', unit, creditCode: p.enterpriseCreditCode }
        : { kind: 'none' };
    }
    if (!unit) return { kind: 'none' };
    if (TERRITORIAL.has(unit.kind)) return { kind: 'subtree', unit, rootPath: unit.path };
    const parent = unit.parentId ? await units.findOneBy({ id: unit.parentId }) : null;
    const levelPath = parent?.path ?? unit.path;
    if (unit.kind === 'office') return { kind: 'subtree', unit, rootPath: levelPath };
    return { kind: 'sectors', unit, districtPath: levelPath, sectors: unit.sectors };
  }

  /** Restricts an org-unit query (alias `ou`) to what the scope may read. */
  async restrictOrgUnits(qb: SelectQueryBuilder<OrgUnitEntity>, scope: Scope): Promise<void> {
    switch (scope.kind) {
      case 'subtree':
        qb.andWhere('(ou.path LIKE :prefix OR ou.id IN (:...anc))', {
          prefix: `${scope.rootPath}%`,
          anc: ancestorIds(scope.rootPath),
        });
        return;
      case 'sectors':
        qb.andWhere('ou.path LIKE :prefix', { prefix: `${scope.districtPath}%` });
        return;
      case 'enterprise': {
        const ent = await this.ds.getRepository(EnterpriseEntity).findOneBy({ creditCode: scope.creditCode });
        const town = ent ? await this.ds.getRepository(OrgUnitEntity).findOneBy({ id: ent.townId }) : null;
        if (!town) {
          qb.andWhere('1 = 0');
          return;
        }
        qb.andWhere('ou.id IN (:...anc)', { anc: ancestorIds(town.path) });
        return;
      }
      case 'none':
        qb.andWhere('1 = 0');
        return;
    }
  }

  /** Restricts an enterprise query (alias `e`, joined town alias `t`). */
  restrictEnterprises(qb: SelectQueryBuilder<EnterpriseEntity>, scope: Scope): void {
    switch (scope.kind) {
      case 'subtree':
        qb.andWhere('t.path LIKE :prefix', { prefix: `${scope.rootPath}%` });
        return;
      case 'sectors':
        qb.andWhere('t.path LIKE :prefix', { prefix: `${scope.districtPath}%` });
        if (scope.sectors.length === 0) qb.andWhere('1 = 0');
        else qb.andWhere('e.sector IN (:...sectors)', { sectors: scope.sectors });
        return;
      case 'enterprise':
        qb.andWhere('e.credit_code = :cc', { cc: scope.creditCode });
        return;
      case 'none':
        qb.andWhere('1 = 0');
        return;
    }
  }

  /** Admin writes are allowed only inside a territorial subtree the caller governs. */
  assertCanAdminister(scope: Scope, targetPath: string): void {
    if (scope.kind !== 'subtree' || !targetPath.startsWith(scope.rootPath)) {
      throw new DomainException('OUT_OF_JURISDICTION', {
        detail: 'Target is outside the caller’s jurisdiction',
      });
    }
  }
}
