import { Injectable } from '@nestjs/common';
import type { Principal } from '@zhiben/auth';
import type { CreateOrgUnit, ListOrgUnitsQuery, OrgUnitDto, Page, UpdateOrgUnit } from '@zhiben/contracts';
import { DomainException } from '@zhiben/platform';
import { DataSource, type EntityManager } from 'typeorm';
import { EnterpriseEntity } from '../enterprises/enterprise.entity';
import { JurisdictionService } from '../jurisdiction/jurisdiction.service';
import { OrgUnitEntity } from './org-unit.entity';

const SORT_COLUMNS: Record<ListOrgUnitsQuery['sort'], string> = {
  name: 'ou.name',
  code: 'ou.code',
  kind: 'ou.kind',
  createdAt: 'ou.created_at',
  updatedAt: 'ou.updated_at',
  id: 'ou.id',
};

export function toOrgUnitDto(u: OrgUnitEntity, parentName: string | null = null): OrgUnitDto {
  return {
    id: u.id,
    code: u.code,
    name: u.name,
    nameEn: u.nameEn,
    kind: u.kind as OrgUnitDto['kind'],
    parentId: u.parentId,
    parentName,
    sectors: u.sectors,
    path: u.path,
    version: u.version,
    createdAt: u.createdAt.toISOString(),
    updatedAt: u.updatedAt.toISOString(),
  };
}

function isUniqueViolation(e: unknown): boolean {
  return typeof e === 'object' && e !== null && (e as { code?: string }).code === '23505';
}

@Injectable()
export class OrgUnitsService {
  constructor(
    private readonly ds: DataSource,
    private readonly jurisdiction: JurisdictionService,
  ) {}

  async list(p: Principal, q: ListOrgUnitsQuery): Promise<Page<OrgUnitDto>> {
    const scope = await this.jurisdiction.scopeOf(p);
    const qb = this.ds
      .getRepository(OrgUnitEntity)
      .createQueryBuilder('ou')
      .leftJoin(OrgUnitEntity, 'parent', 'parent.id = ou.parent_id')
      .addSelect('parent.name', 'parent_name');
    await this.jurisdiction.restrictOrgUnits(qb, scope);
    if (q.kind) qb.andWhere('ou.kind = :kind', { kind: q.kind });
    if (q.parentId) qb.andWhere('ou.parent_id = :parentId', { parentId: q.parentId });
    if (q.ids)
      qb.andWhere('ou.id IN (:...ids)', {
        ids: q.ids.length ? q.ids : ['00000000-0000-0000-0000-000000000000'],
      });
    if (q.q)
      qb.andWhere('(ou.name ILIKE :q OR ou.code ILIKE :q)', { q: `%${q.q.replace(/[%_\\]/g, '\\$&')}%` });
    const total = await qb.getCount();
    qb.orderBy(SORT_COLUMNS[q.sort], q.order)
      .addOrderBy('ou.id', 'ASC')
      .offset((q.page - 1) * q.perPage)
      .limit(q.perPage);
    const { entities, raw } = await qb.getRawAndEntities<{ parent_name: string | null }>();
    return { data: entities.map((e, i) => toOrgUnitDto(e, raw[i]?.parent_name ?? null)), total };
  }

  async get(p: Principal, id: string): Promise<OrgUnitDto> {
    const unit = await this.ds.getRepository(OrgUnitEntity).findOneBy({ id });
    if (!unit) throw DomainException.notFound('Org unit', id);
    const scope = await this.jurisdiction.scopeOf(p);
    const qb = this.ds.getRepository(OrgUnitEntity).createQueryBuilder('ou').where('ou.id = :id', { id });
    await this.jurisdiction.restrictOrgUnits(qb, scope);
    if ((await qb.getCount()) === 0) throw new DomainException('OUT_OF_JURISDICTION');
    const parent = unit.parentId
      ? await this.ds.getRepository(OrgUnitEntity).findOneBy({ id: unit.parentId })
      : null;
    return toOrgUnitDto(unit, parent?.name ?? null);
  }

