import type {
  CandidateRule,
  ClockSettings,
  DurationSpec,
  SlaPolicy,
  TaskDecisionPayload,
} from '@zhiben/contracts/workflow';
import { enterpriseScope } from '@zhiben/contracts/workflow';
import { ApplicationFailure, CancellationScope, isCancellation } from '@temporalio/workflow';
import {
  bookkeepingInBackground,
  humanTask,
  inOrder,
  type HumanTaskDecided,
  type HumanTaskDue,
  type HumanTaskResult,
  type OverduePolicy,
} from '@zhiben/workflows-shared';
import { authorities, hazards, orgNames } from './activities';
import { HAZARD_STEPS, decisionCodes, type HazardStep } from './hazard-steps';
import type { OpenTaskView, Person, TimelineEntry } from './hazard.messages';
import { nextEventKey, nextTaskKey, pushHistory, type Authority } from './rectification-state';
import { who, type TimelineText } from './timeline-texts';

/** What a case context remembers across continue-as-new (a slice of the workflow's state). */
export interface CaseMemory {
  seq: number;
  visits: Partial<Record<HazardStep, number>>;
  history: TimelineEntry[];
  names: Record<string, string>;
  authorities: { listing?: Authority | null; closeOut?: Authority | null };
}

export interface CaseInfo {
  workflowId: string;
  hazardId: string;
  caseRef: string;
  caseKind: 'hazard' | 'listing';
  titleZh: string;
  enterpriseCreditCode: string;
  enterpriseName: string;
  townCode: string;
  departmentCode: string | null;
  clock: ClockSettings;
}

export interface StepTaskOptions {
  candidates: CandidateRule[];
  due: HumanTaskDue;
  remindAt?: number[];
  overdue?: OverduePolicy;
  /** Shown to the tasks service as the SLA (completion time, escalation). */
  completion?: DurationSpec;
  formData?: Record<string, unknown>;
  /** Task key chosen earlier (e.g. returned by an Update); otherwise the step's next visit. */
  taskKey?: string;
}

export type Actor = TaskDecisionPayload['actor'];

/**
 * One hazard case as the workflow code sees it: opens the human tasks of `HAZARD_STEPS` with the
 * right titles and candidates, records the timeline with idempotent event keys, and resolves the names
 * and authorities that the texts and candidates need.
 */
export class CaseContext {
  /** Human tasks open in this run, for the state queries. */
  readonly openTasks = new Map<string, OpenTaskView>();

  constructor(
    readonly info: CaseInfo,
    readonly memory: CaseMemory,
  ) {}

  // ── candidates ──────────────────────────────────────────────────────────────────────────────
  enterprise(): CandidateRule[] {
    return [{ role: 'enterprise', orgUnitCode: enterpriseScope(this.info.enterpriseCreditCode) }];
  }

  townOfficials(): CandidateRule[] {
    return [{ role: 'official', orgUnitCode: this.info.townCode }];
  }

  /** 属地镇街 and 行业监管部门. */
  officials(): CandidateRule[] {
    const { townCode, departmentCode } = this.info;
    return [
      { role: 'official', orgUnitCode: townCode },
      ...(departmentCode ? [{ role: 'official' as const, orgUnitCode: departmentCode }] : []),
    ];
  }

  /** The district office that lists and escalates (区安委办), from org data. */
  async districtOfficials(): Promise<CandidateRule[]> {
    const a = await this.authority('listing');
    return a && a.code !== this.info.townCode ? [{ role: 'official', orgUnitCode: a.code }] : [];
  }

  /** The unit for `purpose`, looked up once per case; falls back to the town if org data has none. */
  async authorityOrTown(purpose: 'listing' | 'closeOut'): Promise<Authority> {
    return (
      (await this.authority(purpose)) ?? {
        code: this.info.townCode,
        name: (await this.unitName(this.info.townCode)) ?? this.info.townCode,
      }
    );
  }

