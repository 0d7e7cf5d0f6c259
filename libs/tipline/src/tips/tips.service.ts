import { Inject, Injectable } from '@nestjs/common';
import type { Principal } from '@zhiben/auth';
import {
  APPROVE_TIP_REWARD_UPDATE,
  DECIDE_TIP_ACCEPTANCE_UPDATE,
  RECORD_TIP_FINE_UPDATE,
  RECORD_TIP_RECHECK_UPDATE,
  RECORD_TIP_VERIFICATION_UPDATE,
  REQUEST_TIP_EXTENSION_UPDATE,
  TIP_FEEDBACK_SENT_UPDATE,
  TIP_STATE_QUERY,
  TIP_STEPS,
  type ApproveTipRewardInput,
  type DecideTipAcceptanceInput,
  type RecordTipFineInput,
  type RecordTipRecheckInput,
  type RecordTipVerificationInput,
  type RequestTipExtensionInput,
  type TaskDecisionPayload,
  type TipFeedbackSentInput,
  type TipStateView,
  type TipVerificationInput,
} from '@zhiben/contracts';
import { DomainException } from '@zhiben/platform';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import type { z } from 'zod';
import type {
  acceptanceSchema,
  decideStepSchema,
  feedbackSchema,
  fineSchema,
  recheckSchema,
  rewardApprovalSchema,
  verificationSchema,
} from '../api';
import { TipEntity, TipEventEntity } from '../entities';
import { toEventDto, toQueueItem, toTipDto } from '../mappers';
import { table } from '../schema';
import { TIPLINE_OPTIONS, tipCandidates, type TiplineOptions } from '../tipline.options';
import { asHttpError, TiplineWorkflowGateway } from '../workflow/tipline-workflow.gateway';
import { TipWorkflowStarter } from '../workflow/workflow-starter';

/** A unit sees tips received by itself or by a unit below it (codes are dotted paths). */
export function inScope(p: Principal, unitCode: string): boolean {
  if (p.roles.includes('sys-admin')) return true;
  const o = p.orgUnitCode;
  return !!o && (unitCode === o || unitCode.startsWith(`${o}.`));
}

type Verification = z.output<typeof verificationSchema>;

/**
 * The handlers' side: the queue with its clocks, the tip (pseudonymous reporter only), and the steps
 * that drive `tipVerification` through its Updates (the workflow's validators have the last word).
 */
@Injectable()
export class TipsService {
  constructor(
    private readonly ds: DataSource,
    private readonly gateway: TiplineWorkflowGateway,
    private readonly starter: TipWorkflowStarter,
    @Inject(TIPLINE_OPTIONS) private readonly options: TiplineOptions,
  ) {}

  async get(p: Principal, id: string): Promise<TipEntity> {
    const tip = await this.ds.getRepository(TipEntity).findOneBy({ id });
    if (!tip || !inScope(p, tip.receivingUnitCode)) throw DomainException.notFound('Tip', id);
    if (!tip.workflowStartedAt) {
      await this.starter.ensureStarted(
        { ...tip, workflowInput: tip.workflowInput as TipVerificationInput },
        3_000,
      );
    }
    return tip;
  }

  async list(p: Principal, q: { status?: string; page: number; perPage: number }) {
    const qb = this.ds.getRepository(TipEntity).createQueryBuilder('t');
    if (!p.roles.includes('sys-admin')) {
      qb.where('(t.receiving_unit_code = :o OR t.receiving_unit_code LIKE :sub)', {
        o: p.orgUnitCode ?? '-',
        sub: `${(p.orgUnitCode ?? '-').replace(/[%_\\]/g, '\\$&')}.%`,
      });
    }
    if (q.status) qb.andWhere('t.status = :status', { status: q.status });
    const [rows, total] = await qb
      .orderBy('t.created_at', 'DESC')
      .addOrderBy('t.id', 'DESC')
      .skip((q.page - 1) * q.perPage)
      .take(q.perPage)
      .getManyAndCount();
    return { data: rows.map(toQueueItem), total };
  }

  async detail(p: Principal, id: string) {
    return toTipDto(await this.get(p, id));
  }

  async timeline(p: Principal, id: string) {
    await this.get(p, id);
    const rows = await this.ds
      .getRepository(TipEventEntity)
      .find({ where: { tipId: id }, order: { id: 'ASC' } });
    return { data: rows.map(toEventDto), total: rows.length };
  }

