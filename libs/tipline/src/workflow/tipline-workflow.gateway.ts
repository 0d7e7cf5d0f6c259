import { Injectable, Logger } from '@nestjs/common';
import { WorkflowUpdateFailedError, type Client } from '@temporalio/client';
import { WorkflowExecutionAlreadyStartedError, WorkflowNotFoundError } from '@temporalio/common';
import {
  OPEN_TASKS_QUERY,
  TASK_DECIDE_UPDATE,
  TASK_QUEUES,
  type FieldError,
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

const CALL_TIMEOUT_MS = 10_000;

/** tipline-service's only door to Temporal: start its workflows, read their tasks, send Updates. */
@Injectable()
export class TiplineWorkflowGateway {
  private readonly logger = new Logger('TiplineWorkflowGateway');

  constructor(private readonly temporal: TemporalClientHolder) {}

  private async client(): Promise<Client> {
    try {
      return await this.temporal.getClient();
    } catch (e) {
      throw new WorkflowCallError('unavailable', null, `Temporal unreachable: ${String(e)}`);
    }
  }

  /** Starts a workflow; an execution that already exists (running or closed) counts as started. */
  async start(
    workflowType: string,
    workflowId: string,
    input: unknown,
    timeoutMs = CALL_TIMEOUT_MS,
  ): Promise<'started' | 'already-started'> {
    const client = await this.client();
    try {
      await client.connection.withDeadline(Date.now() + timeoutMs, () =>
        client.workflow.start(workflowType, {
          workflowId,
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

  async openTasks(workflowId: string): Promise<OpenTask[]> {
    return normaliseOpenTasks(await this.query(workflowId, OPEN_TASKS_QUERY));
  }

  async query(workflowId: string, name: string): Promise<unknown> {
    const client = await this.client();
    try {
      return await client.connection.withDeadline(Date.now() + CALL_TIMEOUT_MS, () =>
        client.workflow.getHandle(workflowId).query<unknown>(name),
      );
    } catch (e) {
      throw this.mapError(e, name);
    }
  }

  /** Completes an open task (TASK_DECIDE_UPDATE); `updateId` makes a retried request a no-op. */
  async decide(workflowId: string, payload: TaskDecisionPayload, updateId: string): Promise<void> {
    await this.update(workflowId, TASK_DECIDE_UPDATE, payload, updateId);
  }

  async update(workflowId: string, name: string, payload: unknown, updateId: string): Promise<unknown> {
    const client = await this.client();
    try {
      return await client.connection.withDeadline(Date.now() + CALL_TIMEOUT_MS * 3, () =>
        client.workflow.getHandle(workflowId).executeUpdate(name, { args: [payload], updateId }),
      );
    } catch (e) {
      throw this.mapError(e, name);
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

/**
 * A refusal that names a field is bad input (400: DecisionNotAllowed, CommentRequired, DocumentsMissing,
 * DateOrder…); one that does not is a state conflict (409: TaskNotOpen, NotApplicable).
 */
export function httpErrorFor(e: WorkflowCallError): DomainException {
  switch (e.kind) {
    case 'rejected': {
      const r = e.rejection!;
      const fieldTypes = ['DocumentsMissing', 'OfficersMissing', 'DateOrder'];
      const path = r.field ?? (fieldTypes.includes(r.type) ? r.type : undefined);
      const errors: FieldError[] | undefined = path
        ? [{ path, messageZh: r.messageZh, messageEn: r.messageEn }]
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
        messageZh: '流程不存在或尚未启动，请稍后重试',
        messageEn: 'The process does not exist or has not started yet; retry shortly',
      });
    case 'unavailable':
      return new DomainException('UNAVAILABLE', {
        detail: e.message,
        messageZh: '流程暂不可用，请稍后重试',
        messageEn: 'The process is unavailable; try again shortly',
      });
  }
}

/** Maps a workflow call failure to HTTP; anything else passes through. */
export function asHttpError(e: unknown): unknown {
  return e instanceof WorkflowCallError ? httpErrorFor(e) : e;
}
