import { Injectable } from '@nestjs/common';
import type { Principal } from '@zhiben/auth';
import { endOfDay, toCivilDate } from '@zhiben/calendar';
import {
  HAZARD_ENTERPRISE_STEPS,
  HAZARD_EVENT_TYPES,
  HAZARD_SUBMIT_DECISION,
  PROPOSE_LISTING_UPDATE,
  REQUEST_EXTENSION_UPDATE,
  type AcceptanceApplication,
  type ExtensionRequest,
  type FieldError,
  type HazardEnterpriseStep,
  type HazardStatus,
  type HazardSubmissionData,
  type ListingProposal,
  type ProgressReport,
  type ProposeListingPayload,
  type RequestExtensionPayload,
  type SubmitPlan,
  type TaskDecisionPayload,
} from '@zhiben/contracts';
import { DomainException } from '@zhiben/platform';
import { randomUUID } from 'node:crypto';
import {
  DataSource,
  In,
  type DeepPartial,
  type EntityManager,
  type EntityTarget,
  type ObjectLiteral,
} from 'typeorm';
import {
  AcceptanceApplicationEntity,
  DualReportEntity,
  ExtensionRequestEntity,
  HazardEntity,
  HazardFileEntity,
  ProgressReportEntity,
  RectificationPlanEntity,
} from '../entities';
import { WorkflowCallError } from '@zhiben/temporal-client';
import { HazardWorkflowGateway } from '../workflow/hazard-workflow.gateway';
import { toAcceptanceDto, toExtensionDto, toPlanDto, toProgressDto } from './hazard.mappers';
import { HazardsQueryService } from './hazards-query.service';
import { appendEvent } from './ledger-events';

/**
 * A refusal that names a field is bad input (400, e.g. DecisionNotAllowed, CommentRequired,
 * DeadlineNotLater); one that does not is a state conflict (409, e.g. TaskNotOpen, ExtensionPending).
 * `fieldNames` maps Update payload fields to the API's (`newDeadlineAt` → `newDeadline`).
 */
export function httpErrorFor(e: WorkflowCallError, fieldNames: Record<string, string> = {}): DomainException {
  switch (e.kind) {
    case 'rejected': {
      const r = e.rejection!;
      const errors: FieldError[] | undefined = r.field
        ? [{ path: fieldNames[r.field] ?? r.field, messageZh: r.messageZh, messageEn: r.messageEn }]
        : undefined;
      return new DomainException(errors ? 'VALIDATION_FAILED' : 'CONFLICT', {
        detail: `Workflow rejected the request (${r.type})`,
        messageZh: r.messageZh,
        messageEn: r.messageEn,
        errors,
      });
    }
    case 'not_found':
      return new DomainException('CONFLICT', {
        detail: e.message,
        messageZh: '该隐患的整改流程不存在或尚未启动，请稍后重试',
        messageEn: 'The hazard’s rectification process does not exist or has not started yet; retry shortly',
      });
    case 'unavailable':
      return new DomainException('UNAVAILABLE', {
        detail: e.message,
        messageZh: '整改流程暂不可用，请稍后重试',
        messageEn: 'The rectification process is unavailable; try again shortly',
      });
  }
}

const reasonOf = (e: DomainException) => `${e.messageZh} / ${e.messageEn}`;

/** `submit` when the step offers it, else the step's only decision (e.g. `report`, `apply`). */
export function submitDecision(decisions: string[]): string {
  if (decisions.includes(HAZARD_SUBMIT_DECISION) || decisions.length !== 1) return HAZARD_SUBMIT_DECISION;
  return decisions[0];
}

const STEP_LABEL: Record<HazardEnterpriseStep, { zh: string; en: string }> = {
  submitPlan: { zh: '整改方案', en: 'a rectification plan' },
  progressReport: { zh: '整改进展报告', en: 'a progress report' },
  applyAcceptance: { zh: '验收申请', en: 'an acceptance application' },
};

type Submission = { id: string; status: string; rejectionReason: string | null };

/** A stored enterprise submission: numbered per hazard, replayable by its Idempotency-Key. */
type StoredSubmission = ObjectLiteral & Submission & { hazardId: string; requestId: string | null };

