import { Inject, Injectable } from '@nestjs/common';
import type { Principal } from '@zhiben/auth';
import {
  ENFORCEMENT_EVENT_TYPES,
  REFERRAL_DOCUMENT_KINDS,
  REFERRAL_DOCUMENT_LABELS,
  REFERRAL_STAGES,
  REFERRAL_STATE_QUERY,
  SUBMIT_REFERRAL_UPDATE,
  SUSPECTED_CRIME_LABELS,
  type CreateReferral,
  type FieldError,
  type ListReferralsQuery,
  type ReferralBoardDto,
  type ReferralStepBody,
  type ReferralStepName,
  type SubmitReferral,
  type SubmitReferralInput,
} from '@zhiben/contracts';
import { scopeWhere } from '@zhiben/hazards';
import { DomainException } from '@zhiben/platform';
import { DataSource, In } from 'typeorm';
import { RecordsService } from '../access/records.service';
import { checkClock, hasAnyRole } from '../cases/cases.service';
import { ENFORCEMENT_OPTIONS, type EnforcementOptions } from '../enforcement.options';
import {
  EnforcementFileEntity,
  PenaltyCaseEntity,
  ReferralDeadlineEntity,
  ReferralEntity,
  type PenaltyCaseEntity as CaseRow,
} from '../entities';
import { appendEvent } from '../events';
import { idempotencyConflict, isoAfter, keysetPage, likeContains, requestHash } from '../http';
import { PlacesService } from '../jurisdiction/places.service';
import { deadlineView, missingDocuments, REAL_DAY_MS, toReferralDto } from '../mappers';
import { RulesService } from '../rules/rules.service';
import { isUniqueViolation } from '../schema';
import { ScopeResolver } from '../scope/scope.resolver';
import { StepsService } from '../steps/steps.service';
import { asHttpError, EnforcementWorkflowGateway } from '../workflow/enforcement-workflow.gateway';
import { WorkflowStarter } from '../workflow/workflow-starter';
import { insertReferral } from './referral-input';
import { projectReferralStep } from './referral-projection';

const SKEW_MS = 5 * 60_000;
const OPEN_SQL = `r.stage NOT IN ('closed','notApproved')`;

export const REFERRAL_STEP_LABELS: Record<ReferralStepName, { zh: string; en: string }> = {
  headDecision: { zh: '负责人审批', en: 'Head decision' },
  transfer: { zh: '移送公安', en: 'Transfer to the police' },
  recordReceipt: { zh: '公安签收', en: 'Police receipt' },
  recordPoliceDecision: { zh: '公安立案决定', en: 'Police decision' },
  recordPoliceNotice: { zh: '书面通知', en: 'Written notice' },
  handover: { zh: '移交涉案物品', en: 'Handover of items' },
  recordOutcome: { zh: '案件结果', en: 'Case outcome' },
  chooseReconsideration: { zh: '复议或提请监督', en: 'Reconsideration or supervision' },
  recordReconsiderationAnswer: { zh: '复议决定', en: 'Reconsideration answer' },
  requestProcuratorate: { zh: '提请检察院监督', en: 'Procuratorate request' },
  recordProcuratorateOutcome: { zh: '检察院监督结果', en: 'Procuratorate outcome' },
  breachFollowUp: { zh: '超期督办', en: 'Breach follow-up' },
};

/** The head decides (B7: 负责人 3 日内决定); every other step is the team's or the liaison's. */
const STEP_ROLES: Partial<Record<ReferralStepName, string[]>> = { headDecision: ['leader'] };

/**
 * Criminal referrals (行刑衔接): created by hand or proposed by a case; the package (five documents, a
 * team of two, the report date) is validated before SUBMIT_REFERRAL_UPDATE; each later step — the head's
 * decision, the transfer, the police and procuratorate answers the liaison records — is checked for date
 * order against what was recorded before and completes the open task of its step.
 */
@Injectable()
export class ReferralsService {
  constructor(
    private readonly ds: DataSource,
    private readonly records: RecordsService,
    private readonly scopes: ScopeResolver,
    private readonly places: PlacesService,
    private readonly rules: RulesService,
    private readonly starter: WorkflowStarter,
    private readonly gateway: EnforcementWorkflowGateway,
    private readonly steps: StepsService,
    @Inject(ENFORCEMENT_OPTIONS) private readonly options: EnforcementOptions,
  ) {}

