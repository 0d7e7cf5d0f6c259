import {
  ApplicationFailure,
  CancellationScope,
  condition,
  isCancellation,
  proxyActivities,
  setHandler,
  workflowInfo,
} from '@temporalio/workflow';
import {
  TASK_QUEUES,
  type CandidateRule,
  type CloseTaskRequest,
  type DurationSpec,
  type OpenTaskRequest,
  type RemindTaskRequest,
  type TaskDecisionPayload,
  type TasksPort,
} from '@zhiben/contracts/workflow';
import { bookkeepingInBackground, throwIfBookkeepingFailed, track } from './bookkeeping';
import { validateDecision, type OpenTaskState } from './decision-validator';
import {
  assertClock,
  deadlineAfter,
  reminderInstants,
  scaledInstant,
  shanghaiMinute,
  type TaskClock,
} from './timeline';
import { decideUpdate, openTasksQuery } from './task.messages';

const tasks = proxyActivities<TasksPort>({
  taskQueue: TASK_QUEUES.tasks,
  startToCloseTimeout: '30s',
  // Infrastructure failures retry until the tasks service is back; a malformed request does not.
  retry: {
    initialInterval: '1s',
    backoffCoefficient: 2,
    maximumInterval: '1 minute',
    nonRetryableErrorTypes: ['InvalidTaskRequest'],
  },
});

/** When the task is due: a duration from opening (on the working-day calendar), an instant, or never. */
export type HumanTaskDue = DurationSpec | { atMs: number } | null;

/** What happens once the task is past due. */
export interface OverduePolicy {
  /** Repeat the overdue notice (催办) this often after the due date. */
  remindEvery?: DurationSpec;
  /** Add these candidates at the due date (督办); defaults to `sla.escalateTo`. */
  escalateTo?: CandidateRule[];
  /** Stop repeating after this many notices after the due date. */
  maxReminders?: number;
  /** `wait`: keep the task open until decided. `return`: close it as expired and report `overdue`. */
  action: 'wait' | 'return';
}

export interface HumanTaskSpec extends Omit<OpenTaskRequest, 'workflowId' | 'dueAt' | 'reactionDueAt'> {
  due: HumanTaskDue;
  /** `{ msPerDay: 86_400_000 }` in production; tests shrink days to seconds. */
  clock: TaskClock;
  /** Reminders before the due date as fractions of the time to due; defaults to `sla.remindAt`. */
  remindAt?: number[];
  overdue?: OverduePolicy;
  /**
   * Name of the workflow Update that completes this task (see `completeOpenTask`); the generic decide
   * Update is then rejected for it. The tasks service still shows the task with its decisions.
   */
  completedThrough?: string;
}

export interface HumanTaskDecided {
  kind: 'decided';
  taskId: string;
  taskKey: string;
  decision: string;
  comment: string;
  data: Record<string, unknown>;
  attachments: string[];
  actor: TaskDecisionPayload['actor'];
  decidedAt: string;
}

export interface HumanTaskOverdue {
  kind: 'overdue';
  taskId: string;
  taskKey: string;
  dueAt: string;
}

export type HumanTaskResult = HumanTaskDecided | HumanTaskOverdue;

// Module state is per workflow execution (the SDK isolates each workflow's module cache).
const openTasks = new Map<string, OpenTaskState>();
let installed = false;

/**
 * Registers the decide Update (with its validator) and the open-tasks query. Call once at the start
 * of every workflow that has human steps, before the first `humanTask`.
 */
export function installHumanTasks(): void {
  if (installed) return;
  installed = true;
  setHandler(
    decideUpdate,
    (payload) => {
      const task = openTasks.get(payload.taskKey);
      // The validator ran in the same activation, so the task is open and undecided.
      if (task) task.decided = payload;
      return { accepted: true, taskKey: payload.taskKey };
    },
    {
      validator: (payload) => {
        const rejection = validateDecision(openTasks.get(payload?.taskKey), payload);
        if (rejection) {
          throw ApplicationFailure.create({
            type: rejection.type,
            message: `${rejection.messageZh} / ${rejection.messageEn}`,
            details: [rejection],
            nonRetryable: true,
          });
        }
      },
      description:
        'Decide an open human task (办理); rejected unless the task is open and the decision allowed',
    },
  );
  setHandler(openTasksQuery, () =>
    [...openTasks.values()]
      .filter((t) => t.decided === undefined)
      .map(({ taskKey, taskId, step, decisions }) => ({ taskKey, taskId, step, decisions })),
  );
}