/** How one kind of enterprise submission is checked, stored, and handed to its workflow step. */
interface StepSubmission<T extends StoredSubmission> {
  entity: new () => T;
  /** The table and the column that number a hazard's submissions of this kind (1, 2, …). */
  numbering: { table: string; column: string };
  step: HazardEnterpriseStep;
  /** The Temporal update id is `<prefix>:<submission id>`, so a retried call is a no-op. */
  updateIdPrefix: string;
  attachments: string[];
  /** Checks beyond the request schema, made before anything is stored. */
  check?: () => void;
  /** The kind's own columns, given the submission's number. */
  columns: (next: number) => DeepPartial<NoInfer<T>>;
  /** `data` of the decide Update. */
  data: (row: NoInfer<T>) => HazardSubmissionData;
  /** Hazard statuses in which a submission the workflow has not asked for is kept as accepted. */
  unsolicitedWhile?: readonly HazardStatus[];
  /** Status once the workflow takes the submission; null leaves it `submitted`. */
  acceptedStatus: 'accepted' | null;
  /** After the workflow took the submission. */
  afterAccepted?: (hazard: HazardEntity) => Promise<void>;
}

/**
 * The enterprise's submissions that move the workflow on (plan, progress, acceptance, extension) and the
 * officials' listing proposals. Each is validated and stored first, then handed to the workflow as an
 * Update; when the workflow refuses it, the stored submission is marked and the refusal is returned.
 * The workflow writes the timeline line for each accepted submission (one line per step, not two).
 */
@Injectable()
export class SubmissionsService {
  constructor(
    private readonly ds: DataSource,
    private readonly query: HazardsQueryService,
    private readonly gateway: HazardWorkflowGateway,
  ) {}

  async submitPlan(p: Principal, token: string, id: string, body: SubmitPlan, key: string | null) {
    const plan = await this.submitForStep(p, token, id, key, {
      entity: RectificationPlanEntity,
      numbering: { table: 'rectification_plans', column: 'plan_version' },
      step: HAZARD_ENTERPRISE_STEPS.plan,
      updateIdPrefix: 'plan',
      attachments: body.attachments,
      check: () => {
        if (body.deadline < toCivilDate(new Date())) {
          throw DomainException.field(
            'deadline',
            '整改完成时间不能早于今天',
            'The completion date cannot be in the past',
          );
        }
      },
      columns: (planVersion) => ({
        planVersion,
        targets: body.targets,
        measures: body.measures,
        fundsAndMaterials: body.fundsAndMaterials,
        fundsAmountYuan: body.fundsAmountYuan === undefined ? null : body.fundsAmountYuan.toFixed(2),
        organisationAndPeople: body.organisationAndPeople,
        responsiblePerson: body.responsiblePerson,
        deadline: body.deadline,
        timeRequirements: body.timeRequirements ?? null,
        safetyMeasures: body.safetyMeasures,
        emergencyPlan: body.emergencyPlan,
        acceptor: body.acceptor,
        acceptanceCriteria: body.acceptanceCriteria ?? null,
        executor: body.executor ?? null,
      }),
      data: (plan) => ({ planVersion: plan.planVersion, planId: plan.id, deadline: plan.deadline }),
      // A plan stays `submitted` once the workflow takes it: it is under review.
      acceptedStatus: null,
    });
    return toPlanDto(plan);
  }

  async submitProgress(p: Principal, token: string, id: string, body: ProgressReport, key: string | null) {
    const report = await this.submitForStep(p, token, id, key, {
      entity: ProgressReportEntity,
      numbering: { table: 'progress_reports', column: 'seq' },
      step: HAZARD_ENTERPRISE_STEPS.progress,
      updateIdPrefix: 'progress',
      attachments: body.attachments,
      columns: (seq) => ({
        seq,
        summary: body.summary,
        percentComplete: body.percentComplete,
        interimControlsEffective: body.interimControlsEffective,
      }),
      data: (report) => ({ progressReportId: report.id, percentComplete: body.percentComplete }),
      // A report nobody asked for yet is still worth keeping while the hazard is being rectified.
      unsolicitedWhile: ['rectifying', 'overdue', 'listed'],
      acceptedStatus: 'accepted',
    });
    return toProgressDto(report);
  }

