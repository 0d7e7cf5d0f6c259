import type {
  CampaignEventInput,
  CampaignReportStatus,
  CampaignStatus,
  CampaignsPort,
  CloseTaskRequest,
  EnforcementFiguresPort,
  HazardFiguresPort,
  HazardFiguresRequest,
  OpenTaskRequest,
  RemindTaskRequest,
  TaskOutcome,
  TasksPort,
} from '@zhiben/contracts/workflow';

/**
 * In-memory stand-ins for the services' activities, for the campaign workflow tests on a real Temporal
 * server. They enforce the idempotency keys the real services use and count repeats, so a test can
 * assert that retries, replays, restarts and continue-as-new never record anything twice.
 */
export interface FakeTask {
  workflowId: string;
  taskKey: string;
  taskId: string;
  request: OpenTaskRequest;
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

export interface OpenedReport {
  reportId: string;
  campaignId: string;
  scheduleKey: string;
  occurrenceKey: string;
  unitCode: string;
  dueAt: string;
  prefilled: Record<string, number> | null;
}

export class FakeCampaignsService {
  readonly events: CampaignEventInput[] = [];
  readonly statuses: { campaignId: string; status: CampaignStatus; currentStageKey: string | null }[] = [];
  readonly reports = new Map<string, OpenedReport>();
  readonly reportStatuses: { reportId: string; status: CampaignReportStatus; late: boolean }[] = [];
  /** Calls repeated with an eventKey (or reportId) already seen: retries only, so this stays 0. */
  duplicates = 0;
  private readonly seen = new Set<string>();

  private once(key: string, run: () => void): void {
    if (this.seen.has(key)) {
      this.duplicates++;
      return;
    }
    this.seen.add(key);
    run();
  }

  readonly activities: CampaignsPort = {
    setCampaignStatus: async ({ campaignId, status, eventKey, currentStageKey }) =>
      this.once(eventKey, () =>
        this.statuses.push({ campaignId, status, currentStageKey: currentStageKey ?? null }),
      ),
    recordCampaignEvent: async (input) => this.once(input.eventKey, () => this.events.push(input)),
    openReport: async (input) =>
      this.once(`report:${input.reportId}`, () => this.reports.set(input.reportId, input)),
    setReportStatus: async ({ reportId, status, eventKey, late }) =>
      this.once(eventKey, () => this.reportStatuses.push({ reportId, status, late: late ?? false })),
  };

  statusTrail(campaignId: string): CampaignStatus[] {
    return this.statuses.filter((s) => s.campaignId === campaignId).map((s) => s.status);
  }

  eventTypes(campaignId: string, reportId?: string | null): string[] {
    return this.events
      .filter(
        (e) => e.campaignId === campaignId && (reportId === undefined || (e.reportId ?? null) === reportId),
      )
      .map((e) => e.type);
  }

  reportsOf(campaignId: string): OpenedReport[] {
    return [...this.reports.values()].filter((r) => r.campaignId === campaignId);
  }
}

export class FakeHazardFigures {
  readonly requests: HazardFiguresRequest[] = [];
  readonly activities: HazardFiguresPort = {
    hazardFigures: async (req) => {
      this.requests.push(req);
      return { 'found.major': 3, 'rectified.major': 1 };
    },
  };
}

export class FakeEnforcementFigures {
  readonly requests: HazardFiguresRequest[] = [];
  readonly activities: EnforcementFiguresPort = {
    enforcementFigures: async (req) => {
      this.requests.push(req);
      // A ledger row too: the ledger's own figure must win over another source's.
      return { E3a: 2, E3b: 1.5, E5: 1, 'found.major': 99 };
    },
  };
}
