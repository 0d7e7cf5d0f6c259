import { Injectable } from '@nestjs/common';
import type { HazardRules, HazardRulesInput } from '@zhiben/contracts';
import { DataSource, In } from 'typeorm';
import { HazardRulesEntity } from '../entities';
import { table } from '../schema';
import { NATIONAL_DEFAULT_RULES, NATIONAL_RULES_CODE } from './hazard-rules.defaults';

export interface EffectiveRules {
  orgUnitCode: string;
  rules: HazardRules;
}

/**
 * Picks the rules for a jurisdiction: the latest version of the most specific unit that has any
 * (town, then district, …), else the national defaults.
 */
export function pickEffective(
  rows: Pick<HazardRulesEntity, 'orgUnitCode' | 'version' | 'rules'>[],
  codes: string[],
): EffectiveRules {
  for (const code of [...codes, NATIONAL_RULES_CODE]) {
    const latest = rows.filter((r) => r.orgUnitCode === code).sort((a, b) => b.version - a.version)[0];
    if (latest) return { orgUnitCode: code, rules: { ...latest.rules, version: latest.version } };
  }
  return { orgUnitCode: NATIONAL_RULES_CODE, rules: { ...NATIONAL_DEFAULT_RULES, version: 1 } };
}

@Injectable()
export class RulesService {
  constructor(private readonly ds: DataSource) {}

  /** Most specific first, e.g. `[townCode, districtCode]`. */
  async effectiveFor(codes: (string | null | undefined)[]): Promise<EffectiveRules> {
    const wanted = [...new Set(codes.filter((c): c is string => !!c))];
    const rows = await this.ds
      .getRepository(HazardRulesEntity)
      .findBy({ orgUnitCode: In([...wanted, NATIONAL_RULES_CODE]) });
    return pickEffective(rows, wanted);
  }

  async versions(orgUnitCode: string): Promise<HazardRulesEntity[]> {
    return this.ds
      .getRepository(HazardRulesEntity)
      .find({ where: { orgUnitCode }, order: { version: 'DESC' } });
  }

  /** Appends a new version (never edits one a workflow may be running on). */
  async addVersion(input: HazardRulesInput, createdBy: string): Promise<HazardRulesEntity> {
    return this.ds.transaction(async (m) => {
      await m.query('SELECT pg_advisory_xact_lock(hashtext($1))', [
        `zhiben:hazard-rules:${input.orgUnitCode}`,
      ]);
      const [{ max }] = (await m.query(
        `SELECT COALESCE(MAX(version), 0)::int AS max FROM ${table('hazard_rules')} WHERE org_unit_code = $1`,
        [input.orgUnitCode],
      )) as { max: number }[];
      return m.getRepository(HazardRulesEntity).save({
        orgUnitCode: input.orgUnitCode,
        version: max + 1,
        rules: input.rules,
        note: input.note ?? null,
        createdBy,
      });
    });
  }
}
