import { Inject, Injectable } from '@nestjs/common';
import type { Principal } from '@zhiben/auth';
import { endOfDay } from '@zhiben/calendar';
import {
  APPLY_REINSPECTION_UPDATE,
  ENFORCEMENT_ACTION_LABELS,
  ENFORCEMENT_CASE_STATE_QUERY,
  ENFORCEMENT_CASE_STAGE_LABELS,
  ENFORCEMENT_EVENT_TYPES,
  ENFORCEMENT_STEPS,
  enforcementCaseWorkflowId,
  type ApplyReinspectionInput,
  type CaseStepBody,
  type CaseStepName,
  type CreateCase,
  type EnforcementCaseInput,
  type FieldError,
  type HazardGrade,
  type ListCasesQuery,
  type RecordAction,
  type ReinspectionApplication,
} from '@zhiben/contracts';
import { scopeWhere } from '@zhiben/hazards';
import { DomainException } from '@zhiben/platform';
import { randomUUID } from 'node:crypto';
import { DataSource, In } from 'typeorm';
import { RecordsService } from '../access/records.service';
import { ENFORCEMENT_OPTIONS, type EnforcementOptions } from '../enforcement.options';
import {
  EnforcementActionEntity,
  FindingEntity,
  InspectionEntity,
  PenaltyCaseEntity,
  ReinspectionApplicationEntity,
} from '../entities';
import { appendEvent } from '../events';
import { FilesService } from '../files/files.service';
import { idempotencyConflict, isoAfter, keysetPage, likeContains, requestHash } from '../http';
import { formatNumber, nextNumber, PlacesService, shanghaiYear } from '../jurisdiction/places.service';
import { toActionDto, toApplicationDto, toCaseDto } from '../mappers';
import { RulesService } from '../rules/rules.service';
import { isUniqueViolation } from '../schema';
import { ScopeResolver } from '../scope/scope.resolver';
import { StepsService } from '../steps/steps.service';
import { asHttpError, EnforcementWorkflowGateway } from '../workflow/enforcement-workflow.gateway';
import { WorkflowStarter } from '../workflow/workflow-starter';

const STEP_LABELS: Record<CaseStepName, { zh: string; en: string }> = {
  approveFiling: { zh: '立案审批', en: 'Filing approval' },
  investigate: { zh: '调查取证', en: 'Investigation' },
  legalReview: { zh: '法制审核', en: 'Legal review' },
  respondToNotice: { zh: '陈述申辩/听证', en: 'Response to the notice' },
  holdHearing: { zh: '听证', en: 'Hearing' },
  decide: { zh: '处罚决定', en: 'Decision' },
  serve: { zh: '送达', en: 'Service' },
  recordExecution: { zh: '执行', en: 'Execution' },
  reinspect: { zh: '整改复查', en: 'Re-inspection' },
  escalate: { zh: '升级处置', en: 'Escalation' },
  proposeReferral: { zh: '涉嫌犯罪移送建议', en: 'Referral proposal' },
  breachFollowUp: { zh: '超期督办', en: 'Breach follow-up' },
};

/** Steps only a department leader decides (立案, 决定), and the legal reviewer's. */
const STEP_ROLES: Partial<Record<CaseStepName, string[]>> = {
  approveFiling: ['leader'],
  decide: ['leader'],
  legalReview: ['official'],
  respondToNotice: ['enterprise'],
};

export const hasAnyRole = (p: Principal, roles: string[]) => roles.some((r) => p.roles.includes(r as never));

/**
 * Penalty cases (行政处罚): 立案 from an inspection or for an enterprise in the caller's jurisdiction
 * (403 outside it), 一案双罚 parties, orders and measures, the enterprise's 整改复查 application and the
 * officials' step decisions; `enforcementCase` is started through the outbox after the commit.
 */