  async create(p: Principal, token: string, body: CreateReferral, key: string | null) {
    const hash = requestHash(body);
    const repo = this.ds.getRepository(ReferralEntity);
    if (key) {
      const existing = await repo.findOneBy({ createdBy: p.username, idempotencyKey: key });
      if (existing) return this.replay(existing, hash);
    }
    checkClock(p, body.clockMsPerDay, this.options);
    let penaltyCase: CaseRow | null = null;
    if (body.caseId) {
      penaltyCase = (await this.records.penaltyCase(p, token, body.caseId)).row;
      if (body.enterpriseCreditCode && body.enterpriseCreditCode !== penaltyCase.enterpriseCreditCode) {
        throw DomainException.field(
          'enterpriseCreditCode',
          '与处罚案件的企业不一致',
          'Differs from the case’s enterprise',
        );
      }
    }
    const creditCode = penaltyCase?.enterpriseCreditCode ?? body.enterpriseCreditCode!;
    const place = await this.places.forEnterprise(p, token, creditCode);
    const rules = await this.rules.effectiveFor([place.department.code, place.district?.code]);
    try {
      const row = await this.ds.transaction(async (m) => {
        const row = await insertReferral(m, {
          title: body.title,
          suspectedCrime: body.suspectedCrime,
          suspects: body.suspects,
          officers: body.officers,
          place: {
            department: place.department,
            town: place.town,
            districtCode: place.district?.code ?? null,
            sector: place.enterprise.sector,
            enterprise: { creditCode: place.enterprise.creditCode, name: place.enterprise.name },
          },
          candidates: {
            officers: place.candidates.inspectors,
            head: place.candidates.head,
            liaison: place.candidates.officials,
            supervisors: place.candidates.supervisors,
          },
          caseId: penaltyCase?.id ?? null,
          rules,
          msPerDay: body.clockMsPerDay ?? this.options.msPerDay,
          createdBy: { username: p.username, name: p.name },
          idempotencyKey: key,
          requestHash: key ? hash : null,
        });
        if (penaltyCase) {
          await m
            .createQueryBuilder()
            .update(PenaltyCaseEntity)
            .set({ referralId: row.id })
            .where('id = :id AND referral_id IS NULL', { id: penaltyCase.id })
            .execute();
        }
        await appendEvent(m, {
          subject: { kind: 'referral', id: row.id },
          eventKey: `referral:${row.id}:created`,
          type: ENFORCEMENT_EVENT_TYPES.referralCreated,
          summaryZh: `${p.name}启动涉嫌犯罪案件移送「${body.title}」（${row.referralNo}），涉嫌${SUSPECTED_CRIME_LABELS[body.suspectedCrime].zh}`,
          summaryEn: `${p.name} opened the referral "${body.title}" (${row.referralNo}): ${SUSPECTED_CRIME_LABELS[body.suspectedCrime].en}`,
          actor: { username: p.username, name: p.name },
          data: { caseId: row.caseId, suspects: body.suspects },
        });
        return row;
      });
      await this.starter.ensureStarted('referral', row, 5_000);
      return this.assemble(row);
    } catch (e) {
      if (key && isUniqueViolation(e, 'uq_referrals_idempotency')) {
        const existing = await repo.findOneBy({ createdBy: p.username, idempotencyKey: key });
        if (existing) return this.replay(existing, hash);
      }
      throw e;
    }
  }

  private async replay(existing: ReferralEntity, hash: string) {
    if (existing.requestHash && existing.requestHash !== hash) throw idempotencyConflict();
    await this.starter.ensureStarted('referral', existing, 5_000);
    return { ...(await this.assemble(existing)), replayed: true };
  }

  async assemble(row: ReferralEntity) {
    const [files, deadlines] = await Promise.all([
      this.ds.getRepository(EnforcementFileEntity).find({
        where: { subjectKind: 'referral', subjectId: row.id },
        order: { createdAt: 'ASC' },
      }),
      this.ds.getRepository(ReferralDeadlineEntity).find({ where: { referralId: row.id } }),
    ]);
    return toReferralDto(row, files, deadlines);
  }

  async detail(p: Principal, token: string, id: string) {
    const { row } = await this.records.referral(p, token, id);
    if (!row.workflowStartedAt) await this.starter.ensureStarted('referral', row, 3_000);
    return this.assemble(row);
  }

  private async scoped(p: Principal, token: string) {
    const scope = await this.scopes.scopeOf(p, token);
    const where = scopeWhere(scope, 'r');
    return this.ds.getRepository(ReferralEntity).createQueryBuilder('r').where(where.sql, where.params);
  }

