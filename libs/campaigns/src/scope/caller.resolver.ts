import { Injectable } from '@nestjs/common';
import type { Principal } from '@zhiben/auth';
import { enterpriseScope } from '@zhiben/contracts';
import { DirectoryClient } from '../directory/directory.client';
import { type CampaignCaller, governedUnit, type UnitRef } from './campaign-scope';

/** Resolves the caller's unit, governed subtree and visible units from the directory. */
@Injectable()
export class CallerResolver {
  constructor(private readonly directory: DirectoryClient) {}

  async resolve(p: Principal, token: string): Promise<CampaignCaller> {
    const ent =
      p.roles.includes('enterprise') && p.enterpriseCreditCode
        ? enterpriseScope(p.enterpriseCreditCode)
        : null;
    const base = { username: p.username, name: p.name, roles: p.roles, enterpriseScope: ent };
    if (p.roles.includes('enterprise') || !p.orgUnitCode) {
      return { ...base, unit: null, governs: null, governedUnit: null, units: new Map() };
    }
    const all = await this.directory.units(token);
    const units = new Map<string, UnitRef>(
      all.map((u) => [
        u.code,
        { id: u.id, code: u.code, name: u.name, kind: u.kind, parentId: u.parentId, path: u.path },
      ]),
    );
    const unit = units.get(p.orgUnitCode) ?? null;
    const parent = unit?.parentId ? ([...units.values()].find((u) => u.id === unit.parentId) ?? null) : null;
    const governed = governedUnit(unit, parent);
    return { ...base, unit, governs: governed?.path ?? null, governedUnit: governed, units };
  }
}