/**
 * Completes an open task from the workflow's own Update handler (a task declared with
 * `completedThrough`), as if the tasks service had sent the decision: `humanTask` then closes it as
 * completed with this payload. False when no such task is open and undecided. Call it only after the
 * Update's validator accepted the request.
 */
export function completeOpenTask(taskKey: string, payload: TaskDecisionPayload): boolean {
  const task = openTasks.get(taskKey);
  if (!task || task.decided !== undefined) return false;
  task.decided = payload;
  return true;
}

/** Waits for the task's decision until the wall-clock instant `atMs`; true when decided. */
async function decidedBy(task: OpenTaskState, atMs: number): Promise<boolean> {
  const waitMs = atMs - Date.now();
  if (waitMs <= 0) return task.decided !== undefined;
  return condition(() => task.decided !== undefined, waitMs);
}

function notice(
  kind: RemindTaskRequest['kind'],
  spec: HumanTaskSpec,
  dueMs: number,
): Pick<RemindTaskRequest, 'messageZh' | 'messageEn'> {
  const due = shanghaiMinute(dueMs);
  switch (kind) {
    case 'reminder':
      return {
        messageZh: `【催办】「${spec.titleZh}」将于 ${due} 到期，请及时办理`,
        messageEn: `Reminder: "${spec.titleEn}" is due ${due} (Beijing time)`,
      };
    case 'overdue':
      return {
        messageZh: `【逾期】「${spec.titleZh}」已于 ${due} 到期仍未办理`,
        messageEn: `Overdue: "${spec.titleEn}" was due ${due} (Beijing time) and is still open`,
      };
    case 'escalation':
      return {
        messageZh: `【督办】「${spec.titleZh}」已超期（${due} 到期），请督促办理`,
        messageEn: `Escalated: "${spec.titleEn}" is overdue (due ${due}, Beijing time); please follow up`,
      };
  }
}

/**
 * One human step: opens the task in the tasks service, waits for an accepted decision while sending
 * reminders and escalating on the way, and closes the task. Idempotent across replays and retries:
 * the task is keyed by (workflowId, taskKey), reminders by a sequence number.
 */
