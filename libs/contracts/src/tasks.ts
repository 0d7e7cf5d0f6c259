import type { Role } from './roles';

/**
 * The human-task contract between workflows (which open tasks and wait for decisions) and the
 * tasks service (which shows tasks to officials and sends their decisions back as Temporal Updates).
 */

/** Name of the Update every workflow with human steps handles (see workflows/shared). */
export const TASK_DECIDE_UPDATE = 'zhiben.task.decide';
/** Query returning the workflow's open task keys and their allowed decisions. */
export const OPEN_TASKS_QUERY = 'zhiben.task.open';

/**
 * Who may act: a role within an org unit. Enterprise staff are addressed by their enterprise:
 * `orgUnitCode = enterpriseScope(creditCode)`.
 */
export interface CandidateRule {
  role: Role;
  orgUnitCode: string;
}

export function enterpriseScope(creditCode: string): string {
  return `ent:${creditCode}`;
}

export interface DecisionOption {
  code: string;
  labelZh: string;
  labelEn: string;
  /** 审批意见 required for this decision (e.g. returning or rejecting). */
  requiresComment?: boolean;
}

export interface DurationSpec {
  amount: number;
  unit: 'workingDays' | 'naturalDays' | 'hours';
}

export type TaskPriority = 'low' | 'normal' | 'high' | 'urgent';

export interface SlaPolicy {
  /** Time to claim/first action (响应时限). */
  reaction?: DurationSpec;
  /** Time to complete (办理时限). */
  completion: DurationSpec;
  /** Reminders (催办) before and after the due date, as fractions of the completion time, e.g. [0.5, 0.8]. */
  remindAt?: number[];
  /** Escalation (督办) after a breach: who gets added as candidates. */
  escalateTo?: CandidateRule[];
}

export interface OpenTaskRequest {
  workflowId: string;
  /** Unique within the workflow; (workflowId, taskKey) makes openTask idempotent. */
  taskKey: string;
  type: string;
  titleZh: string;
  titleEn: string;
  caseRef: string;
  caseKind: string;
  /** Step name, used by 退回 (return to an earlier step). */
  step: string;
  candidates: CandidateRule[];
  assignee?: string | null;
  priority: TaskPriority;
  dueAt: string | null;
  followUpAt?: string | null;
  decisions: DecisionOption[];
  formSchema?: Record<string, unknown>;
  formData?: Record<string, unknown>;
  /** Jurisdiction the task belongs to (for filters and scoping). */
  orgUnitCode: string;
  campaignId?: string | null;
  sla?: SlaPolicy;
  /**
   * 响应时限 as an instant, when the workflow computed it (it owns the clock, which tests scale). When
   * absent the tasks service computes it from `sla.reaction` at the time the task opens.
   */
  reactionDueAt?: string | null;
}

export interface OpenTaskResult {
  taskId: string;
  created: boolean;
}

export type TaskOutcome = 'completed' | 'cancelled' | 'expired' | 'superseded';

export interface CloseTaskRequest {
  workflowId: string;
  taskKey: string;
  outcome: TaskOutcome;
  decision?: string;
  /**
   * The accepted decision when `outcome = 'completed'`. Lets the tasks service record a completion
   * that the request accepting the Update did not manage to commit (crash between Update and commit).
   */
  decided?: TaskDecisionPayload;
}

export interface RemindTaskRequest {
  workflowId: string;
  taskKey: string;
  /** Sequence number; (workflowId, taskKey, seq) makes reminders idempotent. */
  seq: number;
  kind: 'reminder' | 'overdue' | 'escalation';
  messageZh: string;
  messageEn: string;
  /** Added as candidates when kind = escalation. */
  escalateTo?: CandidateRule[];
}

/** What the tasks service sends as the Update argument. */
export interface TaskDecisionPayload {
  taskId: string;
  taskKey: string;
  decision: string;
  comment: string;
  data: Record<string, unknown>;
  attachments: string[];
  actor: { username: string; name: string; orgUnitCode: string | null };
  decidedAt: string;
  /** The caller's idempotency key; the workflow hands it back in closeTask so completion heals under it. */
  requestId?: string;
}

export interface TaskDecisionResult {
  accepted: true;
  taskKey: string;
}

/** Activities the tasks service hosts on TASK_QUEUES.tasks. */
export interface TasksPort {
  openTask(req: OpenTaskRequest): Promise<OpenTaskResult>;
  closeTask(req: CloseTaskRequest): Promise<void>;
  remindTask(req: RemindTaskRequest): Promise<void>;
}

/** An open task as the workflow reports it (OPEN_TASKS_QUERY). */
export interface OpenTaskInfo {
  taskKey: string;
  taskId: string | null;
  step: string;
  decisions: DecisionOption[];
}

/**
 * `ApplicationFailure.type` values the decide Update's validator rejects with; `details[0]` is a
 * `TaskDecisionRejection`. The tasks service maps `TaskNotOpen` to 409 and the others to 400.
 */
export const TASK_DECISION_REJECTIONS = ['TaskNotOpen', 'DecisionNotAllowed', 'CommentRequired'] as const;
export type TaskDecisionRejectionType = (typeof TASK_DECISION_REJECTIONS)[number];

export interface TaskDecisionRejection {
  type: TaskDecisionRejectionType;
  /** The request field at fault (`decision`, `comment`), if any. */
  field?: string;
  messageZh: string;
  messageEn: string;
}

/** Lifecycle of a task row: open (unassigned), claimed (someone holds it), closed (see TaskOutcome). */
export type TaskStatus = 'open' | 'claimed' | 'closed';

/** What the per-task audit trail records (task_history.action). */
export const TASK_HISTORY_ACTIONS = [
  'opened',
  'claimed',
  'unclaimed',
  'assigned',
  'transferred',
  'delegated',
  'resolved',
  'returned',
  'completed',
  'commented',
  'attached',
  'watched',
  'unwatched',
  'reminded',
  'escalated',
  'breached',
  'closed',
] as const;
export type TaskHistoryAction = (typeof TASK_HISTORY_ACTIONS)[number];
