import { Injectable } from '@nestjs/common';
import type { Principal } from '@zhiben/auth';
import type {
  CreateEnterprise,
  EnterpriseContextDto,
  EnterpriseDto,
  OrgUnitRefDto,
  ListEnterprisesQuery,
  Page,
  UpdateEnterprise,
} from '@zhiben/contracts';
import { DomainException } from '@zhiben/platform';
import { DataSource, In, type EntityManager } from 'typeorm';
import { leadDepartmentOf } from '../directory.activities';
import { ancestorIds, JurisdictionService } from '../jurisdiction/jurisdiction.service';
import { OrgUnitEntity } from '../org-units/org-unit.entity';
import { EnterpriseEntity } from './enterprise.entity';

const SORT_COLUMNS: Record<ListEnterprisesQuery['sort'], string> = {
  name: 'e.name',
  creditCode: 'e.credit_code',
  sector: 'e.sector',
  size: 'e.size',
  createdAt: 'e.created_at',
  updatedAt: 'e.updated_at',
  id: 'e.id',
};

const TOWN_KINDS = new Set(['town', 'street', 'platform']);

export function toEnterpriseDto(e: EnterpriseEntity, townName: string | null): EnterpriseDto {
  return {
    id: e.id,
    name: e.name,
    creditCode: e.creditCode,
    sector: e.sector,
    townId: e.townId,
    townName,
    size: e.size as EnterpriseDto['size'],
    principal: e.principal,
    principalPhone: e.principalPhone,
    address: e.address,
    version: e.version,
    createdAt: e.createdAt.toISOString(),
    updatedAt: e.updatedAt.toISOString(),
  };
}

function toOrgUnitRef(u: OrgUnitEntity): OrgUnitRefDto {
  return { id: u.id, code: u.code, name: u.name, kind: u.kind as OrgUnitRefDto['kind'], path: u.path };
}

@Injectable()
export class EnterprisesService {
  constructor(
    private readonly ds: DataSource,
    private readonly jurisdiction: JurisdictionService,
  ) {}

  private query(m: EntityManager = this.ds.manager) {
    return m
      .getRepository(EnterpriseEntity)
      .createQueryBuilder('e')
      .innerJoin(OrgUnitEntity, 't', 't.id = e.town_id')
      .addSelect('t.name', 'town_name');
  }

  async list(p: Principal, q: ListEnterprisesQuery): Promise<Page<EnterpriseDto>> {
    const scope = await this.jurisdiction.scopeOf(p);
    const qb = this.query();
    this.jurisdiction.restrictEnterprises(qb, scope);
    if (q.sector) qb.andWhere('e.sector = :sector', { sector: q.sector });
    if (q.size) qb.andWhere('e.size = :size', { size: q.size });
    if (q.townId) qb.andWhere('e.town_id = :townId', { townId: q.townId });
    if (q.ids)
      qb.andWhere('e.id IN (:...ids)', {
        ids: q.ids.length ? q.ids : ['00000000-0000-0000-0000-000000000000'],
      });
    if (q.q) {
      qb.andWhere('(e.name ILIKE :q OR e.credit_code ILIKE :q OR e.principal ILIKE :q)', {
        q: `%${q.q.replace(/[%_\\]/g, '\\$&')}%`,
      });
    }
    const total = await qb.getCount();
    qb.orderBy(SORT_COLUMNS[q.sort], q.order)
      .addOrderBy('e.id', 'ASC')
      .offset((q.page - 1) * q.perPage)
      .limit(q.perPage);
    const { entities, raw } = await qb.getRawAndEntities<{ town_name: string }>();
    return { data: entities.map((e, i) => toEnterpriseDto(e, raw[i]?.town_name ?? null)), total };
  }

  async get(p: Principal, id: string): Promise<EnterpriseDto> {
    const { entity, townName } = await this.loadVisible(p, id);
    return toEnterpriseDto(entity, townName);
  }

  /**
   * The enterprise (if the caller may see it) with its town, district and the department leading its
   * sector; one read for callers that place a case (e.g. hazard registration) under the right units.
   */
  async context(p: Principal, creditCode: string): Promise<EnterpriseContextDto> {
    const exists = await this.ds.getRepository(EnterpriseEntity).existsBy({ creditCode });
    if (!exists) throw DomainException.notFound('Enterprise', creditCode);
    const scope = await this.jurisdiction.scopeOf(p);
    const qb = this.query().where('e.credit_code = :creditCode', { creditCode });
    this.jurisdiction.restrictEnterprises(qb, scope);
    const { entities, raw } = await qb.getRawAndEntities<{ town_name: string }>();
    if (entities.length === 0) throw new DomainException('OUT_OF_JURISDICTION');
    const enterprise = entities[0];
    const units = this.ds.getRepository(OrgUnitEntity);
    const town = await units.findOneByOrFail({ id: enterprise.townId });
    const chain = await units.findBy({ id: In(ancestorIds(town.path)) });
    const district =
      chain.filter((u) => u.kind === 'district').sort((a, b) => b.path.length - a.path.length)[0] ?? null;
    const lead = district ? await leadDepartmentOf(this.ds, district.path, enterprise.sector) : null;
    return {
      enterprise: toEnterpriseDto(enterprise, raw[0]?.town_name ?? null),
      town: toOrgUnitRef(town),
      district: district ? toOrgUnitRef(district) : null,
      leadDepartment: lead ? toOrgUnitRef(lead) : null,
    };
  }

