import { Injectable } from '@nestjs/common';
import type { Principal } from '@zhiben/auth';
import type { OrgUnitDto } from '@zhiben/contracts';
import { canRead, scopeForUnit, TERRITORIAL_KINDS, type HazardScope } from '@zhiben/hazards';
import { DomainException } from '@zhiben/platform';
import { DirectoryClient } from '../directory/directory.client';

/** The same jurisdiction rules as the hazard ledger (ARCHITECTURE.md §4). */
export type EnforcementScope = HazardScope;

/** What an enforcement record exposes to scoping. */
export interface ScopedRecord {
  orgPath: string;
  sector: string;
  enterpriseCreditCode: string;
}

export interface CallerUnit {
  unit: OrgUnitDto;
  parent: OrgUnitDto | null;
  scope: EnforcementScope;
}

const TTL_MS = 60_000;
const MAX_ENTRIES = 5_000;

/**
 * Resolves a caller's scope (and, for officials, their org unit and its parent) from the directory,
 * cached per user and org unit for a minute. An enterprise sees itself; a department its sectors within
 * its district; a territorial unit its subtree; an office the level it serves.
 */
@Injectable()
export class ScopeResolver {
  private readonly cache = new Map<string, { value: CallerUnit | null; until: number }>();

  constructor(private readonly directory: DirectoryClient) {}

  async scopeOf(p: Principal, token: string): Promise<EnforcementScope> {
    if (p.roles.includes('enterprise')) {
      return p.enterpriseCreditCode
        ? { kind: 'enterprise', creditCode: p.enterpriseCreditCode }
        : { kind: 'none' };
    }
    return (await this.unitOf(p, token))?.scope ?? { kind: 'none' };
  }

  /** The official's org unit, its parent and scope; null for enterprises and callers without a unit. */
  async unitOf(p: Principal, token: string): Promise<CallerUnit | null> {
    if (p.roles.includes('enterprise') || !p.orgUnitCode) return null;
    const key = `${p.sub}|${p.orgUnitCode}`;
    const hit = this.cache.get(key);
    if (hit && hit.until > Date.now()) return hit.value;
    const value = await this.resolve(token);
    if (this.cache.size >= MAX_ENTRIES) this.cache.clear();
    this.cache.set(key, { value, until: Date.now() + TTL_MS });
    return value;
  }

  private async resolve(token: string): Promise<CallerUnit | null> {
    const me = await this.directory.me(token);
    if (!me?.orgUnit) return null;
    const unit = await this.directory.orgUnit(token, me.orgUnit.id);
    if (!unit) return null;
    const parent =
      !TERRITORIAL_KINDS.has(unit.kind) && unit.parentId
        ? await this.directory.orgUnit(token, unit.parentId)
        : null;
    return { unit, parent, scope: scopeForUnit(unit, parent) };
  }

  /** 403 OUT_OF_JURISDICTION unless the scope covers the record (nothing about it is revealed). */
  assertCanRead(scope: EnforcementScope, row: ScopedRecord, what = 'Record'): void {
    if (!canRead(scope, row)) {
      throw new DomainException('OUT_OF_JURISDICTION', {
        detail: `${what} is outside the caller’s jurisdiction`,
      });
    }
  }
}
