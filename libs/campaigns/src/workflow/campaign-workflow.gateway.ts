import { Injectable, Logger } from '@nestjs/common';
import { WorkflowUpdateFailedError, type Client } from '@temporalio/client';
import { WorkflowExecutionAlreadyStartedError, WorkflowNotFoundError } from '@temporalio/common';
import {
  CAMPAIGN_EVENT_SIGNAL,
  CAMPAIGN_WORKFLOW_TYPE,
  campaignWorkflowId,
  OPEN_TASKS_QUERY,
  TASK_DECIDE_UPDATE,
  TASK_QUEUES,
  type CampaignEventSignal,
  type CampaignWorkflowInput,
  type TaskDecisionPayload,
} from '@zhiben/contracts';
import { DomainException } from '@zhiben/platform';
import {
  normaliseOpenTasks,
  rejectionOf,
  TemporalClientHolder,
  WorkflowCallError,
  type OpenTask,
} from '@zhiben/temporal-client';

/** A workflow refusal as HTTP: one naming a field is bad input (400), otherwise a state conflict (409). */
export function httpErrorFor(e: WorkflowCallError, what: { zh: string; en: string }): DomainException {
  switch (e.kind) {
    case 'rejected': {
      const r = e.rejection!;
      return new DomainException(r.field ? 'VALIDATION_FAILED' : 'CONFLICT', {
        detail: `Workflow rejected the request (${r.type})`,
        messageZh: r.messageZh,
        messageEn: r.messageEn,
        errors: r.field ? [{ path: r.field, messageZh: r.messageZh, messageEn: r.messageEn }] : undefined,
      });
    }
    case 'not_found':
      return new DomainException('CONFLICT', {
        detail: e.message,
        messageZh: `${what.zh}流程不存在或尚未启动，请稍后重试`,
        messageEn: `The ${what.en} process does not exist or has not started yet; retry shortly`,
      });
    case 'unavailable':
      return new DomainException('UNAVAILABLE', {
        detail: e.message,
        messageZh: `${what.zh}流程暂不可用，请稍后重试`,
        messageEn: `The ${what.en} process is unavailable; try again shortly`,
      });
  }
}

const CALL_TIMEOUT_MS = 10_000;

/** The campaigns service's only door to Temporal: start `campaign`, signal events, complete report tasks. */
@Injectable()
export class CampaignWorkflowGateway {
  private readonly logger = new Logger('CampaignWorkflowGateway');

  constructor(private readonly temporal: TemporalClientHolder) {}

  private async client(): Promise<Client> {
    try {
      return await this.temporal.getClient();
    } catch (e) {
      throw new WorkflowCallError('unavailable', null, `Temporal unreachable: ${String(e)}`);
    }
  }

  /** Starts the campaign's workflow; an execution that already exists counts as started. */
  async start(
    input: CampaignWorkflowInput,
    timeoutMs = CALL_TIMEOUT_MS,
  ): Promise<'started' | 'already-started'> {
    const client = await this.client();
    try {
      await client.connection.withDeadline(Date.now() + timeoutMs, () =>
        client.workflow.start(CAMPAIGN_WORKFLOW_TYPE, {
          workflowId: campaignWorkflowId(input.campaignId),
          taskQueue: TASK_QUEUES.workflows,
          args: [input],
          workflowIdReusePolicy: 'REJECT_DUPLICATE',
        }),
      );
      return 'started';
    } catch (e) {
      if (e instanceof WorkflowExecutionAlreadyStartedError) return 'already-started';
      throw new WorkflowCallError('unavailable', null, `start failed: ${String(e)}`);
    }
  }

  async signalEvent(campaignId: string, payload: CampaignEventSignal): Promise<void> {
    const client = await this.client();
    try {
      await client.connection.withDeadline(Date.now() + CALL_TIMEOUT_MS, () =>
        client.workflow.getHandle(campaignWorkflowId(campaignId)).signal(CAMPAIGN_EVENT_SIGNAL, payload),
      );
    } catch (e) {
      throw this.mapError(e, 'signal');
    }
  }

  async openTasks(workflowId: string): Promise<OpenTask[]> {
    const client = await this.client();
    try {
      const raw = await client.connection.withDeadline(Date.now() + CALL_TIMEOUT_MS, () =>
        client.workflow.getHandle(workflowId).query<unknown>(OPEN_TASKS_QUERY),
      );
      return normaliseOpenTasks(raw);
    } catch (e) {
      throw this.mapError(e, 'query');
    }
  }

  /** Completes an open task (TASK_DECIDE_UPDATE); `updateId` makes a retried request a no-op. */
  async decide(workflowId: string, payload: TaskDecisionPayload, updateId: string): Promise<void> {
    const client = await this.client();
    try {
      await client.connection.withDeadline(Date.now() + CALL_TIMEOUT_MS * 3, () =>
        client.workflow
          .getHandle(workflowId)
          .executeUpdate(TASK_DECIDE_UPDATE, { args: [payload], updateId }),
      );
    } catch (e) {
      throw this.mapError(e, TASK_DECIDE_UPDATE);
    }
  }

  private mapError(e: unknown, what: string): WorkflowCallError {
    if (e instanceof WorkflowCallError) return e;
    if (e instanceof WorkflowUpdateFailedError)
      return new WorkflowCallError('rejected', rejectionOf(e), e.message);
    if (e instanceof WorkflowNotFoundError) return new WorkflowCallError('not_found', null, e.message);
    this.logger.warn({ msg: 'workflow call failed', what, error: String(e) });
    return new WorkflowCallError('unavailable', null, `${what}: ${String(e)}`);
  }
}
