import { Injectable } from '@nestjs/common';
import type { Principal } from '@zhiben/auth';
import {
  ENFORCEMENT_EVENT_TYPES,
  INSPECTION_KIND_LABELS,
  type CreateInspectionPlan,
  type DrawInput,
  type ListPlansQuery,
} from '@zhiben/contracts';
import { DomainException } from '@zhiben/platform';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { DirectoryClient } from '../directory/directory.client';
import { InspectionEntity, InspectionPlanEntity } from '../entities';
import { appendEvent } from '../events';
import { decodeCursor, encodeCursor, likeContains, type KeysetPage } from '../http';
import {
  formatNumber,
  nextNumber,
  PlacesService,
  shanghaiYear,
  type EnterprisePlace,
} from '../jurisdiction/places.service';
import { toInspectionDto, toPlanDto } from '../mappers';
import { ScopeResolver, type CallerUnit } from '../scope/scope.resolver';
import { drawInspections, newSeed } from './draw';

/**
 * Inspection plans (年度/月度监督检查计划) of a department, and the 双随机 draw: enterprises drawn from the
 * department's jurisdiction and inspectors from its pool, with the seed recorded and the result published.
 */
@Injectable()
export class PlansService {
  constructor(
    private readonly ds: DataSource,
    private readonly scopes: ScopeResolver,
    private readonly places: PlacesService,
    private readonly directory: DirectoryClient,
  ) {}

  private async department(p: Principal, token: string): Promise<CallerUnit> {
    const caller = await this.scopes.unitOf(p, token);
    if (!caller || caller.unit.kind !== 'department') {
      throw new DomainException('FORBIDDEN', {
        detail: 'Only a department plans inspections',
        messageZh: '只有行业监管部门可以制定执法检查计划',
        messageEn: 'Only a supervising department plans inspections',
      });
    }
    return caller;
  }

  async create(p: Principal, token: string, body: CreateInspectionPlan) {
    const caller = await this.department(p, token);
    const enterprises: { creditCode: string; name: string }[] = [];
    for (const [i, cc] of [...new Set(body.enterpriseCreditCodes)].entries()) {
      const place = await this.places.forEnterprise(p, token, cc, `enterpriseCreditCodes.${i}`);
      enterprises.push({ creditCode: cc, name: place.enterprise.name });
    }
    const plan = await this.ds.transaction(async (m) => {
      const row = await m.getRepository(InspectionPlanEntity).save({
        title: body.title,
        kind: body.kind,
        departmentCode: caller.unit.code,
        departmentName: caller.unit.name,
        orgPath: caller.parent?.path ?? caller.unit.path,
        periodFrom: body.period.from,
        periodTo: body.period.to,
        enterprises,
        draw: null,
        createdBy: p.username,
        createdByName: p.name,
      });
      await appendEvent(m, {
        subject: { kind: 'plan', id: row.id },
        eventKey: `plan:${row.id}:created`,
        type: ENFORCEMENT_EVENT_TYPES.planCreated,
        summaryZh: `${p.name}制定${INSPECTION_KIND_LABELS[body.kind].zh}计划「${body.title}」`,
        summaryEn: `${p.name} created the ${INSPECTION_KIND_LABELS[body.kind].en.toLowerCase()} plan "${body.title}"`,
        actor: { username: p.username, name: p.name },
      });
      return row;
    });
    return toPlanDto(plan, 0);
  }

  /** The plan if it exists (404) and the caller may read it (403): its department, or the level above. */
  async load(p: Principal, token: string, id: string): Promise<InspectionPlanEntity> {
    const plan = await this.ds.getRepository(InspectionPlanEntity).findOneBy({ id });
    if (!plan) throw DomainException.notFound('Plan', id);
    const scope = await this.scopes.scopeOf(p, token);
    const ok =
      (scope.kind === 'subtree' && plan.orgPath.startsWith(scope.rootPath)) ||
      (scope.kind === 'sectors' && p.orgUnitCode === plan.departmentCode);
    if (!ok)
      throw new DomainException('OUT_OF_JURISDICTION', { detail: 'Plan outside the caller’s jurisdiction' });
    return plan;
  }

