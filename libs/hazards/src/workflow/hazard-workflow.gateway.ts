import { Injectable, Logger } from '@nestjs/common';
import { WorkflowUpdateFailedError, type Client } from '@temporalio/client';
import { WorkflowExecutionAlreadyStartedError, WorkflowNotFoundError } from '@temporalio/common';
import {
  HAZARD_WORKFLOW_TYPE,
  hazardWorkflowId,
  OPEN_TASKS_QUERY,
  TASK_DECIDE_UPDATE,
  TASK_QUEUES,
  type MajorHazardWorkflowInput,
  type TaskDecisionPayload,
} from '@zhiben/contracts';
import {
  normaliseOpenTasks,
  rejectionOf,
  TemporalClientHolder,
  WorkflowCallError,
  type OpenTask,
} from '@zhiben/temporal-client';

const CALL_TIMEOUT_MS = 10_000;

/** The hazards service's only door to Temporal: start the hazard workflow, read its tasks, send Updates. */
@Injectable()
export class HazardWorkflowGateway {
  private readonly logger = new Logger('HazardWorkflowGateway');

  constructor(private readonly temporal: TemporalClientHolder) {}

  private async client(): Promise<Client> {
    try {
      return await this.temporal.getClient();
    } catch (e) {
      throw new WorkflowCallError('unavailable', null, `Temporal unreachable: ${String(e)}`);
    }
  }

  private async withDeadline<T>(client: Client, ms: number, fn: () => Promise<T>): Promise<T> {
    return client.connection.withDeadline(Date.now() + ms, fn);
  }

  /** Starts the hazard's workflow; an execution that already exists (running or closed) counts as started. */
  async start(
    input: MajorHazardWorkflowInput,
    timeoutMs = CALL_TIMEOUT_MS,
  ): Promise<'started' | 'already-started'> {
    const client = await this.client();
    try {
      await this.withDeadline(client, timeoutMs, () =>
        client.workflow.start(HAZARD_WORKFLOW_TYPE, {
          workflowId: hazardWorkflowId(input.hazardId),
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

  async openTasks(hazardId: string): Promise<OpenTask[]> {
    const client = await this.client();
    try {
      const raw = await this.withDeadline(client, CALL_TIMEOUT_MS, () =>
        client.workflow.getHandle(hazardWorkflowId(hazardId)).query<unknown>(OPEN_TASKS_QUERY),
      );
      return normaliseOpenTasks(raw);
    } catch (e) {
      throw this.mapError(e, 'query');
    }
  }

  /** Completes an open task (TASK_DECIDE_UPDATE); `updateId` makes a retried request a no-op. */
  async decide(hazardId: string, payload: TaskDecisionPayload, updateId: string): Promise<void> {
    await this.update(hazardId, TASK_DECIDE_UPDATE, payload, updateId);
  }

  async update(hazardId: string, name: string, payload: unknown, updateId: string): Promise<unknown> {
    const client = await this.client();
    try {
      return await this.withDeadline(client, CALL_TIMEOUT_MS * 3, () =>
        client.workflow
          .getHandle(hazardWorkflowId(hazardId))
          .executeUpdate(name, { args: [payload], updateId }),
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