@Injectable()
export class CasesService {
  constructor(
    private readonly ds: DataSource,
    private readonly records: RecordsService,
    private readonly scopes: ScopeResolver,
    private readonly places: PlacesService,
    private readonly rules: RulesService,
    private readonly starter: WorkflowStarter,
    private readonly gateway: EnforcementWorkflowGateway,
    private readonly steps: StepsService,
    private readonly files: FilesService,
    @Inject(ENFORCEMENT_OPTIONS) private readonly options: EnforcementOptions,
  ) {}

  async create(p: Principal, token: string, body: CreateCase, key: string | null) {
    const hash = requestHash(body);
    if (key) {
      const existing = await this.ds
        .getRepository(PenaltyCaseEntity)
        .findOneBy({ createdBy: p.username, idempotencyKey: key });
      if (existing) return this.replay(existing, hash);
    }
    checkClock(p, body.clockMsPerDay, this.options);
    let inspection: InspectionEntity | null = null;
    let findings: FindingEntity[] = [];
    if (body.inspectionId) {
      inspection = (await this.records.inspection(p, token, body.inspectionId)).row;
      if (body.enterpriseCreditCode && body.enterpriseCreditCode !== inspection.enterpriseCreditCode) {
        throw DomainException.field(
          'enterpriseCreditCode',
          '与检查记录的企业不一致',
          'Differs from the inspection’s enterprise',
        );
      }
      this.assertFileable(inspection);
      findings = await this.ds.getRepository(FindingEntity).findBy({ inspectionId: inspection.id });
    }
    const creditCode = inspection?.enterpriseCreditCode ?? body.enterpriseCreditCode!;
    const place = await this.places.forEnterprise(p, token, creditCode);
    const effective = await this.rules.effectiveFor([place.department.code, place.district?.code]);
    const msPerDay = body.clockMsPerDay ?? this.options.msPerDay;
    const deadlines = findings
      .map((f) => f.rectifyBy)
      .filter((d): d is string => !!d)
      .sort();
    const rectificationDeadlineAt =
      body.rectificationDeadlineAt ??
      (deadlines.length ? endOfDay(deadlines[deadlines.length - 1]).toISOString() : null);
    const worstGrade: HazardGrade | null = findings.some((f) => f.grade === 'major')
      ? 'major'
      : findings.length
        ? 'general'
        : null;
    try {
      const row = await this.ds.transaction(async (m) => {
        if (inspection) {
          const locked = await m
            .getRepository(InspectionEntity)
            .findOneOrFail({ where: { id: inspection.id }, lock: { mode: 'pessimistic_write' } });
          this.assertFileable(locked);
        }
        const now = new Date();
        const year = shanghaiYear(now);
        const n = await nextNumber(m, `case:${place.department.code}`, year);
        const id = randomUUID();
        const caseNo = formatNumber(place.department.name, '罚', year, n);
        const hazardIds = findings.map((f) => f.hazardId).filter((h): h is string => !!h);
        const input: EnforcementCaseInput = {
          caseId: id,
          caseNo,
          titleZh: body.title,
          departmentCode: place.department.code,
          townCode: place.town.code,
          enterpriseCreditCode: place.enterprise.creditCode,
          enterpriseName: place.enterprise.name,
          inspectionId: inspection?.id ?? null,
          hazardIds,
          worstGrade,
          officers: body.officers,
          rectificationDeadlineAt,
          stopOrdered: findings.some((f) => f.stopOrdered),
          inspectors: place.candidates.inspectors,
          head: place.candidates.head,
          legalReviewers: place.candidates.officials,
          supervisors: place.candidates.supervisors,
          rules: effective.rules,
          clock: { msPerDay },
        };
        const row = m.getRepository(PenaltyCaseEntity).create({
          id,
          caseNo,
          title: body.title,
          stage: 'filing',
          departmentCode: place.department.code,
          departmentName: place.department.name,
          townCode: place.town.code,
          townName: place.town.name,
          orgPath: place.town.path,
          districtCode: place.district?.code ?? null,
          sector: place.enterprise.sector,
          enterpriseCreditCode: place.enterprise.creditCode,
          enterpriseName: place.enterprise.name,
          inspectionId: inspection?.id ?? null,
          hazardIds,
          officers: body.officers,
          parties: body.parties,
          filedAt: now,
          decidedAt: null,
          servedAt: null,
          serveDueAt: null,
          rectificationDeadlineAt: rectificationDeadlineAt ? new Date(rectificationDeadlineAt) : null,
          reinspectionDueAt: null,
          reinspectionResult: null,
          suspectedCrime: null,
          referralId: null,
          closedAt: null,
          rulesOrgUnitCode: effective.orgUnitCode,
          rulesVersion: effective.rules.version,
          msPerDay,
          workflowId: enforcementCaseWorkflowId(id),
          workflowInput: input,
          workflowStartedAt: null,
          workflowStartAttempts: 0,
          workflowStartError: null,
          createdBy: p.username,
          createdByName: p.name,
          idempotencyKey: key,
          requestHash: key ? hash : null,
        });
        await m.getRepository(PenaltyCaseEntity).insert(row);
        if (inspection) {
          await m.getRepository(InspectionEntity).update(inspection.id, { caseId: id, status: 'caseOpened' });
        }
        await appendEvent(m, {
          subject: { kind: 'case', id },
          eventKey: `case:${id}:filed`,
          type: ENFORCEMENT_EVENT_TYPES.caseCreated,
          summaryZh: `${p.name}提请立案「${body.title}」（${caseNo}），当事人：${place.enterprise.name}`,
          summaryEn: `${p.name} filed "${body.title}" (${caseNo}) against ${place.enterprise.name}`,
          actor: { username: p.username, name: p.name },
          data: {
            caseNo,
            inspectionId: inspection?.id ?? null,
            hazardIds,
            rulesVersion: effective.rules.version,
          },
        });
        return row;
      });
      await this.starter.ensureStarted('case', row, 5_000);
      return this.assemble(row);
    } catch (e) {
      if (key && isUniqueViolation(e, 'uq_penalty_cases_idempotency')) {
        const existing = await this.ds
          .getRepository(PenaltyCaseEntity)
          .findOneBy({ createdBy: p.username, idempotencyKey: key });
        if (existing) return this.replay(existing, hash);
      }
      throw e;
    }
  }