  async detail(p: Principal, token: string, id: string) {
    const plan = await this.load(p, token, id);
    const count = await this.ds.getRepository(InspectionEntity).countBy({ planId: plan.id });
    return toPlanDto(plan, count);
  }

  /**
   * 双随机: draws once per plan (a second draw is a 409 — the published result stands). The frame is
   * every enterprise the department may inspect (its sectors in its district, optionally one sector);
   * each drawn enterprise gets a planned inspection with the drawn inspectors.
   */
  async draw(p: Principal, token: string, id: string, body: DrawInput) {
    const caller = await this.department(p, token);
    const plan = await this.load(p, token, id);
    if (plan.departmentCode !== caller.unit.code) {
      throw new DomainException('OUT_OF_JURISDICTION', { detail: 'Another department’s plan' });
    }
    if (plan.kind !== 'randomDraw') {
      throw DomainException.field('kind', '只有双随机计划可以抽取', 'Only a random-draw plan is drawn');
    }
    if (plan.draw) {
      throw new DomainException('CONFLICT', {
        detail: 'Plan already drawn',
        messageZh: '该计划已抽取并公示，不能重新抽取',
        messageEn: 'This plan was already drawn and published; it cannot be drawn again',
      });
    }
    if (body.sector && !caller.unit.sectors.includes(body.sector)) {
      throw DomainException.field(
        'sector',
        '该行业领域不属于本部门',
        'The sector is not one of the department’s',
      );
    }
    if (body.inspectorsPerInspection > body.inspectorPool.length) {
      throw DomainException.field(
        'inspectorsPerInspection',
        '每组检查人员数不能多于名录人数',
        'More inspectors per inspection than in the pool',
      );
    }
    const frame = (await this.directory.enterprises(token, body.sector)).filter(
      (e) => !body.sector || e.sector === body.sector,
    );
    if (frame.length === 0) {
      throw DomainException.field(
        'sector',
        '管辖范围内没有可抽取的企业',
        'No enterprise in the jurisdiction to draw from',
      );
    }
    const seed = body.seed ?? newSeed();
    const byUser = new Map(body.inspectorPool.map((i) => [i.username, i]));
    const result = drawInspections(
      frame.map((e) => e.creditCode),
      [...byUser.keys()],
      body.enterpriseCount,
      body.inspectorsPerInspection,
      seed,
    );
    const places: EnterprisePlace[] = [];
    for (const cc of result.enterprises) places.push(await this.places.forEnterprise(p, token, cc));
    const drawnAt = new Date();
    const year = shanghaiYear(drawnAt);
    const inspections = await this.ds.transaction(async (m) => {
      const locked = await m
        .getRepository(InspectionPlanEntity)
        .findOne({ where: { id: plan.id }, lock: { mode: 'pessimistic_write' } });
      if (locked?.draw) {
        throw new DomainException('CONFLICT', { detail: 'Plan drawn concurrently' });
      }
      const rows: InspectionEntity[] = [];
      for (const [i, place] of places.entries()) {
        const n = await nextNumber(m, `inspection:${place.department.code}`, year);
        const row = m.getRepository(InspectionEntity).create({
          id: randomUUID(),
          ref: formatNumber(place.department.name, '检', year, n),
          kind: 'randomDraw',
          status: 'planned',
          planId: plan.id,
          departmentCode: place.department.code,
          departmentName: place.department.name,
          townCode: place.town.code,
          townName: place.town.name,
          orgPath: place.town.path,
          districtCode: place.district?.code ?? null,
          sector: place.enterprise.sector,
          enterpriseCreditCode: place.enterprise.creditCode,
          enterpriseName: place.enterprise.name,
          plannedOn: plan.periodFrom,
          inspectedAt: null,
          inspectors: result.inspectors[i].map((u) => ({
            username: u,
            name: byUser.get(u)!.name,
            certificateNo: byUser.get(u)!.certificateNo ?? null,
            signedAt: null,
          })),
          checklist: [],
          principalDutiesChecked: false,
          responsiblePersonsChecked: false,
          recordHash: null,
          caseId: null,
          createdBy: p.username,
          createdByName: p.name,
        });
        await m.getRepository(InspectionEntity).insert(row);
        rows.push(row);
      }
      const draw = {
        seed,
        drawnAt: drawnAt.toISOString(),
        enterprises: result.enterprises,
        inspectors: result.inspectors,
        frameSize: frame.length,
        drawnBy: p.username,
      };
      await m.getRepository(InspectionPlanEntity).update(plan.id, {
        draw,
        enterprises: places.map((pl) => ({ creditCode: pl.enterprise.creditCode, name: pl.enterprise.name })),
      });
      plan.draw = draw;
      plan.enterprises = places.map((pl) => ({
        creditCode: pl.enterprise.creditCode,
        name: pl.enterprise.name,
      }));
      await appendEvent(m, {
        subject: { kind: 'plan', id: plan.id },
        eventKey: `plan:${plan.id}:drawn`,
        type: ENFORCEMENT_EVENT_TYPES.drawPublished,
        summaryZh: `双随机抽取并公示：从 ${frame.length} 家企业中抽取 ${rows.length} 家，随机种子 ${seed}`,
        summaryEn: `Random draw published: ${rows.length} of ${frame.length} enterprises, seed ${seed}`,
        actor: { username: p.username, name: p.name },
        data: draw as unknown as Record<string, unknown>,
      });
      return rows;
    });
    return {
      plan: toPlanDto(plan, inspections.length),
      inspections: inspections.map((i) => toInspectionDto(i, [])),
    };
  }

