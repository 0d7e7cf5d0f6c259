import { Injectable } from '@nestjs/common';
import type { Principal } from '@zhiben/auth';
import { toCivilDate } from '@zhiben/calendar';
import {
  ENFORCEMENT_EVENT_TYPES,
  INSPECTION_KIND_LABELS,
  type CreateInspection,
  type FieldError,
  type ListInspectionsQuery,
  type RecordInspection,
} from '@zhiben/contracts';
import { findCatalogue, findClause, scopeWhere } from '@zhiben/hazards';
import { DomainException } from '@zhiben/platform';
import { randomUUID } from 'node:crypto';
import { DataSource, In } from 'typeorm';
import { RecordsService } from '../access/records.service';
import { EnforcementEventEntity, FindingEntity, InspectionEntity } from '../entities';
import { appendEvent, toEventDto } from '../events';
import { FilesService } from '../files/files.service';
import { HazardsClient } from '../hazards/hazards.client';
import { keysetPage, likeContains, requestHash } from '../http';
import { formatNumber, nextNumber, PlacesService, shanghaiYear } from '../jurisdiction/places.service';
import { toInspectionDto } from '../mappers';
import { PlansService } from '../plans/plans.service';
import { ScopeResolver } from '../scope/scope.resolver';

const SKEW_MS = 5 * 60_000;

/**
 * Inspections: created for an enterprise in the caller's jurisdiction with at least two inspectors;
 * recorded once (checklist from the 判定标准 catalogue, findings with photos, 两个必查); signed by each
 * inspector. Every finding becomes a hazard in the hazards context, registered with the caller's token
 * and a key derived from the finding, so a retried registration never creates a second hazard.
 */
@Injectable()
export class InspectionsService {
  constructor(
    private readonly ds: DataSource,
    private readonly records: RecordsService,
    private readonly scopes: ScopeResolver,
    private readonly places: PlacesService,
    private readonly plans: PlansService,
    private readonly files: FilesService,
    private readonly hazards: HazardsClient,
  ) {}

