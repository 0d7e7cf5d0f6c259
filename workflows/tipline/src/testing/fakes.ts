import type {
  CloseTaskRequest,
  OpenTaskRequest,
  RemindTaskRequest,
  TaskOutcome,
  TasksPort,
  TipEventInput,
  TiplinePort,
  TipRewardPatch,
  TipStatus,
  TipStatusPatch,
} from '@zhiben/contracts/workflow';

/**
 * In-memory stand-ins for tasks-service and tipline-service, for workflow tests on a real Temporal server.
 * They keep what the workflow asked for, enforce the idempotency keys the real services use, and count
 * duplicates so a test can assert that retries and replays never record anything twice. (The tasks fake
 * is the one of workflows/enforcement; both belong in a shared testing library.)
 */
export interface FakeTask {
  workflowId: string;
  taskKey: string;
  taskId: string;
  request: OpenTaskRequest;
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

type Call = { method: keyof TiplinePort; input: unknown };

export class FakeTiplineService {
  readonly events: TipEventInput[] = [];
  readonly statuses: { tipId: string; status: TipStatus; patch: TipStatusPatch }[] = [];
  readonly rewards: { tipId: string; reward: TipRewardPatch }[] = [];
  readonly hazards: { tipId: string; hazardId: string; source: string }[] = [];
  readonly cases: { tipId: string; caseId: string }[] = [];
  readonly notices: { tipId: string; kind: string; messageZh: string }[] = [];
  /** Every call, for asserting what crosses the port (identity never does). */
  readonly calls: Call[] = [];
  /** Calls repeated with an eventKey already seen (must stay 0: keys are idempotency keys). */
  duplicates = 0;
  private readonly seen = new Map<string, unknown>();

  private once<T>(method: keyof TiplinePort, input: { eventKey: string }, run: () => T): T {
    this.calls.push({ method, input });
    if (this.seen.has(input.eventKey)) {
      this.duplicates++;
      return this.seen.get(input.eventKey) as T;
    }
    const result = run();
    this.seen.set(input.eventKey, result);
    return result;
  }

  readonly activities: TiplinePort = {
    recordTipEvent: async (input) => this.once('recordTipEvent', input, () => void this.events.push(input)),
    setTipStatus: async (input) =>
      this.once('setTipStatus', input, () => {
        this.statuses.push({ tipId: input.tipId, status: input.status, patch: input.patch ?? {} });
      }),
    setTipReward: async (input) =>
      this.once(
        'setTipReward',
        input,
        () => void this.rewards.push({ tipId: input.tipId, reward: input.reward }),
      ),
    createHazardFromTip: async (input) =>
      this.once('createHazardFromTip', input, () => {
        const hazardId = `H-${input.tipId}`;
        this.hazards.push({ tipId: input.tipId, hazardId, source: input.source });
        return { hazardId, caseRef: `YH-2026-${input.tipId}` };
      }),
    createEnforcementCaseFromTip: async (input) =>
      this.once('createEnforcementCaseFromTip', input, () => {
        const caseId = `C-${input.tipId}`;
        this.cases.push({ tipId: input.tipId, caseId });
        return { caseId, caseNo: `津应急罚〔2026〕${input.tipId}号` };
      }),
    notifyReporter: async (input) =>
      this.once('notifyReporter', input, () => {
        this.notices.push({ tipId: input.tipId, kind: input.kind, messageZh: input.messageZh });
      }),
  };

  eventTypes(tipId: string): string[] {
    return this.events.filter((e) => e.tipId === tipId).map((e) => e.type);
  }

  statusTrail(tipId: string): TipStatus[] {
    return this.statuses.filter((s) => s.tipId === tipId).map((s) => s.status);
  }

  rewardTrail(tipId: string): string[] {
    return this.rewards.filter((r) => r.tipId === tipId).map((r) => r.reward.status);
  }
}