export async function humanTask(spec: HumanTaskSpec): Promise<HumanTaskResult> {
  installHumanTasks();
  throwIfBookkeepingFailed();
  try {
    assertClock(spec.clock);
  } catch (e) {
    throw ApplicationFailure.nonRetryable(String(e), 'InvalidTaskRequest');
  }
  if (openTasks.has(spec.taskKey)) {
    throw ApplicationFailure.nonRetryable(
      `Task key ${spec.taskKey} is already open in this workflow`,
      'InvalidTaskRequest',
    );
  }
  const { workflowId } = workflowInfo();
  const { due, clock, remindAt, overdue, completedThrough, ...request } = spec;
  const openedAtMs = Date.now();
  const wall = (realMs: number) => scaledInstant(openedAtMs, realMs, clock);
  let realDueMs: number | null;
  let reactionDueAt: string | null;
  try {
    realDueMs = due === null ? null : 'atMs' in due ? due.atMs : deadlineAfter(openedAtMs, due);
    if (realDueMs !== null && !Number.isFinite(realDueMs)) throw new RangeError('due.atMs is not a number');
    reactionDueAt = spec.sla?.reaction
      ? new Date(wall(deadlineAfter(openedAtMs, spec.sla.reaction))).toISOString()
      : null;
  } catch (e) {
    throw ApplicationFailure.nonRetryable(
      `Invalid deadline for task ${spec.taskKey}: ${String(e)}`,
      'InvalidTaskRequest',
    );
  }
  const dueMs = realDueMs === null ? null : wall(realDueMs);

  const task: OpenTaskState = {
    taskKey: spec.taskKey,
    taskId: null,
    step: spec.step,
    decisions: spec.decisions,
    ...(completedThrough ? { completedThrough } : {}),
  };
  // Registered before openTask returns: an official may act the moment the row is committed.
  openTasks.set(spec.taskKey, task);
  let seq = 0;
  let taskId = '';
  const remind = (kind: RemindTaskRequest['kind'], escalateTo?: CandidateRule[]) =>
    tasks.remindTask({
      workflowId,
      taskKey: spec.taskKey,
      seq: ++seq,
      kind,
      ...notice(kind, spec, dueMs ?? openedAtMs),
      ...(escalateTo ? { escalateTo } : {}),
    });
  const close = (req: Omit<CloseTaskRequest, 'workflowId' | 'taskKey'>) =>
    tasks.closeTask({ workflowId, taskKey: spec.taskKey, ...req });
  const finish = async (): Promise<HumanTaskDecided> => {
    const decided = task.decided!;
    if (bookkeepingInBackground()) {
      // The tasks service already recorded the completion when the Update was accepted; this close
      // only heals a request that crashed before committing, so the next step need not wait for it.
      track(
        CancellationScope.nonCancellable(() =>
          close({ outcome: 'completed', decision: decided.decision, decided }),
        ),
      );
    } else {
      await close({ outcome: 'completed', decision: decided.decision, decided });
    }
    return {
      kind: 'decided',
      taskId,
      taskKey: spec.taskKey,
      decision: decided.decision,
      comment: decided.comment,
      data: decided.data,
      attachments: decided.attachments,
      actor: decided.actor,
      decidedAt: decided.decidedAt,
    };
  };

  try {
    // Not cancellable: once asked, the row may be committed, and a cancelled scope must close it.
    const opened = await CancellationScope.nonCancellable(() =>
      tasks.openTask({
        ...request,
        workflowId,
        dueAt: dueMs === null ? null : new Date(dueMs).toISOString(),
        reactionDueAt,
      }),
    );
    taskId = opened.taskId;
    task.taskId = taskId;

    if (dueMs !== null) {
      for (const at of reminderInstants(openedAtMs, dueMs, remindAt ?? spec.sla?.remindAt ?? [])) {
        if (await decidedBy(task, at)) return await finish();
        await remind('reminder');
      }
      if (await decidedBy(task, dueMs)) return await finish();

      // Past due: one breach notice, then escalation (督办) to the supervising candidates.
      await remind('overdue');
      const escalateTo = overdue?.escalateTo ?? spec.sla?.escalateTo ?? [];
      if (escalateTo.length > 0) await remind('escalation', escalateTo);

      if (overdue?.action === 'return') {
        if (task.decided !== undefined) return await finish();
        // From here on the validator rejects decisions: the task is no longer open in this workflow.
        openTasks.delete(spec.taskKey);
        await close({ outcome: 'expired' });
        return { kind: 'overdue', taskId, taskKey: spec.taskKey, dueAt: new Date(dueMs).toISOString() };
      }

      if (overdue?.remindEvery && realDueMs !== null) {
        let realMs = realDueMs;
        for (let sent = 0; overdue.maxReminders === undefined || sent < overdue.maxReminders; sent++) {
          const next = deadlineAfter(realMs, overdue.remindEvery);
          if (next <= realMs) break;
          realMs = next;
          if (await decidedBy(task, wall(realMs))) return await finish();
          await remind('overdue');
        }
      }
    }
    await condition(() => task.decided !== undefined);
    return await finish();
  } catch (err) {
    if (isCancellation(err) && taskId !== '') {
      // The surrounding scope was cancelled (case withdrawn, a parallel branch won): close the task
      // so it leaves every inbox, even though this scope can no longer run activities itself.
      await CancellationScope.nonCancellable(() =>
        task.decided !== undefined
          ? close({ outcome: 'completed', decision: task.decided.decision, decided: task.decided })
          : close({ outcome: 'cancelled' }),
      );
    }
    throw err;
  } finally {
    openTasks.delete(spec.taskKey);
  }
}
