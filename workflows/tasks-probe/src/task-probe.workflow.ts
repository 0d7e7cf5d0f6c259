import { ApplicationFailure, defineQuery, setHandler } from '@temporalio/workflow';
import type {
  CandidateRule,
  DecisionOption,
  SlaPolicy,
  TaskDecisionPayload,
  TaskPriority,
} from '@zhiben/contracts/workflow';
import {
  humanTask,
  installHumanTasks,
  settleBookkeeping,
  type HumanTaskDue,
  type OverduePolicy,
  type TaskClock,
} from '@zhiben/workflows-shared';

/** Approve moves on, return (退回) goes back a step, reject ends the case. */
export const PROBE_DECISIONS: DecisionOption[] = [
  { code: 'approve', labelZh: '同意', labelEn: 'Approve' },
  { code: 'return', labelZh: '退回', labelEn: 'Return', requiresComment: true },
  { code: 'reject', labelZh: '不同意', labelEn: 'Reject', requiresComment: true },
];

export interface TaskProbeStep {
  /** Step name; each visit opens a task keyed `<key>#<visit>`. */
  key: string;
  titleZh: string;
  titleEn: string;
  candidates: CandidateRule[];
  orgUnitCode: string;
  assignee?: string | null;
  decisions?: DecisionOption[];
  due?: HumanTaskDue;
  remindAt?: number[];
  overdue?: OverduePolicy;
  sla?: SlaPolicy;
  priority?: TaskPriority;
  campaignId?: string | null;
  formSchema?: Record<string, unknown>;
}

export interface TaskProbeInput {
  steps: TaskProbeStep[];
  clock: TaskClock;
  caseRef?: string;
  type?: string;
}

export interface TaskProbeEntry {
  step: string;
  taskKey: string;
  taskId: string;
  kind: 'decided' | 'overdue';
  decision?: string;
  comment?: string;
  actor?: TaskDecisionPayload['actor'];
}

export interface TaskProbeResult {
  outcome: 'approved' | 'rejected' | 'overdue';
  log: TaskProbeEntry[];
}

export const taskProbeLogQuery = defineQuery<TaskProbeEntry[]>('taskProbe.log');

const MAX_TASKS = 50;

/**
 * Test-only workflow exercising the human-task engine: walks `steps` in order, one human task per
 * step, and records every decision. `return` goes back to the previous step (or `data.toStep`).
 */
export async function taskProbe(input: TaskProbeInput): Promise<TaskProbeResult> {
  const result = await walkSteps(input);
  await settleBookkeeping();
  return result;
}

async function walkSteps(input: TaskProbeInput): Promise<TaskProbeResult> {
  installHumanTasks();
  const log: TaskProbeEntry[] = [];
  setHandler(taskProbeLogQuery, () => log);
  const visits = new Map<string, number>();
  let i = 0;
  while (i < input.steps.length) {
    if (log.length >= MAX_TASKS) throw ApplicationFailure.nonRetryable('taskProbe: too many tasks');
    const step = input.steps[i];
    const visit = (visits.get(step.key) ?? 0) + 1;
    visits.set(step.key, visit);
    const result = await humanTask({
      taskKey: `${step.key}#${visit}`,
      type: input.type ?? 'probe.review',
      titleZh: step.titleZh,
      titleEn: step.titleEn,
      caseRef: input.caseRef ?? 'PROBE',
      caseKind: 'probe',
      step: step.key,
      candidates: step.candidates,
      assignee: step.assignee ?? null,
      priority: step.priority ?? 'normal',
      decisions: step.decisions ?? PROBE_DECISIONS,
      formSchema: step.formSchema,
      orgUnitCode: step.orgUnitCode,
      campaignId: step.campaignId ?? null,
      sla: step.sla,
      due: step.due ?? null,
      remindAt: step.remindAt,
      overdue: step.overdue,
      clock: input.clock,
    });
    if (result.kind === 'overdue') {
      log.push({ step: step.key, taskKey: result.taskKey, taskId: result.taskId, kind: 'overdue' });
      return { outcome: 'overdue', log };
    }
    log.push({
      step: step.key,
      taskKey: result.taskKey,
      taskId: result.taskId,
      kind: 'decided',
      decision: result.decision,
      comment: result.comment,
      actor: result.actor,
    });
    switch (result.decision) {
      case 'return': {
        const target = input.steps.findIndex((s) => s.key === result.data['toStep']);
        i = target >= 0 && target < i ? target : Math.max(0, i - 1);
        break;
      }
      case 'reject':
        return { outcome: 'rejected', log };
      default:
        i++;
    }
  }
  return { outcome: 'approved', log };
}