  async list(p: Principal, token: string, q: ListReferralsQuery) {
    const qb = await this.scoped(p, token);
    if (q.stage) qb.andWhere('r.stage = :stage', { stage: q.stage });
    if (q.open === true) qb.andWhere(OPEN_SQL);
    if (q.open === false) qb.andWhere(`NOT (${OPEN_SQL})`);
    if (q.overdue !== undefined) {
      qb.andWhere(
        `${q.overdue ? '' : 'NOT '}(${OPEN_SQL} AND EXISTS (SELECT 1 FROM "enforcement"."referral_deadlines" d
          WHERE d.referral_id = r.id AND d.met_at IS NULL AND (d.breached_at IS NOT NULL OR (r.ms_per_day >= :realDay AND d.due_at < now()))))`,
        { realDay: REAL_DAY_MS },
      );
    }
    if (q.enterpriseCreditCode) qb.andWhere('r.enterprise_credit_code = :cc', { cc: q.enterpriseCreditCode });
    if (q.q)
      qb.andWhere('(r.referral_no ILIKE :q OR r.title ILIKE :q OR r.enterprise_name ILIKE :q)', {
        q: likeContains(q.q),
      });
    const page = await keysetPage(qb, 'r', q);
    const ids = page.rows.map((r) => r.id);
    const [files, deadlines] = ids.length
      ? await Promise.all([
          this.ds
            .getRepository(EnforcementFileEntity)
            .findBy({ subjectKind: 'referral', subjectId: In(ids) }),
          this.ds.getRepository(ReferralDeadlineEntity).findBy({ referralId: In(ids) }),
        ])
      : [[], []];
    return {
      data: page.rows.map((r) =>
        toReferralDto(
          r,
          files.filter((f) => f.subjectId === r.id),
          deadlines.filter((d) => d.referralId === r.id),
        ),
      ),
      total: page.total,
      nextCursor: page.nextCursor,
    };
  }

  /** The referral board: open referrals, the overdue ones, counts by stage, every deadline's state. */
  async board(p: Principal, token: string): Promise<ReferralBoardDto> {
    const qb = await this.scoped(p, token);
    const rows = await qb
      .andWhere(OPEN_SQL)
      .orderBy('r.created_at', 'DESC')
      .addOrderBy('r.id', 'DESC')
      .limit(500)
      .getMany();
    const deadlines = rows.length
      ? await this.ds.getRepository(ReferralDeadlineEntity).findBy({ referralId: In(rows.map((r) => r.id)) })
      : [];
    const now = new Date();
    const board: ReferralBoardDto = {
      open: rows.length,
      overdue: 0,
      byStage: {},
      deadlines: { met: 0, breached: 0, running: 0 },
      referrals: [],
    };
    for (const stage of REFERRAL_STAGES) board.byStage[stage] = 0;
    for (const r of rows) {
      const views = deadlines
        .filter((d) => d.referralId === r.id)
        .map((d) => deadlineView(d, now, r.msPerDay >= REAL_DAY_MS))
        .sort((a, b) => a.startedAt.localeCompare(b.startedAt));
      const overdue = views.some((v) => v.status === 'breached' && !v.metAt);
      if (overdue) board.overdue++;
      board.byStage[r.stage] = (board.byStage[r.stage] ?? 0) + 1;
      for (const v of views) board.deadlines[v.status]++;
      board.referrals.push({
        id: r.id,
        referralNo: r.referralNo,
        title: r.title,
        stage: r.stage,
        enterprise: { creditCode: r.enterpriseCreditCode, name: r.enterpriseName },
        department: { code: r.departmentCode, name: r.departmentName },
        suspects: r.suspects,
        overdue,
        deadlines: views,
        createdAt: r.createdAt.toISOString(),
      });
    }
    return board;
  }

