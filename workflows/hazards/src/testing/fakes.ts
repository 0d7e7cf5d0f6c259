import type {
  AuthorityPort,
  CloseTaskRequest,
  HazardEventInput,
  HazardStatus,
  HazardsPort,
  OpenTaskRequest,
  RemindTaskRequest,
  TaskOutcome,
  TasksPort,
} from '@zhiben/contracts/workflow';
import type { OrgUnitNamesPort } from '../activities';

/**
 * In-memory stand-ins for the services' activities, for workflow tests on a real Temporal server.
 * They keep what the workflows asked for, enforce the idempotency keys the real services use, and
 * count duplicates so a test can assert that retries and replays never record anything twice.
 */
export const DAY_MS = 86_400_000;

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

export interface StatusRecord {
  hazardId: string;
  status: HazardStatus;
  deadlineAt: string | null;
}

export class FakeHazardsService {
  readonly events: HazardEventInput[] = [];
  readonly statuses: StatusRecord[] = [];
  readonly listingStatuses: { listingId: string; status: string; noticeDeadlineAt: string | null }[] = [];
  readonly extensions: { hazardId: string; newDeadlineAt: string }[] = [];
  readonly approvals: { hazardId: string; planVersion: number; deadlineAt: string }[] = [];
  /** Calls repeated with an eventKey already seen (must stay 0: keys are idempotency keys). */
  duplicates = 0;
  /** Rectification period granted by approvePlan, per hazard (days; default 30). */
  readonly planDays = new Map<string, number>();
  private readonly seen = new Map<string, unknown>();
  private readonly listings = new Map<string, number>();

  private once<T>(eventKey: string, run: () => T): T {
    if (this.seen.has(eventKey)) {
      this.duplicates++;
      return this.seen.get(eventKey) as T;
    }
    const result = run();
    this.seen.set(eventKey, result);
    return result;
  }

  readonly activities: HazardsPort = {
    recordHazardEvent: async (input) => this.once(input.eventKey, () => void this.events.push(input)),
    setHazardStatus: async ({ hazardId, status, eventKey, deadlineAt }) =>
      this.once(
        eventKey,
        () => void this.statuses.push({ hazardId, status, deadlineAt: deadlineAt ?? null }),
      ),
    approvePlan: async ({ hazardId, planVersion, eventKey }) =>
      this.once(eventKey, () => {
        const days = this.planDays.get(hazardId) ?? 30;
        const deadlineAt = new Date(Date.now() + days * DAY_MS).toISOString();
        this.approvals.push({ hazardId, planVersion, deadlineAt });
        return { deadlineAt };
      }),
    extendDeadline: async ({ hazardId, newDeadlineAt, eventKey }) =>
      this.once(eventKey, () => void this.extensions.push({ hazardId, newDeadlineAt })),
    createListing: async ({ hazardId, eventKey }) =>
      this.once(eventKey, () => {
        const n = (this.listings.get(hazardId) ?? 0) + 1;
        this.listings.set(hazardId, n);
        return { listingId: `${hazardId}-L${n}` };
      }),
    setListingStatus: async ({ listingId, status, eventKey, noticeDeadlineAt }) =>
      this.once(
        eventKey,
        () =>
          void this.listingStatuses.push({ listingId, status, noticeDeadlineAt: noticeDeadlineAt ?? null }),
      ),
  };

  eventTypes(hazardId: string): string[] {
    return this.events.filter((e) => e.hazardId === hazardId).map((e) => e.type);
  }

  statusTrail(hazardId: string): HazardStatus[] {
    return this.statuses.filter((s) => s.hazardId === hazardId).map((s) => s.status);
  }
}

export const DISTRICT_OFFICE = { code: 'jiangjin.anweiban', name: '江津区安委办' };
export const CLOSE_OUT_AUTHORITY = { code: 'jiangjin.dept.yingji', name: '江津区应急管理局' };

export const ORG_NAMES: Record<string, string> = {
  jiangjin: '江津区',
  'jiangjin.jiasi': '贾嗣镇',
  'jiangjin.dept.yingji': CLOSE_OUT_AUTHORITY.name,
  'jiangjin.dept.zhujian': '江津区住房城乡建委',
  [DISTRICT_OFFICE.code]: DISTRICT_OFFICE.name,
};

export class FakeDirectory {
  readonly lookups: { orgUnitCode: string; purpose: string }[] = [];

  readonly activities: AuthorityPort & OrgUnitNamesPort = {
    findAuthority: async ({ orgUnitCode, purpose }) => {
      this.lookups.push({ orgUnitCode, purpose });
      return purpose === 'listing' ? DISTRICT_OFFICE : CLOSE_OUT_AUTHORITY;
    },
    describeOrgUnit: async ({ code }) =>
      ORG_NAMES[code] ? { code, name: ORG_NAMES[code], kind: 'town' } : null,
  };
}