  /** The workflow's own view: clocks (calendar now, due dates) and open tasks. */
  async state(p: Principal, id: string): Promise<TipStateView> {
    const tip = await this.get(p, id);
    try {
      return (await this.gateway.query(tip.workflowId, TIP_STATE_QUERY)) as TipStateView;
    } catch (e) {
      throw asHttpError(e);
    }
  }

  private async send(tip: TipEntity, name: string, payload: unknown, key: string | null): Promise<unknown> {
    try {
      return await this.gateway.update(
        tip.workflowId,
        name,
        payload,
        `${name}:${tip.id}:${key ?? randomUUID()}`,
      );
    } catch (e) {
      throw asHttpError(e);
    }
  }

  private async mergeRead(id: string, patch: Record<string, unknown>): Promise<void> {
    await this.ds.query(
      `UPDATE ${table('tips')} SET read = read || $2::jsonb, version = version + 1, updated_at = now() WHERE id = $1`,
      [id, JSON.stringify(patch)],
    );
  }

  private by(p: Principal) {
    return { username: p.username, name: p.name };
  }

  async acceptance(p: Principal, id: string, body: z.output<typeof acceptanceSchema>, key: string | null) {
    const tip = await this.get(p, id);
    const payload: DecideTipAcceptanceInput = {
      decision: body.decision,
      by: this.by(p),
      ...(body.reason ? { reason: body.reason } : {}),
      ...(body.forwardTo ? { forwardTo: body.forwardTo } : {}),
      ...(body.decision === 'forward' && body.forwardTo && !body.forwardTo.external
        ? {
            forwardCandidates: tipCandidates({
              receivingUnit: { code: body.forwardTo.code, name: body.forwardTo.name },
              parentUnitCode: this.options.parentUnitCode,
            }),
          }
        : {}),
    };
    const result = await this.send(tip, DECIDE_TIP_ACCEPTANCE_UPDATE, payload, key);
    await this.mergeRead(id, {
      acceptance: {
        decision: body.decision,
        at: new Date().toISOString(),
        by: this.by(p),
        reason: body.reason ?? null,
        forwardedTo: body.forwardTo ?? null,
      },
    });
    return result;
  }

  private verificationPayload(p: Principal, body: Verification): RecordTipVerificationInput {
    return {
      outcome: body.outcome,
      by: this.by(p),
      summary: body.summary,
      ...(body.hazardGrade ? { hazardGrade: body.hazardGrade } : {}),
      ...(body.fineYuan !== undefined ? { fineYuan: body.fineYuan } : {}),
      ...(body.penaltyDecisionNo ? { penaltyDecisionNo: body.penaltyDecisionNo } : {}),
      ...(body.concealedDeaths !== undefined ? { concealedDeaths: body.concealedDeaths } : {}),
      ...(body.accidentGrade ? { accidentGrade: body.accidentGrade } : {}),
      ...(body.followUp ? { followUp: body.followUp } : {}),
      firstReporter: body.firstReporter,
      duplicateOfTipId: body.duplicateOfTipId ?? null,
      // [design] Who the reporter is (supervisory staff, relatives) is not recorded in the vault yet.
      reporterExclusion: null,
    };
  }

  async verification(p: Principal, id: string, body: Verification, key: string | null) {
    const tip = await this.get(p, id);
    const result = await this.send(
      tip,
      RECORD_TIP_VERIFICATION_UPDATE,
      this.verificationPayload(p, body),
      key,
    );
    await this.mergeRead(id, {
      verification: {
        summary: body.summary,
        firstReporter: body.firstReporter,
        duplicateOfTipId: body.duplicateOfTipId ?? null,
      },
    });
    return result;
  }

  async extension(p: Principal, id: string, reason: string, key: string | null) {
    const tip = await this.get(p, id);
    const payload: RequestTipExtensionInput = { by: this.by(p), reason, requestId: key ?? randomUUID() };
    return this.send(tip, REQUEST_TIP_EXTENSION_UPDATE, payload, key);
  }

  async fine(p: Principal, id: string, body: z.output<typeof fineSchema>, key: string | null) {
    const tip = await this.get(p, id);
    const payload: RecordTipFineInput = {
      by: this.by(p),
      fineYuan: body.fineYuan,
      penaltyDecisionNo: body.penaltyDecisionNo ?? null,
    };
    return this.send(tip, RECORD_TIP_FINE_UPDATE, payload, key);
  }