  private assertFileable(inspection: InspectionEntity): void {
    if (inspection.caseId) {
      throw new DomainException('CONFLICT', {
        detail: 'Inspection already has a case',
        messageZh: '该检查已立案',
        messageEn: 'A case was already filed for this inspection',
      });
    }
    if (inspection.status !== 'recorded') {
      throw new DomainException('CONFLICT', {
        detail: `Inspection is ${inspection.status}`,
        messageZh: '检查尚未记录违法问题，不能立案',
        messageEn: 'The inspection has no recorded violation to file a case on',
      });
    }
    const unsigned = inspection.inspectors.filter((i) => !i.signedAt);
    if (unsigned.length > 0) {
      throw new DomainException('CONFLICT', {
        detail: 'Inspection not signed by every inspector',
        messageZh: `检查记录尚未由全部执法人员签名（未签名：${unsigned.map((i) => i.name).join('、')}）`,
        messageEn: `Not every inspector signed the record yet (unsigned: ${unsigned.map((i) => i.username).join(', ')})`,
      });
    }
  }

  private async replay(existing: PenaltyCaseEntity, hash: string) {
    if (existing.requestHash && existing.requestHash !== hash) throw idempotencyConflict();
    await this.starter.ensureStarted('case', existing, 5_000);
    return { ...(await this.assemble(existing)), replayed: true };
  }

  async assemble(row: PenaltyCaseEntity) {
    const [actions, applications] = await Promise.all([
      this.ds
        .getRepository(EnforcementActionEntity)
        .find({ where: { caseId: row.id }, order: { at: 'ASC' } }),
      this.ds
        .getRepository(ReinspectionApplicationEntity)
        .find({ where: { caseId: row.id }, order: { submittedAt: 'ASC' } }),
    ]);
    return { ...toCaseDto(row, actions), reinspectionApplications: applications.map(toApplicationDto) };
  }

