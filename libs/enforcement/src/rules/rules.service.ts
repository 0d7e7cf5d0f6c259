import { Injectable } from '@nestjs/common';
import {
  DEFAULT_ENFORCEMENT_RULES,
  type EnforcementRules,
  type EnforcementRulesInput,
} from '@zhiben/contracts';
import { DataSource, In } from 'typeorm';
import { EnforcementRulesEntity } from '../entities';
import { table } from '../schema';

/** The org unit code of the national defaults. */
export const NATIONAL_RULES_CODE = '*';

export interface EffectiveRules {
  orgUnitCode: string;
  rules: EnforcementRules;
}

/**
 * Picks the rules for a jurisdiction: the latest version of the most specific unit that has any
 * (department, then district), else the national defaults (DEFAULT_ENFORCEMENT_RULES, version 1).
 */
export function pickEffective(
  rows: Pick<EnforcementRulesEntity, 'orgUnitCode' | 'version' | 'rules'>[],
  codes: string[],
): EffectiveRules {
  for (const code of [...codes, NATIONAL_RULES_CODE]) {
    const latest = rows.filter((r) => r.orgUnitCode === code).sort((a, b) => b.version - a.version)[0];
    if (latest) return { orgUnitCode: code, rules: { ...latest.rules, version: latest.version } };
  }
  return { orgUnitCode: NATIONAL_RULES_CODE, rules: { ...DEFAULT_ENFORCEMENT_RULES } };
}

@Injectable()
export class RulesService {
  constructor(private readonly ds: DataSource) {}

  /** Most specific first, e.g. `[departmentCode, districtCode]`. */
  async effectiveFor(codes: (string | null | undefined)[]): Promise<EffectiveRules> {
    const wanted = [...new Set(codes.filter((c): c is string => !!c))];
    const rows = await this.ds
      .getRepository(EnforcementRulesEntity)
      .findBy({ orgUnitCode: In([...wanted, NATIONAL_RULES_CODE]) });
    return pickEffective(rows, wanted);
  }

  async versions(orgUnitCode: string): Promise<EnforcementRulesEntity[]> {
    return this.ds
      .getRepository(EnforcementRulesEntity)
      .find({ where: { orgUnitCode }, order: { version: 'DESC' } });
  }

  /**
   * Appends a new version (never edits one a workflow may be running on). The national defaults are
   * version 1 before any row exists, so the first stored national version is 2.
   */
  async addVersion(input: EnforcementRulesInput, createdBy: string): Promise<EnforcementRulesEntity> {
    return this.ds.transaction(async (m) => {
      await m.query('SELECT pg_advisory_xact_lock(hashtext($1))', [
        `zhiben:enforcement-rules:${input.orgUnitCode}`,
      ]);
      const [{ max }] = (await m.query(
        `SELECT COALESCE(MAX(version), $2::int) AS max FROM ${table('enforcement_rules')} WHERE org_unit_code = $1`,
        [
          input.orgUnitCode,
          input.orgUnitCode === NATIONAL_RULES_CODE ? DEFAULT_ENFORCEMENT_RULES.version : 0,
        ],
      )) as { max: number }[];
      return m.getRepository(EnforcementRulesEntity).save({
        orgUnitCode: input.orgUnitCode,
        version: max + 1,
        rules: input.rules,
        note: input.note ?? null,
        createdBy,
      });
    });
  }
}