  async list(
    p: Principal,
    token: string,
    q: ListPlansQuery,
  ): Promise<KeysetPage<ReturnType<typeof toPlanDto>>> {
    const scope = await this.scopes.scopeOf(p, token);
    const qb = this.ds.getRepository(InspectionPlanEntity).createQueryBuilder('p');
    if (scope.kind === 'subtree') qb.where('p.org_path LIKE :root', { root: `${scope.rootPath}%` });
    else if (scope.kind === 'sectors') qb.where('p.department_code = :dept', { dept: p.orgUnitCode });
    else qb.where('1 = 0');
    if (q.kind) qb.andWhere('p.kind = :kind', { kind: q.kind });
    if (q.q) qb.andWhere('p.title ILIKE :q', { q: likeContains(q.q) });
    const total = await qb.getCount();
    const cmp = q.order === 'ASC' ? '>' : '<';
    if (q.cursor) {
      const c = decodeCursor(q.cursor);
      qb.andWhere(`(p.created_at, p.id) ${cmp} (:cAt::timestamptz, :cId::uuid)`, {
        cAt: c.createdAt,
        cId: c.id,
      });
    } else qb.offset((q.page - 1) * q.perPage);
    const rows = await qb
      .orderBy('p.created_at', q.order)
      .addOrderBy('p.id', q.order)
      .limit(q.perPage)
      .getMany();
    const counts = new Map<string, number>();
    if (rows.length > 0) {
      const raw = (await this.ds.query(
        `SELECT plan_id, count(*)::int AS n FROM "enforcement"."inspections" WHERE plan_id = ANY($1) GROUP BY plan_id`,
        [rows.map((r) => r.id)],
      )) as { plan_id: string; n: number }[];
      for (const r of raw) counts.set(r.plan_id, r.n);
    }
    const last = rows[rows.length - 1];
    return {
      data: rows.map((r) => toPlanDto(r, counts.get(r.id) ?? 0)),
      total,
      nextCursor: rows.length === q.perPage && last ? encodeCursor(last.createdAt, last.id) : null,
    };
  }
}