  async create(p: Principal, token: string, body: CreateInspection) {
    if (body.planId) await this.plans.load(p, token, body.planId);
    const place = await this.places.forEnterprise(p, token, body.enterpriseCreditCode);
    const row = await this.ds.transaction(async (m) => {
      const now = new Date();
      const year = shanghaiYear(now);
      const n = await nextNumber(m, `inspection:${place.department.code}`, year);
      const row = m.getRepository(InspectionEntity).create({
        id: randomUUID(),
        ref: formatNumber(place.department.name, '检', year, n),
        kind: body.kind,
        status: 'planned',
        planId: body.planId ?? null,
        departmentCode: place.department.code,
        departmentName: place.department.name,
        townCode: place.town.code,
        townName: place.town.name,
        orgPath: place.town.path,
        districtCode: place.district?.code ?? null,
        sector: place.enterprise.sector,
        enterpriseCreditCode: place.enterprise.creditCode,
        enterpriseName: place.enterprise.name,
        plannedOn: body.plannedOn ?? null,
        inspectedAt: null,
        inspectors: body.inspectors.map((i) => ({
          username: i.username,
          name: i.name,
          certificateNo: i.certificateNo ?? null,
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
      const kind = INSPECTION_KIND_LABELS[body.kind];
      await appendEvent(m, {
        subject: { kind: 'inspection', id: row.id },
        eventKey: `inspection:${row.id}:created`,
        type: ENFORCEMENT_EVENT_TYPES.inspectionCreated,
        summaryZh: `${p.name}安排${kind.zh}：${place.enterprise.name}（${row.ref}）`,
        summaryEn: `${p.name} scheduled a ${kind.en.toLowerCase()} of ${place.enterprise.name} (${row.ref})`,
        actor: { username: p.username, name: p.name },
        data: { inspectors: body.inspectors.map((i) => i.username) },
      });
      return row;
    });
    return toInspectionDto(row, []);
  }

  async detail(p: Principal, token: string, id: string) {
    const { row } = await this.records.inspection(p, token, id);
    const findings = await this.ds.getRepository(FindingEntity).findBy({ inspectionId: row.id });
    return toInspectionDto(row, findings);
  }

  async list(p: Principal, token: string, q: ListInspectionsQuery) {
    const scope = await this.scopes.scopeOf(p, token);
    const where = scopeWhere(scope, 'i');
    const qb = this.ds.getRepository(InspectionEntity).createQueryBuilder('i').where(where.sql, where.params);
    if (q.kind) qb.andWhere('i.kind = :kind', { kind: q.kind });
    if (q.status) qb.andWhere('i.status = :status', { status: q.status });
    if (q.planId) qb.andWhere('i.plan_id = :planId', { planId: q.planId });
    if (q.enterpriseCreditCode) qb.andWhere('i.enterprise_credit_code = :cc', { cc: q.enterpriseCreditCode });
    if (q.q) qb.andWhere('(i.ref ILIKE :q OR i.enterprise_name ILIKE :q)', { q: likeContains(q.q) });
    const page = await keysetPage(qb, 'i', q);
    const findings = page.rows.length
      ? await this.ds.getRepository(FindingEntity).findBy({ inspectionId: In(page.rows.map((r) => r.id)) })
      : [];
    return {
      data: page.rows.map((r) =>
        toInspectionDto(
          r,
          findings.filter((f) => f.inspectionId === r.id),
        ),
      ),
      total: page.total,
      nextCursor: page.nextCursor,
    };
  }

  /**
   * Records the inspection once. The same record sent again (same body) is a retry: nothing is stored
   * twice and pending hazard registrations are retried; a different record of a recorded inspection is
   * a 409. Only its inspectors record it.
   */
  async record(p: Principal, token: string, id: string, body: RecordInspection) {
    const { row } = await this.records.inspection(p, token, id);
    this.assertInspector(p, row);
    const hash = requestHash(body);
    if (row.recordHash) {
      if (row.recordHash !== hash) {
        throw new DomainException('CONFLICT', {
          detail: 'Inspection already recorded',
          messageZh: '该检查已记录，不能修改',
          messageEn: 'This inspection was already recorded and cannot be changed',
        });
      }
      return this.registerHazards(p, token, row.id);
    }
    this.checkRecord(body);
    await this.files.assertFilesOf(
      'inspection',
      row.id,
      body.findings.flatMap((f) => f.photos),
      'findings.photos',
    );
    const violation = body.findings.length > 0 || body.checklist.some((l) => l.result === 'violation');
    await this.ds.transaction(async (m) => {
      const locked = await m
        .getRepository(InspectionEntity)
        .findOne({ where: { id: row.id }, lock: { mode: 'pessimistic_write' } });
      if (locked?.recordHash) {
        if (locked.recordHash === hash) return;
        throw new DomainException('CONFLICT', { detail: 'Inspection recorded concurrently' });
      }
      await m.getRepository(InspectionEntity).update(row.id, {
        inspectedAt: new Date(body.inspectedAt),
        checklist: body.checklist.map((l) => ({
          catalogueId: l.catalogueId ?? null,
          clauseId: l.clauseId ?? null,
          item: l.item,
          result: l.result,
          note: l.note ?? null,
        })),
        principalDutiesChecked: body.principalDutiesChecked,
        responsiblePersonsChecked: body.responsiblePersonsChecked,
        status: violation ? 'recorded' : 'closed',
        recordHash: hash,
      });
      for (const [i, f] of body.findings.entries()) {
        await m.getRepository(FindingEntity).insert({
          inspectionId: row.id,
          seq: i + 1,
          description: f.description,
          grade: f.grade,
          catalogueId: f.catalogueId ?? null,
          clauseId: f.clauseId ?? null,
          location: f.location ?? null,
          photos: f.photos,
          rectifyBy: f.rectifyBy ?? null,
          stopOrdered: f.stopOrdered,
          hazardId: null,
          hazardError: null,
        });
      }
      await appendEvent(m, {
        subject: { kind: 'inspection', id: row.id },
        eventKey: `inspection:${row.id}:recorded`,
        type: ENFORCEMENT_EVENT_TYPES.inspectionRecorded,
        summaryZh: `${p.name}记录检查情况：检查项 ${body.checklist.length} 项，发现问题 ${body.findings.length} 项${
          body.principalDutiesChecked && body.responsiblePersonsChecked ? '，已落实“两个必查”' : ''
        }`,
        summaryEn: `${p.name} recorded the inspection: ${body.checklist.length} checklist lines, ${body.findings.length} findings`,
        actor: { username: p.username, name: p.name },
        data: { findings: body.findings.length, violation },
      });
    });
    return this.registerHazards(p, token, row.id);
  }

  /**
   * Registers every finding that has no hazard yet (POST /api/hazards/hazards, source 执法检查). Safe to
   * repeat: a finding with a hazard is skipped and the hazards service replays a repeated key.
   */
  async registerHazards(p: Principal, token: string, id: string) {
    const { row } = await this.records.inspection(p, token, id);
    const findings = await this.ds.getRepository(FindingEntity).find({
      where: { inspectionId: row.id },
      order: { seq: 'ASC' },
    });
    const foundBy = row.inspectors
      .map((i) => i.name)
      .join('、')
      .slice(0, 50);
    const foundOn = toCivilDate(row.inspectedAt ?? new Date());
    for (const f of findings.filter((x) => !x.hazardId)) {
      const outcome = await this.hazards.register(token, f.id, {
        enterpriseCreditCode: row.enterpriseCreditCode,
        grade: f.grade,
        title: f.description.slice(0, 100),
        description: f.description,
        location: f.location ?? row.enterpriseName,
        ...(f.catalogueId && f.clauseId
          ? { standard: { catalogueId: f.catalogueId, clauseId: f.clauseId } }
          : {}),
        foundOn,
        foundBy,
      });
      await this.ds.transaction(async (m) => {
        if (!outcome.ok) {
          await m
            .getRepository(FindingEntity)
            .update({ id: f.id }, { hazardError: outcome.reason.slice(0, 2000) });
          f.hazardError = outcome.reason;
          return;
        }
        const updated = await m
          .createQueryBuilder()
          .update(FindingEntity)
          .set({ hazardId: outcome.hazardId, hazardError: null })
          .where('id = :id AND hazard_id IS NULL', { id: f.id })
          .execute();
        f.hazardId = outcome.hazardId;
        f.hazardError = null;
        if (!updated.affected) return;
        await appendEvent(m, {
          subject: { kind: 'inspection', id: row.id },
          eventKey: `finding:${f.id}:hazard`,
          type: ENFORCEMENT_EVENT_TYPES.hazardRegistered,
          summaryZh: `问题 ${f.seq} 已登记为隐患${outcome.caseRef ? `（台账编号 ${outcome.caseRef}）` : ''}`,
          summaryEn: `Finding ${f.seq} registered as a hazard${outcome.caseRef ? ` (${outcome.caseRef})` : ''}`,
          actor: { username: p.username, name: p.name },
          data: { findingId: f.id, hazardId: outcome.hazardId, caseRef: outcome.caseRef },
        });
      });
    }
    const fresh = await this.ds.getRepository(InspectionEntity).findOneByOrFail({ id: row.id });
    return toInspectionDto(fresh, findings);
  }

  /** An inspector of the inspection signs the record (谁检查、谁签名、谁负责); signing twice is a no-op. */
  async sign(p: Principal, token: string, id: string) {
    const { row } = await this.records.inspection(p, token, id);
    this.assertInspector(p, row, false);
    if (!row.recordHash) {
      throw new DomainException('CONFLICT', {
        detail: 'Not recorded yet',
        messageZh: '检查尚未记录，不能签名',
        messageEn: 'The inspection has not been recorded yet; nothing to sign',
      });
    }
    await this.ds.transaction(async (m) => {
      const locked = await m
        .getRepository(InspectionEntity)
        .findOneOrFail({ where: { id: row.id }, lock: { mode: 'pessimistic_write' } });
      const me = locked.inspectors.find((i) => i.username === p.username)!;
      if (me.signedAt) return;
      me.signedAt = new Date().toISOString();
      await m.getRepository(InspectionEntity).update(row.id, { inspectors: locked.inspectors });
      await appendEvent(m, {
        subject: { kind: 'inspection', id: row.id },
        eventKey: `inspection:${row.id}:signed:${p.username}`,
        type: ENFORCEMENT_EVENT_TYPES.inspectionSigned,
        summaryZh: `${p.name}在检查记录上签名`,
        summaryEn: `${p.name} signed the inspection record`,
        actor: { username: p.username, name: p.name },
      });
    });
    return this.detail(p, token, id);
  }

  async timeline(p: Principal, token: string, id: string) {
    const { row } = await this.records.inspection(p, token, id);
    return this.events('inspection', row.id);
  }

  async events(kind: 'inspection' | 'case' | 'referral' | 'plan', id: string) {
    const events = await this.ds.getRepository(EnforcementEventEntity).find({
      where: { subjectKind: kind, subjectId: id },
      order: { occurredAt: 'ASC', id: 'ASC' },
    });
    return { data: events.map(toEventDto), total: events.length };
  }

  private assertInspector(p: Principal, row: InspectionEntity, allowSysAdmin = true): void {
    if (row.inspectors.some((i) => i.username === p.username)) return;
    if (allowSysAdmin && p.roles.includes('sys-admin')) return;
    throw new DomainException('FORBIDDEN', {
      detail: 'Not an inspector of this inspection',
      messageZh: '只有本次检查的执法人员可以记录和签名',
      messageEn: 'Only the inspectors of this inspection record and sign it',
    });
  }

  private checkRecord(body: RecordInspection): void {
    const errors: FieldError[] = [];
    if (Date.parse(body.inspectedAt) > Date.now() + SKEW_MS) {
      errors.push({
        path: 'inspectedAt',
        messageZh: '检查时间不能晚于当前时间',
        messageEn: 'The inspection time cannot be in the future',
      });
    }
    const clause = (path: string, catalogueId?: string, clauseId?: string) => {
      if (!catalogueId || !clauseId) return;
      const catalogue = findCatalogue(catalogueId);
      if (!catalogue) {
        errors.push({
          path: `${path}.catalogueId`,
          messageZh: `判定标准「${catalogueId}」不存在`,
          messageEn: `Unknown standard catalogue "${catalogueId}"`,
        });
      } else if (!findClause(catalogueId, clauseId)) {
        errors.push({
          path: `${path}.clauseId`,
          messageZh: `《${catalogue.titleZh}》中没有条款「${clauseId}」`,
          messageEn: `Clause "${clauseId}" does not exist in "${catalogue.titleEn}"`,
        });
      }
    };
    body.checklist.forEach((l, i) => clause(`checklist.${i}`, l.catalogueId, l.clauseId));
    body.findings.forEach((f, i) => clause(`findings.${i}`, f.catalogueId, f.clauseId));
    if (errors.length > 0)
      throw new DomainException('VALIDATION_FAILED', { detail: 'Invalid inspection record', errors });
  }
}