  async feedback(p: Principal, id: string, body: z.output<typeof feedbackSchema>, key: string | null) {
    const tip = await this.get(p, id);
    const payload: TipFeedbackSentInput = {
      by: this.by(p),
      messageZh: body.messageZh,
      ...(body.messageEn ? { messageEn: body.messageEn } : {}),
      channels: body.channels,
    };
    const result = await this.send(tip, TIP_FEEDBACK_SENT_UPDATE, payload, key);
    await this.ds.query(
      `UPDATE ${table('tips')} SET messages = messages || $2::jsonb,
         read = read || $3::jsonb, updated_at = now() WHERE id = $1`,
      [
        id,
        JSON.stringify([
          { at: new Date().toISOString(), zh: body.messageZh, en: body.messageEn ?? body.messageZh },
        ]),
        JSON.stringify({ feedbackMessageZh: body.messageZh }),
      ],
    );
    return result;
  }

  async rewardApproval(
    p: Principal,
    id: string,
    body: z.output<typeof rewardApprovalSchema>,
    key: string | null,
  ) {
    const tip = await this.get(p, id);
    const payload: ApproveTipRewardInput = {
      decision: body.decision,
      by: this.by(p),
      ...(body.amountYuan !== undefined ? { amountYuan: body.amountYuan } : {}),
      ...(body.reason ? { reason: body.reason } : {}),
    };
    return this.send(tip, APPROVE_TIP_REWARD_UPDATE, payload, key);
  }

  async recheck(p: Principal, id: string, body: z.output<typeof recheckSchema>, key: string | null) {
    const tip = await this.get(p, id);
    const payload: RecordTipRecheckInput = {
      decision: body.decision,
      by: this.by(p),
      summary: body.summary,
      ...(body.revised ? { revised: this.verificationPayload(p, body.revised) } : {}),
    };
    const result = await this.send(tip, RECORD_TIP_RECHECK_UPDATE, payload, key);
    const result2 = body.decision;
    await this.ds.query(
      `UPDATE ${table('tips')} SET disputes = (
         SELECT coalesce(jsonb_agg(CASE WHEN d->>'result' = 'pending' THEN jsonb_set(d, '{result}', to_jsonb($2::text)) ELSE d END), '[]'::jsonb)
           FROM jsonb_array_elements(disputes) d), updated_at = now() WHERE id = $1`,
      [id, result2],
    );
    return result;
  }

  /** Steps decided with the generic decide Update: approveExtension, breachFollowUp, payReward. */
  async decideStep(
    p: Principal,
    id: string,
    step: string,
    body: z.output<typeof decideStepSchema>,
    key: string | null,
  ) {
    if (!['approveExtension', 'breachFollowUp', 'payReward'].includes(step) || !(step in TIP_STEPS)) {
      throw DomainException.field(
        'step',
        '该环节须通过专门的接口办理',
        'This step is completed through its own endpoint (approveExtension, breachFollowUp, payReward only)',
      );
    }
    const tip = await this.get(p, id);
    let tasks;
    try {
      tasks = await this.gateway.openTasks(tip.workflowId);
    } catch (e) {
      throw asHttpError(e);
    }
    const task = tasks.find((t) => t.step === step && t.taskId);
    if (!task) {
      throw new DomainException('CONFLICT', {
        detail: `No open ${step} task`,
        messageZh: '当前没有待办理的该环节任务',
        messageEn: 'The process is not waiting for this step',
      });
    }
    const updateId = `step:${tip.id}:${step}:${key ?? randomUUID()}`;
    const payload: TaskDecisionPayload = {
      taskId: task.taskId ?? '',
      taskKey: task.taskKey,
      decision: body.decision,
      comment: body.comment,
      data: body.data,
      attachments: [],
      actor: { username: p.username, name: p.name, orgUnitCode: p.orgUnitCode },
      decidedAt: new Date().toISOString(),
      requestId: updateId,
    };
    try {
      await this.gateway.decide(tip.workflowId, payload, updateId);
    } catch (e) {
      throw asHttpError(e);
    }
    return { accepted: true, step, decision: body.decision, taskKey: task.taskKey };
  }
}
