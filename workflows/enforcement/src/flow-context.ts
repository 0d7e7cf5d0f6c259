import { ApplicationFailure, CancellationScope, condition, isCancellation } from '@temporalio/workflow';
import {
  humanTask,
  inOrder,
  type HumanTaskDecided,
  type HumanTaskResult,
  type OverduePolicy,
} from '@zhiben/workflows-shared';
import type {
  CandidateRule,
  ClockSettings,
  DurationSpec,
  EnforcementActor,
  EnforcementEventInput,
  TaskDecisionPayload,
} from '@zhiben/contracts/workflow';
import { enforcement } from './activities';
import { calendarAt, iso, msUntil, taskDueAtMs, type CalendarClock } from './clock';
import type { StepDef } from './steps';
import type { TimelineText } from './timeline-texts';

/** What a workflow remembers about its own bookkeeping (carried if it ever continues as new). */
export interface FlowMemory {
  /** Calendar origin: the first run's start (see clock.ts). */
  originMs: number;
  seq: number;
  visits: Record<string, number>;
}

export interface FlowInfo {
  workflowId: string;
  subject: EnforcementEventInput['subject'];
  /** Task type prefix and caseKind: `enforcement` / `referral`. */
  caseKind: string;
  caseRef: string;
  titleZh: string;
  orgUnitCode: string;
  clock: ClockSettings;
}

export interface StepTask {
  candidates: CandidateRule[];
  /** Calendar instant the task falls due, or null for none. */
  dueAtMs: number | null;
  /** Shown to the tasks service as the SLA (completion time). */
  completion?: DurationSpec;
  remindAt?: number[];
  overdue?: OverduePolicy;
  formData?: Record<string, unknown>;
  taskKey?: string;
  completedThrough?: string;
}

export type Actor = TaskDecisionPayload['actor'];

/**
 * One enforcement case or referral as its workflow sees it: the calendar clock, deterministic event keys,
 * the timeline (recorded in order in the background), the human tasks with their titles, and the
 * deadline watches that raise one breach each.
 */
export class FlowContext {
  readonly openTasks = new Map<string, { taskKey: string; step: string; decisions: string[] }>();
  readonly cal: CalendarClock;
  private readonly followUps: { scope: CancellationScope; done: Promise<void> }[] = [];
  private followUpFailure: { error: unknown } | null = null;

  constructor(
    readonly info: FlowInfo,
    readonly memory: FlowMemory,
  ) {
    this.cal = { originMs: memory.originMs, msPerDay: info.clock.msPerDay };
  }

  /** The calendar "now" (equals workflow time on the real clock). */
  now(): number {
    return calendarAt(this.cal, Date.now());
  }

  eventKey(type: string): string {
    this.memory.seq += 1;
    return `${this.info.workflowId}:${type}:${this.memory.seq}`;
  }

  /** Records a timeline event; ordered with every other bookkeeping call, nobody waits for it. */
  record(text: TimelineText, actor?: EnforcementActor | null, data?: Record<string, unknown>): void {
    const event: EnforcementEventInput = {
      subject: this.info.subject,
      eventKey: this.eventKey(text.type),
      type: text.type,
      summaryZh: text.summaryZh,
      summaryEn: text.summaryEn,
      actor: actor ? { username: actor.username, name: actor.name } : null,
      ...(data ? { data } : {}),
      at: iso(this.now()),
    };
    void inOrder(() => enforcement.recordEnforcementEvent(event));
  }

  /** Runs a bookkeeping activity call after the ones before it, in the background. */
  book(fn: () => Promise<unknown>): void {
    void inOrder(fn);
  }

  nextTaskKey(step: string): string {
    const visit = (this.memory.visits[step] ?? 0) + 1;
    this.memory.visits[step] = visit;
    return `${step}#${visit}`;
  }

  async task(step: string, def: StepDef, options: StepTask): Promise<HumanTaskResult> {
    const taskKey = options.taskKey ?? this.nextTaskKey(step);
    const { caseRef, titleZh, caseKind, orgUnitCode, clock } = this.info;
    this.openTasks.set(taskKey, { taskKey, step, decisions: def.decisions.map((d) => d.code) });
    try {
      return await humanTask({
        taskKey,
        type: `${caseKind}.${step}`,
        titleZh: `${def.titleZh}：${titleZh}（${caseRef}）`,
        titleEn: `${def.titleEn}: ${caseRef}`,
        caseRef,
        caseKind,
        step,
        candidates: options.candidates,
        priority: def.priority,
        decisions: def.decisions,
        ...(options.formData ? { formData: options.formData } : {}),
        orgUnitCode,
        ...(options.completion
          ? {
              sla: {
                completion: options.completion,
                ...(options.remindAt ? { remindAt: options.remindAt } : {}),
                ...(options.overdue?.escalateTo?.length ? { escalateTo: options.overdue.escalateTo } : {}),
              },
            }
          : {}),
        due: options.dueAtMs === null ? null : { atMs: taskDueAtMs(this.cal, Date.now(), options.dueAtMs) },
        clock,
        ...(options.remindAt ? { remindAt: options.remindAt } : {}),
        ...(options.overdue ? { overdue: options.overdue } : {}),
        ...(options.completedThrough ? { completedThrough: options.completedThrough } : {}),
      });
    } finally {
      this.openTasks.delete(taskKey);
    }
  }

  /**
   * Runs `work` (a step whose task is open) against a legal deadline: if the calendar reaches
   * `dueAtMs` first, `onBreach` runs exactly once while the step goes on. Replays take the same path,
   * so the breach is raised once per deadline however often the workflow is replayed.
   */
  async withDeadline<T>(dueAtMs: number | null, onBreach: () => void, work: () => Promise<T>): Promise<T> {
    if (dueAtMs === null) return work();
    let done = false;
    const watch = (async () => {
      const ms = msUntil(this.cal, Date.now(), dueAtMs);
      const finished = ms > 0 ? await condition(() => done, ms) : done;
      if (!finished) onBreach();
    })();
    try {
      return await work();
    } finally {
      done = true;
      await watch;
    }
  }

  /**
   * Starts an escalation task in the background (督办 of a breached deadline). It stays open until
   * acknowledged or until the workflow ends (`endFollowUps` closes it as cancelled).
   */
  followUp(routine: () => Promise<void>): void {
    const scope = new CancellationScope();
    const done = scope.run(routine).catch((error: unknown) => {
      if (!isCancellation(error)) this.followUpFailure ??= { error };
    });
    this.followUps.push({ scope, done });
  }

  async endFollowUps(): Promise<void> {
    for (const f of this.followUps) f.scope.cancel();
    for (const f of this.followUps) await f.done;
    if (this.followUpFailure) throw this.followUpFailure.error;
  }

  openTaskViews(): { taskKey: string; step: string; decisions: string[] }[] {
    return [...this.openTasks.values()];
  }
}

/** The decision of a task that waits until decided (overdue policy `wait`). */
export function decided(r: HumanTaskResult): HumanTaskDecided {
  if (r.kind !== 'decided') {
    throw ApplicationFailure.nonRetryable(`Task ${r.taskKey} expired unexpectedly`, 'UnexpectedTaskExpiry');
  }
  return r;
}