  async authority(purpose: 'listing' | 'closeOut'): Promise<Authority | null> {
    const cached = this.memory.authorities[purpose];
    if (cached !== undefined) return cached;
    // 销号 is signed off by the department leading the enterprise's sector (else its town); the
    // enterprise scope gives the directory that sector, the town code alone carries none.
    const orgUnitCode =
      purpose === 'closeOut' ? enterpriseScope(this.info.enterpriseCreditCode) : this.info.townCode;
    const found = await authorities.findAuthority({ orgUnitCode, purpose });
    const value = found ? { code: found.code, name: found.name } : null;
    this.memory.authorities[purpose] = value;
    if (value) this.memory.names[value.code] = value.name;
    return value;
  }

  // ── names ────────────────────────────────────────────────────────────────────────────────────
  async unitName(code: string | null | undefined): Promise<string | null> {
    if (!code) return null;
    const cached = this.memory.names[code];
    if (cached !== undefined) return cached || null;
    let name = '';
    try {
      name = (await orgNames.describeOrgUnit({ code }))?.name ?? '';
    } catch (err) {
      if (isCancellation(err)) throw err;
      // Names only decorate the timeline; an unreachable directory must not stop the case.
      name = '';
    }
    this.memory.names[code] = name;
    return name || null;
  }

  /** "贾嗣镇 张伟": an official with their unit. */
  async officialLabel(actor: Actor): Promise<string> {
    return who(await this.unitName(actor.orgUnitCode), actor.name);
  }

  /** "重庆某某化工有限公司 李四": enterprise staff with their enterprise (whatever unit their account has). */
  enterpriseLabel(actor: Pick<Actor, 'name'>): string {
    return who(this.info.enterpriseName, actor.name);
  }

  personLabel(person: Person): string {
    return person.name || person.username;
  }

  // ── timeline ─────────────────────────────────────────────────────────────────────────────────
  /** Records a timeline event; not cancellable, so what the query shows always reaches the ledger. */
  async record(text: TimelineText, actor?: Person | null, data?: Record<string, unknown>): Promise<void> {
    const eventKey = nextEventKey(this.memory, this.info.workflowId, text.type);
    const at = new Date().toISOString();
    pushHistory(this.memory.history, { at, ...text });
    const event = {
      at,
      hazardId: this.info.hazardId,
      eventKey,
      type: text.type,
      summaryZh: text.summaryZh,
      summaryEn: text.summaryEn,
      actor: actor ? { username: actor.username, name: actor.name } : null,
      ...(data ? { data } : {}),
    };
    if (bookkeepingInBackground()) {
      // Ordered with the ledger status (same chain); the next step does not wait for it.
      void inOrder(() => hazards.recordHazardEvent(event));
      return;
    }
    await CancellationScope.nonCancellable(() => hazards.recordHazardEvent(event));
  }

  eventKey(step: string): string {
    return nextEventKey(this.memory, this.info.workflowId, step);
  }

  // ── human tasks ──────────────────────────────────────────────────────────────────────────────
  nextTaskKey(step: HazardStep): string {
    return nextTaskKey(this.memory, step);
  }

  async task(step: HazardStep, options: StepTaskOptions): Promise<HumanTaskResult> {
    const def = HAZARD_STEPS[step];
    const taskKey = options.taskKey ?? this.nextTaskKey(step);
    const { caseRef, titleZh, caseKind, townCode, clock } = this.info;
    const sla: SlaPolicy | undefined = options.completion
      ? {
          completion: options.completion,
          ...(options.remindAt ? { remindAt: options.remindAt } : {}),
          ...(options.overdue?.escalateTo?.length ? { escalateTo: options.overdue.escalateTo } : {}),
        }
      : undefined;
    this.openTasks.set(taskKey, { taskKey, step, decisions: decisionCodes(step) });
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
        ...('formSchema' in def ? { formSchema: def.formSchema } : {}),
        ...(options.formData ? { formData: options.formData } : {}),
        orgUnitCode: townCode,
        ...(sla ? { sla } : {}),
        due: options.due,
        clock,
        ...(options.remindAt ? { remindAt: options.remindAt } : {}),
        ...(options.overdue ? { overdue: options.overdue } : {}),
      });
    } finally {
      this.openTasks.delete(taskKey);
    }
  }

  openTaskViews(): OpenTaskView[] {
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
