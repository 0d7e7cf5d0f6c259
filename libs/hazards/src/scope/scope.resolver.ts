import { Injectable } from '@nestjs/common';
import type { Principal } from '@zhiben/auth';
import { DomainException } from '@zhiben/platform';
import { DirectoryClient } from '../directory/directory.client';
import { canRead, scopeForUnit, TERRITORIAL_KINDS, type HazardScope, type ScopedRow } from './hazard-scope';

const TTL_MS = 60_000;
const MAX_ENTRIES = 5_000;

/**
 * Resolves a caller's HazardScope from the directory (their org unit, its path and sectors), cached per
 * user and org unit for a minute: org changes take effect within that minute.
 */
@Injectable()
export class ScopeResolver {
  private readonly cache = new Map<string, { scope: HazardScope; until: number }>();

  constructor(private readonly directory: DirectoryClient) {}

  async scopeOf(p: Principal, token: string): Promise<HazardScope> {
    if (p.roles.includes('enterprise')) {
      // Fail closed: an enterprise account without its enterprise claim sees nothing.
      return p.enterpriseCreditCode
        ? { kind: 'enterprise', creditCode: p.enterpriseCreditCode }
        : { kind: 'none' };
    }
    if (!p.orgUnitCode) return { kind: 'none' };
    const key = `${p.sub}|${p.orgUnitCode}`;
    const hit = this.cache.get(key);
    if (hit && hit.until > Date.now()) return hit.scope;
    const scope = await this.resolve(token);
    if (this.cache.size >= MAX_ENTRIES) this.cache.clear();
    this.cache.set(key, { scope, until: Date.now() + TTL_MS });
    return scope;
  }

  private async resolve(token: string): Promise<HazardScope> {
    const me = await this.directory.me(token);
    if (!me?.orgUnit) return { kind: 'none' };
    const unit = await this.directory.orgUnit(token, me.orgUnit.id);
    if (!unit) return { kind: 'none' };
    const parent =
      !TERRITORIAL_KINDS.has(unit.kind) && unit.parentId
        ? await this.directory.orgUnit(token, unit.parentId)
        : null;
    return scopeForUnit(unit, parent);
  }

  /** 403 OUT_OF_JURISDICTION unless the scope covers the row (nothing about the row is revealed). */
  assertCanRead(scope: HazardScope, row: ScopedRow): void {
    if (!canRead(scope, row)) {
      throw new DomainException('OUT_OF_JURISDICTION', {
        detail: 'Hazard is outside the caller’s jurisdiction',
      });
    }
  }
}