  async create(p: Principal, input: CreateOrgUnit): Promise<OrgUnitDto> {
    const scope = await this.jurisdiction.scopeOf(p);
    return this.ds.transaction(async (m) => {
      const parent = await m.getRepository(OrgUnitEntity).findOneBy({ id: input.parentId });
      if (!parent) {
        throw DomainException.field(
          'parentId',
          '上级机构不存在',
          'Parent org unit does not exist',
          'UNKNOWN_ORG_UNIT',
        );
      }
      this.jurisdiction.assertCanAdminister(scope, parent.path);
      if (input.kind === 'district') {
        throw DomainException.field(
          'kind',
          '区级机构不能挂在其他机构之下',
          'A district cannot have a parent',
        );
      }
      if (input.sectors.length > 0 && input.kind !== 'department') {
        throw DomainException.field(
          'sectors',
          '只有区级部门可以分管行业领域',
          'Only departments supervise sectors',
        );
      }
      const repo = m.getRepository(OrgUnitEntity);
      try {
        const id = (await m.query('SELECT gen_random_uuid() AS id'))[0].id as string;
        const unit = repo.create({
          id,
          code: input.code,
          name: input.name,
          nameEn: input.nameEn ?? null,
          kind: input.kind,
          parentId: parent.id,
          path: `${parent.path}${id}/`,
          sectors: input.sectors,
        });
        await repo.insert(unit);
        const saved = await repo.findOneByOrFail({ id });
        return toOrgUnitDto(saved, parent.name);
      } catch (e) {
        if (isUniqueViolation(e)) {
          throw DomainException.field('code', '机构编码已存在', 'Org unit code already exists', 'DUPLICATE');
        }
        throw e;
      }
    });
  }

  async update(p: Principal, id: string, input: UpdateOrgUnit): Promise<OrgUnitDto> {
    const scope = await this.jurisdiction.scopeOf(p);
    return this.ds.transaction(async (m) => {
      const unit = await this.lockedUnit(m, id);
      this.jurisdiction.assertCanAdminister(scope, unit.path);
      if (input.version !== undefined && input.version !== unit.version)
        throw new DomainException('STALE_VERSION');
      if (input.sectors && input.sectors.length > 0 && unit.kind !== 'department') {
        throw DomainException.field(
          'sectors',
          '只有区级部门可以分管行业领域',
          'Only departments supervise sectors',
        );
      }
      const patch: Partial<OrgUnitEntity> = {};
      if (input.name !== undefined) patch.name = input.name;
      if (input.nameEn !== undefined) patch.nameEn = input.nameEn;
      if (input.sectors !== undefined) patch.sectors = input.sectors;
      if (Object.keys(patch).length > 0) {
        await m.getRepository(OrgUnitEntity).update({ id }, { ...patch, version: unit.version + 1 });
      }
      const saved = await m.getRepository(OrgUnitEntity).findOneByOrFail({ id });
      const parent = saved.parentId
        ? await m.getRepository(OrgUnitEntity).findOneBy({ id: saved.parentId })
        : null;
      return toOrgUnitDto(saved, parent?.name ?? null);
    });
  }

  async remove(p: Principal, id: string): Promise<void> {
    const scope = await this.jurisdiction.scopeOf(p);
    await this.ds.transaction(async (m) => {
      const unit = await this.lockedUnit(m, id);
      this.jurisdiction.assertCanAdminister(scope, unit.path);
      if (unit.path === (scope.kind === 'subtree' ? scope.rootPath : '')) {
        throw new DomainException('FORBIDDEN', { detail: 'Cannot delete the root of your own jurisdiction' });
      }
      const children = await m.getRepository(OrgUnitEntity).countBy({ parentId: id });
      const enterprises = await m.getRepository(EnterpriseEntity).countBy({ townId: id });
      if (children > 0 || enterprises > 0) {
        throw new DomainException('CONFLICT', {
          detail: `Org unit has ${children} children and ${enterprises} enterprises`,
          messageZh: `该机构下仍有 ${children} 个下级机构和 ${enterprises} 家企业，不能删除`,
          messageEn: `The org unit still has ${children} child units and ${enterprises} enterprises`,
        });
      }
      await m.getRepository(OrgUnitEntity).delete({ id });
    });
  }

  private async lockedUnit(m: EntityManager, id: string): Promise<OrgUnitEntity> {
    const unit = await m
      .getRepository(OrgUnitEntity)
      .createQueryBuilder('ou')
      .setLock('pessimistic_write')
      .where('ou.id = :id', { id })
      .getOne();
    if (!unit) throw DomainException.notFound('Org unit', id);
    return unit;
  }
}