  /**
   * The team submits the package. 400 names exactly what is missing — each missing document by name,
   * fewer than two officers, a report date out of order — before anything goes to the workflow.
   */
  async submit(p: Principal, token: string, id: string, body: SubmitReferral, key: string | null) {
    const { row } = await this.records.referral(p, token, id);
    const documents = await this.ds.getRepository(EnforcementFileEntity).findBy({
      subjectKind: 'referral',
      subjectId: row.id,
      kind: In([...REFERRAL_DOCUMENT_KINDS]),
    });
    const missing = missingDocuments(documents);
    const errors: FieldError[] = missing.map((kind) => ({
      path: `documents.${kind}`,
      messageZh: `缺少${REFERRAL_DOCUMENT_LABELS[kind].zh}`,
      messageEn: `Missing: ${REFERRAL_DOCUMENT_LABELS[kind].en}`,
    }));
    const officers = [...new Map(body.officers.map((o) => [o.username, o])).values()];
    if (officers.length < 2) {
      errors.push({
        path: 'officers',
        messageZh: `移送须由 2 名以上执法人员组成专案组办理（现有 ${officers.length} 名）`,
        messageEn: `A team of at least two officers prepares the referral (${officers.length} given)`,
      });
    }
    let penaltyCase: CaseRow | null = null;
    if (row.caseId)
      penaltyCase = await this.ds.getRepository(PenaltyCaseEntity).findOneBy({ id: row.caseId });
    isoAfter(
      errors,
      'reportedAt',
      body.reportedAt,
      penaltyCase?.filedAt ?? null,
      '处罚案件立案时间',
      'the case’s filing',
    );
    if (Date.parse(body.reportedAt) > Date.now() + SKEW_MS) {
      errors.push({
        path: 'reportedAt',
        messageZh: '移送报告日期不能晚于当前时间',
        messageEn: 'The report date cannot be in the future',
      });
    }
    if (errors.length > 0) {
      const zh: string[] = [];
      const en: string[] = [];
      if (missing.length) {
        zh.push(`缺少${missing.map((k) => REFERRAL_DOCUMENT_LABELS[k].zh).join('、')}`);
        en.push(`missing ${missing.map((k) => REFERRAL_DOCUMENT_LABELS[k].en).join(', ')}`);
      }
      for (const e of errors.filter((x) => !x.path.startsWith('documents.'))) {
        zh.push(e.messageZh);
        en.push(e.messageEn);
      }
      throw new DomainException('VALIDATION_FAILED', {
        detail: `Referral package incomplete: ${errors.map((e) => e.path).join(', ')}`,
        messageZh: `移送材料不能提交：${zh.join('；')}`,
        messageEn: `The referral cannot be submitted: ${en.join('; ')}`,
        errors,
      });
    }
    if (row.stage !== 'preparing' || row.submittedAt) {
      throw new DomainException('CONFLICT', {
        detail: `Referral is ${row.stage}`,
        messageZh: '移送材料已提交',
        messageEn: 'The package was already submitted',
      });
    }
    const payload: SubmitReferralInput = {
      by: { username: p.username, name: p.name },
      reportedAt: body.reportedAt,
      officers,
      documents: REFERRAL_DOCUMENT_KINDS.filter((k) => !missing.includes(k)),
    };
    try {
      await this.gateway.update(
        row.workflowId,
        SUBMIT_REFERRAL_UPDATE,
        payload,
        `referral-submit:${row.id}:${key ?? requestHash(body)}`,
      );
    } catch (e) {
      throw asHttpError(e);
    }
    await this.ds.transaction(async (m) => {
      await m
        .createQueryBuilder()
        .update(ReferralEntity)
        .set({
          reportedAt: new Date(body.reportedAt),
          officers,
          submittedAt: new Date(),
          stage: () => `CASE WHEN stage = 'preparing' THEN 'headDecision' ELSE stage END`,
        })
        .where('id = :id', { id: row.id })
        .execute();
      await appendEvent(m, {
        subject: { kind: 'referral', id: row.id },
        eventKey: `referral:${row.id}:submitted`,
        type: ENFORCEMENT_EVENT_TYPES.referralSubmitted,
        summaryZh: `${p.name}提交移送材料（五项齐全，专案组 ${officers.map((o) => o.name).join('、')}）`,
        summaryEn: `${p.name} submitted the referral package (team: ${officers.map((o) => o.username).join(', ')})`,
        actor: { username: p.username, name: p.name },
        data: { reportedAt: body.reportedAt, officers },
      });
    });
    return this.assemble(await this.ds.getRepository(ReferralEntity).findOneByOrFail({ id: row.id }));
  }

  /** A liaison or head step: date order against recorded dates, then the open task of that step. */
  async step<S extends ReferralStepName>(
    p: Principal,
    token: string,
    id: string,
    step: S,
    body: ReferralStepBody<S>,
    key: string | null,
  ) {
    const { row } = await this.records.referral(p, token, id);
    const roles = STEP_ROLES[step];
    if (roles && !hasAnyRole(p, roles)) {
      throw new DomainException('FORBIDDEN', {
        detail: `Step ${step} needs one of ${roles.join(', ')}`,
        messageZh: `「${REFERRAL_STEP_LABELS[step].zh}」须由机关负责人办理`,
        messageEn: `"${REFERRAL_STEP_LABELS[step].en}" is for the agency head`,
      });
    }
    const b = body as {
      decision: string;
      comment?: string;
      data?: Record<string, unknown>;
      attachments?: string[];
    };
    const data = b.data ?? {};
    const errors = referralStepErrors(row, step, b.decision, b.comment, data);
    if (errors.length) {
      throw new DomainException('VALIDATION_FAILED', {
        detail: `Invalid ${step}: ${errors.map((e) => e.path).join(', ')}`,
        messageZh: errors.map((e) => e.messageZh).join('；'),
        messageEn: errors.map((e) => e.messageEn).join('; '),
        errors,
      });
    }
    return this.steps.complete(p, {
      subject: { kind: 'referral', id: row.id, workflowId: row.workflowId },
      step,
      label: REFERRAL_STEP_LABELS[step],
      decision: b.decision,
      comment: b.comment ?? '',
      data,
      attachments: b.attachments ?? [],
      key,
      project: () => projectReferralStep(this.ds, row.id, step, b.decision, b.comment ?? null, data, p),
    });
  }

