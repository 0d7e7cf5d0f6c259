import { WorkflowUpdateFailedError } from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import type { OpenTaskInfo } from '@zhiben/contracts';

/**
 * What services need when they talk to their workflows: why a call failed, open tasks as the
 * `OPEN_TASKS_QUERY` reports them, and the bilingual rejection carried by a refused Update.
 */

/** Why a workflow did not take a message: it said no, it is not there, or Temporal did not answer. */
export class WorkflowCallError extends Error {
  constructor(
    readonly kind: 'rejected' | 'not_found' | 'unavailable',
    readonly rejection: { type: string; field?: string; messageZh: string; messageEn: string } | null,
    message: string,
  ) {
    super(message);
  }
}

/** An open task as we use it: decisions reduced to their codes (the query may send either shape). */
export interface OpenTask {
  taskKey: string;
  taskId: string | null;
  step: string;
  decisions: string[];
}

export function normaliseOpenTasks(raw: unknown): OpenTask[] {
  if (!Array.isArray(raw)) return [];
  return raw
    .filter(
      (t): t is OpenTaskInfo =>
        typeof t === 'object' && t !== null && typeof (t as OpenTaskInfo).taskKey === 'string',
    )
    .map((t) => ({
      taskKey: t.taskKey,
      taskId: typeof t.taskId === 'string' ? t.taskId : null,
      step: String(t.step),
      decisions: (Array.isArray(t.decisions) ? (t.decisions as unknown[]) : []).map((d) =>
        typeof d === 'string' ? d : String((d as { code?: unknown })?.code ?? ''),
      ),
    }));
}

/** Reads an Update rejection (an ApplicationFailure, details[0] a TaskDecisionRejection when present). */
export function rejectionOf(e: WorkflowUpdateFailedError): NonNullable<WorkflowCallError['rejection']> {
  const cause = e.cause;
  if (cause instanceof ApplicationFailure) {
    const d = cause.details?.[0] as
      { type?: string; field?: string; messageZh?: string; messageEn?: string } | undefined;
    if (d && typeof d.messageZh === 'string' && typeof d.messageEn === 'string') {
      return {
        type: d.type ?? cause.type ?? 'Rejected',
        field: d.field,
        messageZh: d.messageZh,
        messageEn: d.messageEn,
      };
    }
    const [zh, en] = cause.message.split(' / ');
    return { type: cause.type ?? 'Rejected', messageZh: zh, messageEn: en ?? zh };
  }
  const text = cause?.message ?? e.message;
  return {
    type: 'Rejected',
    messageZh: `流程拒绝了该请求：${text}`,
    messageEn: `The process rejected the request: ${text}`,
  };
}