  async applyAcceptance(
    p: Principal,
    token: string,
    id: string,
    body: AcceptanceApplication,
    key: string | null,
  ) {
    const application = await this.submitForStep(p, token, id, key, {
      entity: AcceptanceApplicationEntity,
      numbering: { table: 'acceptance_applications', column: 'seq' },
      step: HAZARD_ENTERPRISE_STEPS.acceptance,
      updateIdPrefix: 'acceptance',
      attachments: body.attachments,
      check: () => {
        if (body.completedOn > toCivilDate(new Date())) {
          throw DomainException.field(
            'completedOn',
            '完成日期不能晚于今天',
            'The completion date cannot be in the future',
          );
        }
      },
      columns: (seq) => ({
        seq,
        summary: body.summary,
        completedOn: body.completedOn,
        selfCheck: body.selfCheck ?? null,
      }),
      data: (application) => ({ acceptanceApplicationId: application.id, completedOn: body.completedOn }),
      acceptedStatus: 'accepted',
      afterAccepted: (hazard) => this.reportRectified(p, hazard, body.summary),
    });
    return toAcceptanceDto(application);
  }

  /** 双报告 #2 (000:39): a major hazard's completion report goes to the supervising department (else the town). */
  private async reportRectified(p: Principal, hazard: HazardEntity, summary: string): Promise<void> {
    await this.ds.transaction(async (m) => {
      const actor = { username: p.username, name: p.name };
      if (hazard.grade !== 'major') return;
      const recipient = hazard.supervisingDeptCode
        ? { code: hazard.supervisingDeptCode, name: hazard.supervisingDeptName ?? hazard.supervisingDeptCode }
        : { code: hazard.townCode, name: hazard.townName };
      const inserted = await m
        .createQueryBuilder()
        .insert()
        .into(DualReportEntity)
        .values({
          hazardId: hazard.id,
          kind: 'rectification',
          reportedAt: new Date(),
          reportedBy: p.username,
          reportedByName: p.name,
          recipientCode: recipient.code,
          recipientName: recipient.name,
          content: summary,
        })
        .orIgnore()
        .returning(['id'])
        .execute();
      if ((inserted.raw as unknown[]).length === 0) return;
      await appendEvent(m, {
        hazardId: hazard.id,
        eventKey: `hazard:${hazard.id}:dualReport.rectification`,
        type: HAZARD_EVENT_TYPES.dualReportRectification,
        summaryZh: `${hazard.enterpriseName}向${recipient.name}报告重大事故隐患整改完成（双报告·整改报告）`,
        summaryEn: `${hazard.enterpriseName} reported the major hazard rectified to ${recipient.name} (dual report #2)`,
        actor,
        data: { recipient },
      });
    });
  }

  async requestExtension(
    p: Principal,
    token: string,
    id: string,
    body: ExtensionRequest,
    key: string | null,
  ) {
    const hazard = await this.loadOwn(p, token, id);
    const replay = await this.replay(ExtensionRequestEntity, hazard.id, key);
    if (replay) return toExtensionDto(replay);
    this.assertNotClosed(hazard);
    if (!hazard.rectificationDeadline) {
      throw new DomainException('CONFLICT', {
        detail: 'No rectification deadline to extend',
        messageZh: '整改期限尚未确定（整改方案未获批准），无需申请延期',
        messageEn: 'There is no rectification deadline yet (no approved plan); nothing to extend',
      });
    }
    const newDeadlineAt = endOfDay(body.newDeadline);
    if (body.newDeadline < toCivilDate(new Date()) || newDeadlineAt <= hazard.rectificationDeadline) {
      throw DomainException.field(
        'newDeadline',
        `延期后的期限须晚于当前整改期限（${toCivilDate(hazard.rectificationDeadline)}）且不早于今天`,
        `The new deadline must be after the current one (${toCivilDate(hazard.rectificationDeadline)}) and not in the past`,
      );
    }
    const request = await this.ds.getRepository(ExtensionRequestEntity).save({
      hazardId: hazard.id,
      requestedDeadlineAt: newDeadlineAt,
      previousDeadlineAt: hazard.rectificationDeadline,
      reason: body.reason,
      status: 'pending',
      requestId: key,
      requestedBy: p.username,
      requestedByName: p.name,
      requestedAt: new Date(),
    });
    const payload: RequestExtensionPayload = {
      newDeadlineAt: newDeadlineAt.toISOString(),
      reason: body.reason,
      requestedBy: { username: p.username, name: p.name },
      extensionId: request.id,
      ...(key ? { requestId: key } : {}),
    };
    try {
      await this.gateway.update(hazard.id, REQUEST_EXTENSION_UPDATE, payload, `extension:${request.id}`);
    } catch (e) {
      throw await this.refuse(ExtensionRequestEntity, request, e, 'refused', {
        newDeadlineAt: 'newDeadline',
      });
    }
    return toExtensionDto(request);
  }

