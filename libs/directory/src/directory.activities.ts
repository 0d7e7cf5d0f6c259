import type { AuthorityPort } from '@zhiben/contracts';
import { In, type DataSource, type EntityManager } from 'typeorm';
import { EnterpriseEntity } from './enterprises/enterprise.entity';
import { ancestorIds } from './jurisdiction/jurisdiction.service';
import { OrgUnitEntity } from './org-units/org-unit.entity';

const TERRITORIAL_UNITS = new Set(['town', 'street', 'platform']);
const ENTERPRISE_SCOPE_PREFIX = 'ent:';

/**
 * Who lists (挂牌督办) or signs off a close-out (销号) for a unit, from org data only (no hard-coded codes):
 * - `listing`: the office (kind `office`, e.g. 区安委办) directly under the district that contains the unit
 *   — 区安委会 lists major hazards, executed by 区安委办 (002:405, 002:412); the district itself if it has
 *   no office. Several offices: the first by code.
 * - `closeOut`: the department of that district leading the sector (roles-and-org §4), if any; else the
 *   unit's territorial town/street/platform.
 * `orgUnitCode` is an org-unit code or an enterprise scope (`ent:<credit code>`, contracts `enterpriseScope`),
 * which also supplies the sector; `sector` may be given explicitly.
 */
export async function findAuthority(
  ds: DataSource,
  input: Parameters<AuthorityPort['findAuthority']>[0] & { sector?: string | null },
): Promise<{ code: string; name: string } | null> {
  const units = ds.getRepository(OrgUnitEntity);
  let unit: OrgUnitEntity | null;
  let sector = input.sector ?? null;
  if (input.orgUnitCode.startsWith(ENTERPRISE_SCOPE_PREFIX)) {
    const ent = await ds
      .getRepository(EnterpriseEntity)
      .findOneBy({ creditCode: input.orgUnitCode.slice(ENTERPRISE_SCOPE_PREFIX.length) });
    if (!ent) return null;
    sector ??= ent.sector;
    unit = await units.findOneBy({ id: ent.townId });
  } else {
    unit = await units.findOneBy({ code: input.orgUnitCode });
  }
  if (!unit) return null;
  // Ancestors from the root down to the unit itself (materialised path of ids).
  const ids = ancestorIds(unit.path);
  const byId = new Map((await units.findBy({ id: In(ids) })).map((u) => [u.id, u]));
  const chain = ids.map((id) => byId.get(id)).filter((u): u is OrgUnitEntity => !!u);
  const district = [...chain].reverse().find((u) => u.kind === 'district') ?? null;
  const pick = (u: OrgUnitEntity) => ({ code: u.code, name: u.name });
  if (input.purpose === 'listing') {
    if (!district) return null;
    const office = await units.findOne({
      where: { parentId: district.id, kind: 'office' },
      order: { code: 'ASC' },
    });
    return pick(office ?? district);
  }
  if (sector && district) {
    const lead = await leadDepartmentOf(ds, district.path, sector);
    if (lead) return pick(lead);
  }
  const territorial = [...chain].reverse().find((u) => TERRITORIAL_UNITS.has(u.kind));
  return pick(territorial ?? unit);
}

/** 行业监管部门: the department under the district (by materialised path) that leads the sector. */
export async function leadDepartmentOf(
  ds: DataSource | EntityManager,
  districtPath: string,
  sector: string,
): Promise<OrgUnitEntity | null> {
  return ds
    .getRepository(OrgUnitEntity)
    .createQueryBuilder('ou')
    .where(`ou.kind = 'department'`)
    .andWhere('ou.path LIKE :prefix', { prefix: `${districtPath}%` })
    .andWhere(':sector = ANY(ou.sectors)', { sector })
    .orderBy('ou.code', 'ASC')
    .getOne();
}

/** Activities the directory hosts on its task queue (all I/O; workflows see only these types). */
export function createDirectoryActivities(ds: DataSource) {
  return {
    async describeOrgUnit(input: {
      code: string;
    }): Promise<{ code: string; name: string; kind: string } | null> {
      const u = await ds.getRepository(OrgUnitEntity).findOneBy({ code: input.code });
      return u ? { code: u.code, name: u.name, kind: u.kind } : null;
    },

    /** AuthorityPort.findAuthority — see `findAuthority` above. */
    async findAuthority(input: Parameters<AuthorityPort['findAuthority']>[0] & { sector?: string | null }) {
      return findAuthority(ds, input);
    },
  };
}

export type DirectoryActivities = ReturnType<typeof createDirectoryActivities>;
