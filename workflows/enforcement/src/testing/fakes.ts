import type {
  CloseTaskRequest,
  EnforcementActionKind,
  EnforcementCaseStage,
  EnforcementEventInput,
  EnforcementPort,
  OpenTaskRequest,
  ReferralDeadlineKind,
  ReferralStage,
  RemindTaskRequest,
  TaskOutcome,
  TasksPort,
} from '@zhiben/contracts/workflow';

/**
 * In-memory stand-ins for the services' activities, for workflow tests on a real Temporal server. They
 * keep what the workflows asked for, enforce the idempotency keys the real services use, and count
 * duplicates so a test can assert that retries and replays never record anything twice.
 */
export interface FakeTask {
  workflowId: string;
  taskKey: string;
  taskId: string;
  request: OpenTaskRequest;
  /** When the activity ran (the workflow asked a moment earlier). */
  openedAt: number;
  status: 'open' | 'closed';
  outcome?: TaskOutcome;
  decision?: string;
  reminders: RemindTaskRequest[];
}

export class FakeTasksService {
  readonly tasks = new Map<string, FakeTask>();
  private nextId = 1;

  readonly activities: TasksPort = {
    openTask: async (req) => {
      const key = `${req.workflowId}/${req.taskKey}`;
      const existing = this.tasks.get(key);
      if (existing) return { taskId: existing.taskId, created: false };
      const taskId = `T${this.nextId++}`;
      this.tasks.set(key, {
        workflowId: req.workflowId,
        taskKey: req.taskKey,
        taskId,
        request: req,
        openedAt: Date.now(),
        status: 'open',
        reminders: [],
      });
      return { taskId, created: true };
    },
    closeTask: async (req: CloseTaskRequest) => {
      const task = this.tasks.get(`${req.workflowId}/${req.taskKey}`);
      if (!task || task.status === 'closed') return;
      task.status = 'closed';
      task.outcome = req.outcome;
      task.decision = req.decision;
    },
    remindTask: async (req) => {
      const task = this.tasks.get(`${req.workflowId}/${req.taskKey}`);
      if (task && !task.reminders.some((r) => r.seq === req.seq)) task.reminders.push(req);
    },
  };

  list(workflowId: string, step?: string): FakeTask[] {
    return [...this.tasks.values()].filter(
      (t) => t.workflowId === workflowId && (step === undefined || t.request.step === step),
    );
  }

  open(workflowId: string, step: string): FakeTask | undefined {
    return this.list(workflowId, step).find((t) => t.status === 'open');
  }
}

export interface DeadlineCall {
  referralId: string;
  kind: ReferralDeadlineKind;
  eventKey: string;
  startedAt?: string;
  dueAt?: string;
  metAt?: string;
  breachedAt?: string;
  /** Wall time of the call. */
  calledAt: number;
}

export class FakeEnforcementService {
  readonly events: EnforcementEventInput[] = [];
  readonly caseStages: { caseId: string; stage: EnforcementCaseStage; patch: Record<string, unknown> }[] = [];
  readonly referralStages: { referralId: string; stage: ReferralStage; patch: Record<string, unknown> }[] =
    [];
  readonly actions: {
    caseId: string;
    kind: EnforcementActionKind;
    amountYuan: number | null;
    deadlineAt: string | null;
  }[] = [];
  readonly referrals: { caseId: string; referralId: string; reason: string }[] = [];
  readonly deadlines: DeadlineCall[] = [];
  /** Calls repeated with an eventKey already seen (must stay 0: keys are idempotency keys). */
  duplicates = 0;
  private readonly seen = new Map<string, unknown>();

  private once<T>(eventKey: string, run: () => T): T {
    if (this.seen.has(eventKey)) {
      this.duplicates++;
      return this.seen.get(eventKey) as T;
    }
    const result = run();
    this.seen.set(eventKey, result);
    return result;
  }

  readonly activities: EnforcementPort = {
    recordEnforcementEvent: async (input) => this.once(input.eventKey, () => void this.events.push(input)),
    setCaseStage: async ({ caseId, stage, eventKey, patch }) =>
      this.once(eventKey, () => void this.caseStages.push({ caseId, stage, patch: patch ?? {} })),
    recordAction: async ({ caseId, kind, eventKey, amountYuan, deadlineAt }) =>
      this.once(
        eventKey,
        () =>
          void this.actions.push({
            caseId,
            kind,
            amountYuan: amountYuan ?? null,
            deadlineAt: deadlineAt ?? null,
          }),
      ),
    createReferralFromCase: async ({ caseId, eventKey, reason }) =>
      this.once(eventKey, () => {
        const referralId = `${caseId}-R${this.referrals.filter((r) => r.caseId === caseId).length + 1}`;
        this.referrals.push({ caseId, referralId, reason });
        return { referralId, referralNo: `津应急移〔2026〕${referralId}号` };
      }),
    setReferralStage: async ({ referralId, stage, eventKey, patch }) =>
      this.once(eventKey, () => void this.referralStages.push({ referralId, stage, patch: patch ?? {} })),
    trackReferralDeadline: async (input) =>
      this.once(input.eventKey, () => void this.deadlines.push({ ...input, calledAt: Date.now() })),
  };

  eventTypes(kind: 'case' | 'referral', id: string): string[] {
    return this.events.filter((e) => e.subject.kind === kind && e.subject.id === id).map((e) => e.type);
  }

  caseStageTrail(caseId: string): EnforcementCaseStage[] {
    return this.caseStages.filter((s) => s.caseId === caseId).map((s) => s.stage);
  }

  referralStageTrail(referralId: string): ReferralStage[] {
    return this.referralStages.filter((s) => s.referralId === referralId).map((s) => s.stage);
  }

  deadlinesOf(referralId: string, kind?: ReferralDeadlineKind): DeadlineCall[] {
    return this.deadlines.filter(
      (d) => d.referralId === referralId && (kind === undefined || d.kind === kind),
    );
  }

  breaches(referralId: string): ReferralDeadlineKind[] {
    return this.deadlinesOf(referralId)
      .filter((d) => d.breachedAt !== undefined)
      .map((d) => d.kind);
  }
}