  async proposeListing(p: Principal, token: string, id: string, body: ListingProposal, key: string | null) {
    const { hazard } = await this.query.loadReadable(p, token, id);
    this.assertNotClosed(hazard);
    const requestId = key ?? randomUUID();
    const payload: ProposeListingPayload = {
      reason: body.reason,
      proposedBy: { username: p.username, name: p.name, orgUnitCode: p.orgUnitCode },
      requestId,
    };
    try {
      await this.gateway.update(
        hazard.id,
        PROPOSE_LISTING_UPDATE,
        payload,
        `listing-proposal:${p.username}:${requestId}`,
      );
    } catch (e) {
      if (e instanceof WorkflowCallError) throw httpErrorFor(e);
      throw e;
    }
    return { accepted: true as const, hazardId: hazard.id, requestId };
  }

  // ------------------------------------------------------------------------------------------ helpers

  /** The hazard, readable by the caller and belonging to the caller's own enterprise. */
  private async loadOwn(p: Principal, token: string, id: string): Promise<HazardEntity> {
    const { hazard } = await this.query.loadReadable(p, token, id);
    if (!p.enterpriseCreditCode || hazard.enterpriseCreditCode !== p.enterpriseCreditCode) {
      throw new DomainException('OUT_OF_JURISDICTION', {
        detail: 'Only the enterprise itself submits for its hazard',
      });
    }
    return hazard;
  }

  private assertNotClosed(hazard: HazardEntity): void {
    if (hazard.status === 'closed') {
      throw new DomainException('CONFLICT', {
        detail: 'Hazard is closed',
        messageZh: '该隐患已销号',
        messageEn: 'This hazard has been closed out',
      });
    }
  }

  /** Every attachment must be a file uploaded to this hazard. */
  private async checkAttachments(hazardId: string, ids: string[]): Promise<void> {
    if (ids.length === 0) return;
    const found = await this.ds.getRepository(HazardFileEntity).find({
      select: { id: true },
      where: { hazardId, id: In(ids) },
    });
    const known = new Set(found.map((f) => f.id));
    const errors: FieldError[] = ids
      .map((fid, i) => ({ fid, i }))
      .filter(({ fid }) => !known.has(fid))
      .map(({ i }) => ({
        path: `attachments.${i}`,
        messageZh: '附件不存在或不属于该隐患',
        messageEn: 'No such file on this hazard',
      }));
    if (errors.length > 0) {
      throw new DomainException('VALIDATION_FAILED', { detail: 'Unknown attachments', errors });
    }
  }

  /** Inserts a numbered submission under a lock on the hazard row, so numbers never collide. */
  private insertNumbered<T>(hazardId: string, insert: (m: EntityManager) => Promise<T>): Promise<T> {
    return this.ds.transaction(async (m) => {
      await m
        .getRepository(HazardEntity)
        .findOne({ where: { id: hazardId }, lock: { mode: 'pessimistic_write' } });
      return insert(m);
    });
  }

  /** A retried request (same Idempotency-Key): the stored outcome, or the stored refusal. */
  private async replay<T extends ObjectLiteral & Submission>(
    entity: EntityTarget<T>,
    hazardId: string,
    key: string | null,
  ): Promise<T | null> {
    if (!key) return null;
    const row = await this.ds.getRepository(entity).findOneBy({ hazardId, requestId: key } as never);
    if (!row) return null;
    if ((row.status === 'rejected' || row.status === 'refused') && row.rejectionReason) {
      const [zh, en] = row.rejectionReason.split(' / ');
      throw new DomainException('CONFLICT', {
        detail: 'Replayed refused submission',
        messageZh: zh,
        messageEn: en ?? zh,
      });
    }
    return row;
  }