  async detail(p: Principal, token: string, id: string) {
    const { row } = await this.records.penaltyCase(p, token, id);
    if (!row.workflowStartedAt) await this.starter.ensureStarted('case', row, 3_000);
    return this.assemble(row);
  }

  async list(p: Principal, token: string, q: ListCasesQuery) {
    const scope = await this.scopes.scopeOf(p, token);
    const where = scopeWhere(scope, 'c');
    const qb = this.ds
      .getRepository(PenaltyCaseEntity)
      .createQueryBuilder('c')
      .where(where.sql, where.params);
    if (q.stage) qb.andWhere('c.stage = :stage', { stage: q.stage });
    if (q.open === true) qb.andWhere(`c.stage NOT IN ('closed','dismissed')`);
    if (q.open === false) qb.andWhere(`c.stage IN ('closed','dismissed')`);
    if (q.enterpriseCreditCode) qb.andWhere('c.enterprise_credit_code = :cc', { cc: q.enterpriseCreditCode });
    if (q.q)
      qb.andWhere('(c.case_no ILIKE :q OR c.title ILIKE :q OR c.enterprise_name ILIKE :q)', {
        q: likeContains(q.q),
      });
    const page = await keysetPage(qb, 'c', q);
    const actions = page.rows.length
      ? await this.ds.getRepository(EnforcementActionEntity).find({
          where: { caseId: In(page.rows.map((r) => r.id)) },
          order: { at: 'ASC' },
        })
      : [];
    return {
      data: page.rows.map((r) =>
        toCaseDto(
          r,
          actions.filter((a) => a.caseId === r.id),
        ),
      ),
      total: page.total,
      nextCursor: page.nextCursor,
    };
  }

  /** Orders and measures recorded by an official: orders need a deadline (checked by the schema too). */
  async recordAction(p: Principal, token: string, id: string, body: RecordAction, key: string | null) {
    const { row } = await this.records.penaltyCase(p, token, id);
    if ((body.kind === 'rectificationOrder' || body.kind === 'suspensionOrder') && !body.deadlineAt) {
      throw DomainException.field(
        'deadlineAt',
        '责令整改或停产整顿须规定期限',
        'An order without a deadline: give deadlineAt',
      );
    }
    const eventKey = `action:${row.id}:${key ?? randomUUID()}`;
    const at = body.at ? new Date(body.at) : new Date();
    if (body.deadlineAt && new Date(body.deadlineAt) <= at) {
      throw DomainException.field(
        'deadlineAt',
        '期限须晚于作出时间',
        'The deadline must be after the time of the order',
      );
    }
    await this.ds.transaction(async (m) => {
      const inserted = await m
        .createQueryBuilder()
        .insert()
        .into(EnforcementActionEntity)
        .values({
          caseId: row.id,
          kind: body.kind,
          detail: body.detail,
          deadlineAt: body.deadlineAt ? new Date(body.deadlineAt) : null,
          amountYuan: body.amountYuan ?? null,
          byUsername: p.username,
          byName: p.name,
          at,
          eventKey,
        })
        .orIgnore()
        .returning(['id'])
        .execute();
      if ((inserted.raw as unknown[]).length === 0) return;
      const label = ENFORCEMENT_ACTION_LABELS[body.kind];
      await appendEvent(m, {
        subject: { kind: 'case', id: row.id },
        eventKey,
        type: ENFORCEMENT_EVENT_TYPES.actionRecorded,
        summaryZh: `${p.name}记录${label.zh}：${body.detail}`,
        summaryEn: `${p.name} recorded ${label.en.toLowerCase()}: ${body.detail}`,
        actor: { username: p.username, name: p.name },
        data: { kind: body.kind, deadlineAt: body.deadlineAt ?? null, amountYuan: body.amountYuan ?? null },
        at: at.toISOString(),
      });
    });
    const action = await this.ds.getRepository(EnforcementActionEntity).findOneByOrFail({ eventKey });
    return toActionDto(action);
  }