  private async loadVisible(p: Principal, id: string) {
    const exists = await this.ds.getRepository(EnterpriseEntity).existsBy({ id });
    if (!exists) throw DomainException.notFound('Enterprise', id);
    const scope = await this.jurisdiction.scopeOf(p);
    const qb = this.query().where('e.id = :id', { id });
    this.jurisdiction.restrictEnterprises(qb, scope);
    const { entities, raw } = await qb.getRawAndEntities<{ town_name: string }>();
    if (entities.length === 0) throw new DomainException('OUT_OF_JURISDICTION');
    return { entity: entities[0], townName: raw[0]?.town_name ?? null };
  }

  private async town(m: EntityManager, townId: string): Promise<OrgUnitEntity> {
    const town = await m.getRepository(OrgUnitEntity).findOneBy({ id: townId });
    if (!town) throw DomainException.field('townId', '所属镇街不存在', 'Unknown town', 'UNKNOWN_ORG_UNIT');
    if (!TOWN_KINDS.has(town.kind)) {
      throw DomainException.field(
        'townId',
        '所属单位须为镇、街道或平台',
        'townId must be a town, street or platform',
      );
    }
    return town;
  }

  async create(p: Principal, input: CreateEnterprise): Promise<EnterpriseDto> {
    const scope = await this.jurisdiction.scopeOf(p);
    return this.ds.transaction(async (m) => {
      const town = await this.town(m, input.townId);
      this.jurisdiction.assertCanAdminister(scope, town.path);
      const repo = m.getRepository(EnterpriseEntity);
      const dup = await repo.existsBy({ creditCode: input.creditCode });
      if (dup) {
        throw DomainException.field(
          'creditCode',
          '该统一社会信用代码已登记',
          'Credit code already registered',
          'DUPLICATE',
        );
      }
      try {
        const saved = await repo.save(
          repo.create({
            ...input,
            principalPhone: input.principalPhone ?? null,
            address: input.address ?? null,
          }),
        );
        return toEnterpriseDto(saved, town.name);
      } catch (e) {
        // A concurrent create of the same code passes the check above and trips the unique index.
        if ((e as { code?: string }).code === '23505') {
          throw DomainException.field(
            'creditCode',
            '该统一社会信用代码已登记',
            'Credit code already registered',
            'DUPLICATE',
          );
        }
        throw e;
      }
    });
  }

  async update(p: Principal, id: string, input: UpdateEnterprise): Promise<EnterpriseDto> {
    const scope = await this.jurisdiction.scopeOf(p);
    return this.ds.transaction(async (m) => {
      const repo = m.getRepository(EnterpriseEntity);
      const current = await repo
        .createQueryBuilder('e')
        .setLock('pessimistic_write')
        .where('e.id = :id', { id })
        .getOne();
      if (!current) throw DomainException.notFound('Enterprise', id);
      const currentTown = await this.town(m, current.townId);
      this.jurisdiction.assertCanAdminister(scope, currentTown.path);
      if (input.version !== undefined && input.version !== current.version)
        throw new DomainException('STALE_VERSION');
      let town = currentTown;
      if (input.townId && input.townId !== current.townId) {
        town = await this.town(m, input.townId);
        this.jurisdiction.assertCanAdminister(scope, town.path);
      }
      const { version: _v, ...patch } = input;
      if (Object.keys(patch).length > 0) {
        await repo.update({ id }, { ...patch, version: current.version + 1 });
      }
      return toEnterpriseDto(await repo.findOneByOrFail({ id }), town.name);
    });
  }

  async remove(p: Principal, id: string): Promise<void> {
    const scope = await this.jurisdiction.scopeOf(p);
    await this.ds.transaction(async (m) => {
      const e = await m.getRepository(EnterpriseEntity).findOneBy({ id });
      if (!e) throw DomainException.notFound('Enterprise', id);
      const town = await this.town(m, e.townId);
      this.jurisdiction.assertCanAdminister(scope, town.path);
      await m.query('DELETE FROM "directory"."user_assignments" WHERE enterprise_id = $1', [id]);
      await m.getRepository(EnterpriseEntity).delete({ id });
    });
  }
}
