import { Injectable } from '@nestjs/common';
import type { Principal } from '@zhiben/auth';
import { DomainException } from '@zhiben/platform';
import { DataSource } from 'typeorm';
import { InspectionEntity, PenaltyCaseEntity, ReferralEntity } from '../entities';
import { ScopeResolver, type EnforcementScope } from '../scope/scope.resolver';

/**
 * Loads a record the caller may read: 404 when it does not exist, 403 when it lies outside the caller's
 * jurisdiction. Enterprises read their own inspections and cases, never referrals.
 */
@Injectable()
export class RecordsService {
  constructor(
    private readonly ds: DataSource,
    private readonly scopes: ScopeResolver,
  ) {}

  async inspection(p: Principal, token: string, id: string) {
    return this.load(p, token, InspectionEntity, 'Inspection', id);
  }

  async penaltyCase(p: Principal, token: string, id: string) {
    return this.load(p, token, PenaltyCaseEntity, 'Case', id);
  }

  async referral(p: Principal, token: string, id: string) {
    if (p.roles.includes('enterprise')) {
      throw new DomainException('FORBIDDEN', { detail: 'Enterprises do not see referrals' });
    }
    return this.load(p, token, ReferralEntity, 'Referral', id);
  }

  /** 403 unless the caller is the inspection's or case's own enterprise (for enterprise writes). */
  assertOwnEnterprise(p: Principal, row: { enterpriseCreditCode: string }): void {
    if (!p.enterpriseCreditCode || p.enterpriseCreditCode !== row.enterpriseCreditCode) {
      throw new DomainException('OUT_OF_JURISDICTION', { detail: 'Only the enterprise itself may do this' });
    }
  }

  private async load<T extends InspectionEntity | PenaltyCaseEntity | ReferralEntity>(
    p: Principal,
    token: string,
    entity: new () => T,
    what: string,
    id: string,
  ): Promise<{ row: T; scope: EnforcementScope }> {
    const row = await this.ds.getRepository<T>(entity).findOneBy({ id } as never);
    if (!row) throw DomainException.notFound(what, id);
    const scope = await this.scopes.scopeOf(p, token);
    this.scopes.assertCanRead(scope, row, what);
    return { row, scope };
  }
}