  /** The enterprise applies for 整改复查 (its own case): stored, then handed to the workflow. */
  async applyReinspection(
    p: Principal,
    token: string,
    id: string,
    body: ReinspectionApplication,
    key: string | null,
  ) {
    const { row } = await this.records.penaltyCase(p, token, id);
    this.records.assertOwnEnterprise(p, row);
    const repo = this.ds.getRepository(ReinspectionApplicationEntity);
    if (key) {
      const prior = await repo.findOneBy({ caseId: row.id, requestId: key });
      if (prior) {
        if (prior.status === 'rejected' && prior.rejectionReason) {
          const [zh, en] = prior.rejectionReason.split(' / ');
          throw new DomainException('CONFLICT', {
            detail: 'Replayed refused application',
            messageZh: zh,
            messageEn: en ?? zh,
          });
        }
        return toApplicationDto(prior);
      }
    }
    if (row.stage === 'closed' || row.stage === 'dismissed') {
      throw new DomainException('CONFLICT', {
        detail: 'Case closed',
        messageZh: '该案件已结案',
        messageEn: 'This case is closed',
      });
    }
    await this.files.assertFilesOf('case', row.id, body.evidence, 'evidence');
    const application = await repo.save({
      caseId: row.id,
      note: body.note,
      evidence: body.evidence,
      status: 'submitted',
      rejectionReason: null,
      requestId: key,
      submittedBy: p.username,
      submittedByName: p.name,
      submittedAt: new Date(),
    });
    const payload: ApplyReinspectionInput = {
      by: { username: p.username, name: p.name },
      note: body.note,
      evidence: body.evidence,
    };
    try {
      await this.gateway.update(
        row.workflowId,
        APPLY_REINSPECTION_UPDATE,
        payload,
        `reinspection:${application.id}`,
      );
    } catch (e) {
      const error = asHttpError(e);
      if (error instanceof DomainException) {
        const reason = `${error.messageZh} / ${error.messageEn}`;
        await repo.update(application.id, { status: 'rejected', rejectionReason: reason });
      }
      throw error;
    }
    await repo.update(application.id, { status: 'accepted' });
    (application as { status: string }).status = 'accepted';
    await this.ds.transaction((m) =>
      appendEvent(m, {
        subject: { kind: 'case', id: row.id },
        eventKey: `reinspection:${application.id}:applied`,
        type: ENFORCEMENT_EVENT_TYPES.reinspectionApplied,
        summaryZh: `${p.name}申请整改复查`,
        summaryEn: `${p.name} applied for the re-inspection`,
        actor: { username: p.username, name: p.name },
        data: { applicationId: application.id, evidence: body.evidence },
      }),
    );
    return toApplicationDto(application);
  }

