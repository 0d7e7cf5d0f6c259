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
import { DataSource, In, type EntityManager, type ObjectLiteral, type EntityTarget } from 'typeorm';
import {
  AcceptanceApplicationEntity,
  DualReportEntity,
  ExtensionRequestEntity,
  HazardEntity,
  HazardFileEntity,
  ProgressReportEntity,
  RectificationPlanEntity,
} from '../entities';
import { WorkflowCallError, HazardWorkflowGateway, type OpenTask } from '../workflow/hazard-workflow.gateway';
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
    const hazard = await this.loadOwn(p, token, id);
    const replay = await this.replay(RectificationPlanEntity, hazard.id, key);
    if (replay) return toPlanDto(replay);
    this.assertNotClosed(hazard);
    if (body.deadline < toCivilDate(new Date())) {
      throw DomainException.field(
        'deadline',
        '整改完成时间不能早于今天',
        'The completion date cannot be in the past',
      );
    }
    await this.checkAttachments(hazard.id, body.attachments);
    const plan = await this.insertNumbered(hazard.id, async (m) => {
      const [{ next }] = (await m.query(
        `SELECT COALESCE(MAX(plan_version), 0)::int + 1 AS next FROM "hazards"."rectification_plans" WHERE hazard_id = $1`,
        [hazard.id],
      )) as { next: number }[];
      return m.getRepository(RectificationPlanEntity).save({
        hazardId: hazard.id,
        planVersion: next,
        status: 'submitted',
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
        attachments: body.attachments,
        requestId: key,
        submittedBy: p.username,
        submittedByName: p.name,
        submittedAt: new Date(),
      });
    });
    await this.completeStep(
      p,
      hazard,
      HAZARD_ENTERPRISE_STEPS.plan,
      `plan:${plan.id}`,
      body.attachments,
      {
        planVersion: plan.planVersion,
        planId: plan.id,
        deadline: plan.deadline,
      },
      RectificationPlanEntity,
      plan,
      { required: true, acceptedStatus: null },
    );
    return toPlanDto(plan);
  }

  async submitProgress(p: Principal, token: string, id: string, body: ProgressReport, key: string | null) {
    const hazard = await this.loadOwn(p, token, id);
    const replay = await this.replay(ProgressReportEntity, hazard.id, key);
    if (replay) return toProgressDto(replay);
    this.assertNotClosed(hazard);
    await this.checkAttachments(hazard.id, body.attachments);
    const report = await this.insertNumbered(hazard.id, async (m) => {
      const [{ next }] = (await m.query(
        `SELECT COALESCE(MAX(seq), 0)::int + 1 AS next FROM "hazards"."progress_reports" WHERE hazard_id = $1`,
        [hazard.id],
      )) as { next: number }[];
      return m.getRepository(ProgressReportEntity).save({
        hazardId: hazard.id,
        seq: next,
        summary: body.summary,
        percentComplete: body.percentComplete,
        interimControlsEffective: body.interimControlsEffective,
        attachments: body.attachments,
        status: 'submitted',
        requestId: key,
        submittedBy: p.username,
        submittedByName: p.name,
        submittedAt: new Date(),
      });
    });
    // A report nobody asked for yet is still worth keeping while the hazard is being rectified.
    const unsolicitedOk = ['rectifying', 'overdue', 'listed'].includes(hazard.status);
    await this.completeStep(
      p,
      hazard,
      HAZARD_ENTERPRISE_STEPS.progress,
      `progress:${report.id}`,
      body.attachments,
      {
        progressReportId: report.id,
        percentComplete: body.percentComplete,
      },
      ProgressReportEntity,
      report,
      { required: !unsolicitedOk, acceptedStatus: 'accepted' },
    );
    return toProgressDto(report);
  }

  async applyAcceptance(
    p: Principal,
    token: string,
    id: string,
    body: AcceptanceApplication,
    key: string | null,
  ) {
    const hazard = await this.loadOwn(p, token, id);
    const replay = await this.replay(AcceptanceApplicationEntity, hazard.id, key);
    if (replay) return toAcceptanceDto(replay);
    this.assertNotClosed(hazard);
    if (body.completedOn > toCivilDate(new Date())) {
      throw DomainException.field(
        'completedOn',
        '完成日期不能晚于今天',
        'The completion date cannot be in the future',
      );
    }
    await this.checkAttachments(hazard.id, body.attachments);
    const application = await this.insertNumbered(hazard.id, async (m) => {
      const [{ next }] = (await m.query(
        `SELECT COALESCE(MAX(seq), 0)::int + 1 AS next FROM "hazards"."acceptance_applications" WHERE hazard_id = $1`,
        [hazard.id],
      )) as { next: number }[];
      return m.getRepository(AcceptanceApplicationEntity).save({
        hazardId: hazard.id,
        seq: next,
        summary: body.summary,
        completedOn: body.completedOn,
        selfCheck: body.selfCheck ?? null,
        attachments: body.attachments,
        status: 'submitted',
        requestId: key,
        submittedBy: p.username,
        submittedByName: p.name,
        submittedAt: new Date(),
      });
    });
    await this.completeStep(
      p,
      hazard,
      HAZARD_ENTERPRISE_STEPS.acceptance,
      `acceptance:${application.id}`,
      body.attachments,
      {
        acceptanceApplicationId: application.id,
        completedOn: body.completedOn,
      },
      AcceptanceApplicationEntity,
      application,
      { required: true, acceptedStatus: 'accepted' },
    );
    await this.ds.transaction(async (m) => {
      const actor = { username: p.username, name: p.name };
      if (hazard.grade !== 'major') return;
      // 双报告 #2 (000:39): the completion report goes to the supervising department (else the town).
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
          content: body.summary,
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
    return toAcceptanceDto(application);
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
   * Finds the open enterprise task of this step and completes it with `submit`. No open task: the
   * submission is refused (409) — unless `required` is false, where it is kept as accepted. A plan stays
   * `submitted` once the workflow takes it (it is under review), so its `acceptedStatus` is null.
   */
  private async completeStep<T extends ObjectLiteral & Submission>(
    p: Principal,
    hazard: HazardEntity,
    step: HazardEnterpriseStep,
    updateId: string,
    attachments: string[],
    data: HazardSubmissionData,
    entity: EntityTarget<T>,
    row: T,
    { required, acceptedStatus }: { required: boolean; acceptedStatus: 'accepted' | null },
  ): Promise<void> {
    const accept = async () => {
      if (!acceptedStatus) return;
      await this.ds.getRepository(entity).update(row.id, { status: acceptedStatus } as never);
      row.status = acceptedStatus;
    };
    let task: OpenTask | undefined;
    try {
      task = (await this.gateway.openTasks(hazard.id)).find((t) => t.step === step);
      if (!task) {
        if (!required) return await accept();
        const label = STEP_LABEL[step];
        throw new DomainException('CONFLICT', {
          detail: `No open ${step} task in ${hazard.workflowId}`,
          messageZh: `当前环节不接受${label.zh}（流程中没有待办理的相应任务）`,
          messageEn: `The process is not waiting for ${label.en} at this stage`,
        });
      }
      const payload: TaskDecisionPayload = {
        taskId: task.taskId ?? '',
        taskKey: task.taskKey,
        decision: submitDecision(task.decisions),
        comment: '',
        data: { ...data },
        attachments,
        actor: { username: p.username, name: p.name, orgUnitCode: p.orgUnitCode },
        decidedAt: new Date().toISOString(),
        requestId: updateId,
      };
      await this.gateway.decide(hazard.id, payload, updateId);
    } catch (e) {
      throw await this.refuse(entity, row, e, 'rejected');
    }
    await accept();
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
