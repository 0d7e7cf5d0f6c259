import { Injectable } from '@nestjs/common';
import type { Principal } from '@zhiben/auth';
import type { TaskDecisionPayload } from '@zhiben/contracts';
import { DomainException } from '@zhiben/platform';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { StepSubmissionEntity } from '../entities';
import { idempotencyConflict, requestHash } from '../http';
import { asHttpError, EnforcementWorkflowGateway } from '../workflow/enforcement-workflow.gateway';

export interface StepRequest {
  subject: { kind: 'case' | 'referral'; id: string; workflowId: string };
  step: string;
  /** Readable step name for messages. */
  label: { zh: string; en: string };
  decision: string;
  comment: string;
  data: Record<string, unknown>;
  attachments: string[];
  key: string | null;
  /** After the workflow accepted the decision: update the read model (idempotent). */
  project?: () => Promise<void>;
}

export interface StepOutcome {
  accepted: true;
  step: string;
  decision: string;
  taskKey: string | null;
  replayed: boolean;
}

/**
 * Completes the open task of a workflow step with a decision (TASK_DECIDE_UPDATE), as the tasks service
 * does from the inbox: the step must be open (409 otherwise), the workflow's validator has the last word
 * (400 for a decision or comment it refuses). With an Idempotency-Key the submission is stored, the
 * Update id derives from it, and a retried request replays the first accepted outcome.
 */
@Injectable()
export class StepsService {
  constructor(
    private readonly ds: DataSource,
    private readonly gateway: EnforcementWorkflowGateway,
  ) {}

  async complete(p: Principal, req: StepRequest): Promise<StepOutcome> {
    const hash = requestHash({ decision: req.decision, comment: req.comment, data: req.data });
    const repo = this.ds.getRepository(StepSubmissionEntity);
    if (req.key) {
      const prior = await repo.findOneBy({ subjectId: req.subject.id, step: req.step, requestId: req.key });
      if (prior) {
        if (prior.requestHash !== hash) throw idempotencyConflict();
        if (prior.status === 'accepted') {
          await req.project?.();
          return { accepted: true, step: req.step, decision: prior.decision, taskKey: null, replayed: true };
        }
        // Submitted but never answered (the service died mid-request) or refused: try again below.
        await repo.delete(prior.id);
      }
    }
    let tasks;
    try {
      tasks = await this.gateway.openTasks(req.subject.workflowId);
    } catch (e) {
      throw asHttpError(e);
    }
    // A task the workflow is still opening (its id not yet known) is not ready for a decision.
    const task = tasks.find((t) => t.step === req.step && t.taskId);
    if (!task) {
      throw new DomainException('CONFLICT', {
        detail: `No open ${req.step} task in ${req.subject.workflowId}`,
        messageZh: `当前不在「${req.label.zh}」环节（流程中没有待办理的相应任务）`,
        messageEn: `The process is not waiting for "${req.label.en}" at this stage`,
      });
    }
    if (task.decisions.length > 0 && !task.decisions.includes(req.decision)) {
      throw DomainException.field(
        'decision',
        `该环节可选的决定为：${task.decisions.join('、')}`,
        `This step accepts: ${task.decisions.join(', ')}`,
      );
    }
    const requestId = req.key ?? randomUUID();
    const updateId = `step:${req.subject.id}:${req.step}:${requestId}`;
    let row: StepSubmissionEntity | null = null;
    if (req.key) {
      row = await repo.save({
        subjectKind: req.subject.kind,
        subjectId: req.subject.id,
        step: req.step,
        requestId,
        requestHash: hash,
        status: 'submitted',
        decision: req.decision,
        data: req.data,
        rejectionReason: null,
        submittedBy: p.username,
      });
    }
    const payload: TaskDecisionPayload = {
      taskId: task.taskId ?? '',
      taskKey: task.taskKey,
      decision: req.decision,
      comment: req.comment,
      data: req.data,
      attachments: req.attachments,
      actor: { username: p.username, name: p.name, orgUnitCode: p.orgUnitCode },
      decidedAt: new Date().toISOString(),
      requestId: updateId,
    };
    try {
      await this.gateway.decide(req.subject.workflowId, payload, updateId);
    } catch (e) {
      const error = asHttpError(e);
      // Only an accepted decision is kept for replay: a refused or failed one may be retried as is
      // (the same Update id, so Temporal still applies it at most once).
      if (row) await repo.delete(row.id).catch(() => undefined);
      throw error;
    }
    if (row) await repo.update(row.id, { status: 'accepted' });
    await req.project?.();
    // The workflow records the step in the timeline itself (with its own wording and workflow time).
    return { accepted: true, step: req.step, decision: req.decision, taskKey: task.taskKey, replayed: false };
  }
}