  /** Completes the open task of a case step with its decision and step-specific data. */
  async step<S extends CaseStepName>(
    p: Principal,
    token: string,
    id: string,
    step: S,
    body: CaseStepBody<S>,
    key: string | null,
  ) {
    const { row } = await this.records.penaltyCase(p, token, id);
    const roles = STEP_ROLES[step];
    if (p.roles.includes('enterprise')) {
      if (step !== ENFORCEMENT_STEPS.respondToNotice) {
        throw new DomainException('FORBIDDEN', { detail: 'Enterprises respond to the notice only' });
      }
      this.records.assertOwnEnterprise(p, row);
    } else if (roles && !hasAnyRole(p, roles)) {
      throw new DomainException('FORBIDDEN', {
        detail: `Step ${step} needs one of ${roles.join(', ')}`,
        messageZh: `「${STEP_LABELS[step].zh}」须由${roles.map(roleZh).join('或')}办理`,
        messageEn: `"${STEP_LABELS[step].en}" is for ${roles.join(' or ')}`,
      });
    }
    const data = (body.data ?? {}) as Record<string, unknown>;
    const errors: FieldError[] = [];
    const notBefore = (field: string, earlier: Date | null, zhWhat: string, enWhat: string) =>
      isoAfter(errors, `data.${field}`, data[field], earlier, zhWhat, enWhat);
    notBefore('heldAt', row.filedAt, '立案时间', 'the filing');
    notBefore('decidedAt', row.filedAt, '立案时间', 'the filing');
    notBefore('servedAt', row.decidedAt, '处罚决定时间', 'the decision');
    notBefore('inspectedAt', row.filedAt, '立案时间', 'the filing');
    if (errors.length)
      throw new DomainException('VALIDATION_FAILED', { detail: 'Dates out of order', errors });
    const b = body as { decision: string; comment?: string; attachments?: string[] };
    return this.steps.complete(p, {
      subject: { kind: 'case', id: row.id, workflowId: row.workflowId },
      step,
      label: STEP_LABELS[step],
      decision: b.decision,
      comment: b.comment ?? '',
      data,
      attachments: b.attachments ?? [],
      key,
      project: () => this.projectStep(row.id, step, b.decision, data),
    });
  }

  /** What a step decided, on the case row (the workflow's setCaseStage patches the same fields). */
  private async projectStep(id: string, step: CaseStepName, decision: string, data: Record<string, unknown>) {
    const patch: Partial<PenaltyCaseEntity> = {};
    if (step === 'investigate' && Array.isArray(data['parties'])) patch.parties = data['parties'] as never;
    if (step === 'decide' && decision === 'penalize') {
      if (Array.isArray(data['parties'])) patch.parties = data['parties'] as never;
      patch.decidedAt = new Date(typeof data['decidedAt'] === 'string' ? data['decidedAt'] : Date.now());
      if (typeof data['rectificationDeadlineAt'] === 'string') {
        patch.rectificationDeadlineAt = new Date(data['rectificationDeadlineAt']);
      }
    }
    if (step === 'serve' && typeof data['servedAt'] === 'string') patch.servedAt = new Date(data['servedAt']);
    if (step === 'reinspect') patch.reinspectionResult = decision === 'passed' ? 'passed' : 'failed';
    if (Object.keys(patch).length) await this.ds.getRepository(PenaltyCaseEntity).update(id, patch);
  }

  /** The workflow's own view (stage, clocks, open tasks) — ENFORCEMENT_CASE_STATE_QUERY. */
  async state(p: Principal, token: string, id: string) {
    const { row } = await this.records.penaltyCase(p, token, id);
    try {
      return await this.gateway.query(row.workflowId, ENFORCEMENT_CASE_STATE_QUERY);
    } catch (e) {
      throw asHttpError(e);
    }
  }

  stageLabel(stage: PenaltyCaseEntity['stage']) {
    return ENFORCEMENT_CASE_STAGE_LABELS[stage];
  }
}

const ROLE_ZH: Record<string, string> = {
  leader: '负责人',
  official: '法制审核人员',
  enterprise: '企业',
  inspector: '执法人员',
};
const roleZh = (r: string) => ROLE_ZH[r] ?? r;

/** Scaled clocks are a test/demo facility: sys-admin only, and only where ZHIBEN_ALLOW_TIME_SCALE is on. */
export function checkClock(
  p: Principal,
  clockMsPerDay: number | undefined,
  options: EnforcementOptions,
): void {
  if (clockMsPerDay !== undefined && (!options.allowTimeScale || !p.roles.includes('sys-admin'))) {
    throw DomainException.field(
      'clockMsPerDay',
      '仅在启用时钟倍率的测试/演示环境中，系统管理员可设置流程时钟倍率',
      'Only a system administrator, and only where ZHIBEN_ALLOW_TIME_SCALE is on (test/demo), may scale the workflow clock',
      'FORBIDDEN',
    );
  }
}