  /**
   * An enterprise submission that completes its workflow step (plan, progress report, acceptance
   * application). A retried request (same Idempotency-Key) gets the stored outcome. Otherwise the
   * submission is checked, stored with the hazard's next number, and the open task of its step is
   * completed with `submit`; when the workflow refuses, or has no such task open, the stored submission
   * is marked `rejected` and the refusal thrown (409) — unless the hazard is in one of the
   * `unsolicitedWhile` statuses, where a submission nobody asked for is kept as accepted.
   */
  private async submitForStep<T extends StoredSubmission>(
    p: Principal,
    token: string,
    id: string,
    key: string | null,
    spec: StepSubmission<T>,
  ): Promise<T> {
    const hazard = await this.loadOwn(p, token, id);
    const replay = await this.replay(spec.entity, hazard.id, key);
    if (replay) return replay;
    this.assertNotClosed(hazard);
    spec.check?.();
    await this.checkAttachments(hazard.id, spec.attachments);
    const { table, column } = spec.numbering;
    const row = await this.insertNumbered(hazard.id, async (m) => {
      const [{ next }] = (await m.query(
        `SELECT COALESCE(MAX(${column}), 0)::int + 1 AS next FROM "hazards"."${table}" WHERE hazard_id = $1`,
        [hazard.id],
      )) as { next: number }[];
      const values = {
        ...spec.columns(next),
        hazardId: hazard.id,
        attachments: spec.attachments,
        status: 'submitted',
        requestId: key,
        submittedBy: p.username,
        submittedByName: p.name,
        submittedAt: new Date(),
      } as DeepPartial<T>;
      return (await m.getRepository(spec.entity).save(values)) as T;
    });

    const accept = async () => {
      if (!spec.acceptedStatus) return;
      await this.ds.getRepository(spec.entity).update(row.id, { status: spec.acceptedStatus } as never);
      row.status = spec.acceptedStatus;
    };
    const updateId = `${spec.updateIdPrefix}:${row.id}`;
    try {
      const task = (await this.gateway.openTasks(hazard.id)).find((t) => t.step === spec.step);
      if (!task) {
        if (spec.unsolicitedWhile?.includes(hazard.status)) {
          await accept();
          return row;
        }
        const label = STEP_LABEL[spec.step];
        throw new DomainException('CONFLICT', {
          detail: `No open ${spec.step} task in ${hazard.workflowId}`,
          messageZh: `当前环节不接受${label.zh}（流程中没有待办理的相应任务）`,
          messageEn: `The process is not waiting for ${label.en} at this stage`,
        });
      }
      const payload: TaskDecisionPayload = {
        taskId: task.taskId ?? '',
        taskKey: task.taskKey,
        decision: submitDecision(task.decisions),
        comment: '',
        data: { ...spec.data(row) },
        attachments: spec.attachments,
        actor: { username: p.username, name: p.name, orgUnitCode: p.orgUnitCode },
        decidedAt: new Date().toISOString(),
        requestId: updateId,
      };
      await this.gateway.decide(hazard.id, payload, updateId);
    } catch (e) {
      throw await this.refuse(spec.entity, row, e, 'rejected');
    }
    await accept();
    await spec.afterAccepted?.(hazard);
    return row;
  }

  /** Marks the stored submission refused and returns the HTTP error to throw. */
  private async refuse<T extends ObjectLiteral & Submission>(
    entity: EntityTarget<T>,
    row: T,
    e: unknown,
    status: 'rejected' | 'refused',
    fieldNames: Record<string, string> = {},
  ): Promise<unknown> {
    const error = e instanceof WorkflowCallError ? httpErrorFor(e, fieldNames) : e;
    if (!(error instanceof DomainException)) return error;
    const reason = reasonOf(error);
    await this.ds.getRepository(entity).update(row.id, { status, rejectionReason: reason } as never);
    row.status = status;
    row.rejectionReason = reason;
    return error;
  }
}
