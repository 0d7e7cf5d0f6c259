import { Injectable } from '@nestjs/common';
import type { Principal } from '@zhiben/auth';
import type { CandidateRule, EnterpriseDto } from '@zhiben/contracts';
import { canRead } from '@zhiben/hazards';
import { DomainException } from '@zhiben/platform';
import type { EntityManager } from 'typeorm';
import { DirectoryClient } from '../directory/directory.client';
import { table } from '../schema';
import { ScopeResolver } from '../scope/scope.resolver';

/** Where an enforcement record sits: the enterprise, its town and district, the enforcing department. */
export interface EnterprisePlace {
  enterprise: EnterpriseDto;
  town: { code: string; name: string; path: string };
  district: { id: string; code: string; name: string } | null;
  department: { code: string; name: string };
  /** Candidates of the workflows: the department's roles and the supervising office. */
  candidates: {
    inspectors: CandidateRule[];
    head: CandidateRule[];
    officials: CandidateRule[];
    supervisors: CandidateRule[];
  };
}

export const outOfJurisdiction = (path = 'enterpriseCreditCode') =>
  DomainException.field(
    path,
    '企业不存在或不在您的管辖范围内',
    'Enterprise not found or outside your jurisdiction',
    'OUT_OF_JURISDICTION',
  );

/** Shanghai calendar year of an instant. */
export const shanghaiYear = (d: Date) => new Date(d.getTime() + 8 * 3_600_000).getUTCFullYear();

/**
 * Resolves an enterprise for an official acting on it: the directory must show it to the caller (their
 * token), and the caller's scope must cover it — a department inspector acts only for the enterprises of
 * the department's sectors in its district (403 otherwise). The enforcing department is the caller's own
 * department, else the department leading the enterprise's sector.
 */
@Injectable()
export class PlacesService {
  constructor(
    private readonly directory: DirectoryClient,
    private readonly scopes: ScopeResolver,
  ) {}

  async forEnterprise(
    p: Principal,
    token: string,
    creditCode: string,
    path?: string,
  ): Promise<EnterprisePlace> {
    const context = await this.directory.enterpriseContext(token, creditCode);
    if (!context) throw outOfJurisdiction(path);
    const { enterprise, town, district, leadDepartment } = context;
    const scope = await this.scopes.scopeOf(p, token);
    if (
      !canRead(scope, {
        orgPath: town.path,
        sector: enterprise.sector,
        enterpriseCreditCode: enterprise.creditCode,
      })
    ) {
      throw outOfJurisdiction(path);
    }
    const caller = await this.scopes.unitOf(p, token);
    const department =
      caller?.unit.kind === 'department'
        ? { code: caller.unit.code, name: caller.unit.name }
        : leadDepartment
          ? { code: leadDepartment.code, name: leadDepartment.name }
          : { code: town.code, name: town.name };
    let supervisorUnit = district?.code ?? town.code;
    if (district) {
      const offices = await this.directory.officesUnder(token, district.id).catch(() => []);
      if (offices[0]) supervisorUnit = offices[0].code;
    }
    const at = (role: CandidateRule['role'], orgUnitCode = department.code) => [{ role, orgUnitCode }];
    return {
      enterprise,
      town: { code: town.code, name: town.name, path: town.path },
      district: district ? { id: district.id, code: district.code, name: district.name } : null,
      department,
      candidates: {
        inspectors: at('inspector'),
        head: at('leader'),
        officials: at('official'),
        supervisors: at('ops', supervisorUnit),
      },
    };
  }
}

/** Next number of a series (案号, 移送编号, 检查编号) per prefix and year, inside the caller's transaction. */
export async function nextNumber(m: EntityManager, prefix: string, year: number): Promise<number> {
  const [{ last_value }] = (await m.query(
    `INSERT INTO ${table('counters')} (prefix, year, last_value) VALUES ($1, $2, 1)
     ON CONFLICT (prefix, year) DO UPDATE SET last_value = ${table('counters')}.last_value + 1
     RETURNING last_value`,
    [prefix, year],
  )) as { last_value: number }[];
  return last_value;
}

/** e.g. 区应急管理局罚〔2026〕12号 (mark 罚 cases, 移 referrals, 检 inspections). */
export function formatNumber(departmentName: string, mark: string, year: number, n: number): string {
  return `${departmentName}${mark}〔${year}〕${n}号`;
}