  async state(p: Principal, token: string, id: string) {
    const { row } = await this.records.referral(p, token, id);
    try {
      return await this.gateway.query(row.workflowId, REFERRAL_STATE_QUERY);
    } catch (e) {
      throw asHttpError(e);
    }
  }
}

/**
 * Checks a step's data against what the referral recorded before: a later date never predates an
 * earlier one (e.g. the head's decision before the report date), and the reasons the law wants recorded.
 */
export function referralStepErrors(
  row: Pick<
    ReferralEntity,
    | 'reportedAt'
    | 'headDecision'
    | 'transfer'
    | 'police'
    | 'reconsideration'
    | 'procuratorate'
    | 'handedOverAt'
    | 'stage'
  >,
  step: ReferralStepName,
  decision: string,
  comment: string | undefined,
  data: Record<string, unknown>,
): FieldError[] {
  const errors: FieldError[] = [];
  const after = (field: string, earlier: Date | string | null | undefined, zh: string, en: string) =>
    isoAfter(errors, `data.${field}`, data[field], earlier, zh, en);
  const need = (cond: boolean, path: string, zh: string, en: string) => {
    if (cond) errors.push({ path, messageZh: zh, messageEn: en });
  };
  switch (step) {
    case 'headDecision':
      after('decidedAt', row.reportedAt, '移送报告日期', 'the report date');
      need(
        decision === 'reject' && !comment,
        'comment',
        '不批准移送须记录理由',
        'Record the reasons for not approving',
      );
      break;
    case 'transfer':
      after('transferredAt', row.headDecision?.at, '负责人批准时间', 'the approval');
      break;
    case 'recordReceipt':
      after('receivedAt', row.transfer?.at, '移送时间', 'the transfer');
      break;
    case 'recordPoliceDecision':
      after('decidedAt', row.transfer?.receivedAt ?? row.transfer?.at, '公安签收时间', 'the receipt');
      need(
        decision === 'declined' && !data['reasons'],
        'data.reasons',
        '不予立案须记录公安说明的理由',
        'Record the reasons the police gave',
      );
      break;
    case 'recordPoliceNotice':
      after('noticeAt', row.police?.decidedAt, '公安决定时间', 'the police decision');
      break;
    case 'handover':
      after(
        'handedOverAt',
        row.police?.noticeAt ?? row.police?.decidedAt,
        '立案通知时间',
        'the registration notice',
      );
      break;
    case 'recordOutcome':
      after('at', row.handedOverAt, '移交时间', 'the handover');
      break;
    case 'chooseReconsideration':
      need(
        decision !== 'accept' && !data['requestedAt'],
        'data.requestedAt',
        '请填写提请日期',
        'Give the date of the request',
      );
      need(
        decision === 'accept' && !comment,
        'comment',
        '接受不予立案决定须说明理由',
        'Give the reasons for accepting the refusal',
      );
      after(
        'requestedAt',
        row.police?.noticeAt ?? row.police?.decidedAt,
        '不予立案通知时间',
        'the refusal notice',
      );
      break;
    case 'recordReconsiderationAnswer':
      after('answeredAt', row.reconsideration?.requestedAt, '复议申请时间', 'the reconsideration request');
      break;
    case 'requestProcuratorate':
      after(
        'requestedAt',
        row.reconsideration?.answeredAt ?? row.police?.noticeAt ?? row.police?.decidedAt,
        '复议决定或不予立案通知时间',
        'the reconsideration answer or refusal notice',
      );
      break;
    case 'recordProcuratorateOutcome':
      after('at', row.procuratorate?.requestedAt, '提请监督时间', 'the procuratorate request');
      break;
    case 'breachFollowUp':
      break;
  }
  return errors;
}
