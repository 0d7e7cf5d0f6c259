import { Injectable, Logger } from '@nestjs/common';
import { ApplicationFailure, WorkflowNotFoundError, WorkflowUpdateFailedError } from '@temporalio/client';
import {
  TASK_DECIDE_UPDATE,
  TASK_DECISION_REJECTIONS,
  type TaskDecisionPayload,
  type TaskDecisionRejection,
  type TaskDecisionResult,
} from '@zhiben/contracts';
import { DomainException } from '@zhiben/platform';
import { TemporalClientHolder } from '@zhiben/temporal-client';

export type DecideOutcome =
  | { kind: 'accepted' }
  /** The workflow's validator said no; the task stays open. */
  | { kind: 'rejected'; rejection: TaskDecisionRejection }
  /** The workflow is gone (finished, terminated) — nothing waits for this task any more. */
  | { kind: 'gone' };

const UPDATE_TIMEOUT_MS = 15_000;

function isRejectionType(type: string | undefined | null): type is TaskDecisionRejection['type'] {
  return (TASK_DECISION_REJECTIONS as readonly string[]).includes(type ?? '');
}

/** Sends a decision to the task's workflow as the TASK_DECIDE_UPDATE and reports what it said. */
@Injectable()
export class TaskDecider {
  private readonly logger = new Logger('TaskDecider');

  constructor(private readonly temporal: TemporalClientHolder) {}

  async decide(workflowId: string, payload: TaskDecisionPayload, updateId: string): Promise<DecideOutcome> {
    let client;
    try {
      client = await this.temporal.getClient();
    } catch (e) {
      throw this.unavailable(e);
    }
    try {
      // Temporal dedupes by updateId: a retried request gets the first outcome, never a second decision.
      await client.withDeadline(Date.now() + UPDATE_TIMEOUT_MS, () =>
        client.workflow
          .getHandle(workflowId)
          .executeUpdate<TaskDecisionResult, [TaskDecisionPayload]>(TASK_DECIDE_UPDATE, {
            args: [payload],
            updateId,
          }),
      );
      return { kind: 'accepted' };
    } catch (e) {
      if (e instanceof WorkflowUpdateFailedError) {
        const cause = e.cause;
        if (cause instanceof ApplicationFailure && isRejectionType(cause.type)) {
          const detail = cause.details?.[0] as Partial<TaskDecisionRejection> | undefined;
          return {
            kind: 'rejected',
            rejection: {
              type: cause.type,
              field: detail?.field,
              messageZh: detail?.messageZh ?? cause.message,
              messageEn: detail?.messageEn ?? cause.message,
            },
          };
        }
        // Any other failure of the handler: the decision was not applied.
        this.logger.warn({ msg: 'decide update failed', workflowId, error: String(cause ?? e) });
        return {
          kind: 'rejected',
          rejection: {
            type: 'TaskNotOpen',
            messageZh: '流程未接受该办理结果',
            messageEn: `The process did not accept the decision: ${cause?.message ?? e.message}`,
          },
        };
      }
      if (e instanceof WorkflowNotFoundError) return { kind: 'gone' };
      throw this.unavailable(e);
    }
  }

  private unavailable(e: unknown): DomainException {
    this.logger.warn({ msg: 'workflow service unavailable', error: String(e) });
    return new DomainException('UNAVAILABLE', {
      detail: `Temporal: ${e instanceof Error ? e.message : String(e)}`,
      messageZh: '流程服务暂不可用，办理结果尚未确认，请稍后重试（重试不会重复办理）',
      messageEn:
        'The workflow service is unavailable and the decision is not confirmed; retry shortly (a retry never decides twice)',
    });
  }
}
