import {
  TERRITORIAL_UNIT_KINDS,
  type CandidateRule,
  type DecisionOption,
  type EnterpriseDto,
  type OrgUnitDto,
  type OrgUnitKind,
  type TaskHistoryAction,
  type TaskPriority,
  type TaskStatus,
} from '@zhiben/contracts';

/**
 * Shapes of the gateway's JSON API as the console sees them: the contracts' own types and constants
 * where `@zhiben/contracts` has them (types, and constants from its zod-free modules only), console
 * views otherwise.
 */

export { ENTERPRISE_SIZES, ORG_UNIT_KINDS } from '@zhiben/contracts';
export type { EnterpriseSize, Problem } from '@zhiben/contracts';
export type { CandidateRule, DecisionOption, OrgUnitKind, TaskHistoryAction, TaskPriority };

/** Kinds that carry territorial supervision of enterprises (镇街 and platforms). */
export const TOWN_LEVEL_KINDS: readonly OrgUnitKind[] = TERRITORIAL_UNIT_KINDS;

export type OrgUnit = OrgUnitDto;

export type Enterprise = EnterpriseDto;

/** A 行业领域 as served by `GET /api/directory/sectors`; the console gives it `id = code`. */
export interface Sector {
  id: string;
  code: string;
  nameZh: string;
  nameEn: string;
  /** One of the 重点行业领域 the campaigns single out. */
  key: boolean;
  aliasesZh?: string[];
}

export interface Me {
  username: string;
  name: string;
  roles: string[];
  orgUnit: { id: string; code: string; name: string; kind: OrgUnitKind } | null;
  enterprise: { id: string; creditCode: string; name: string } | null;
}

export const INBOX_VIEWS = ['mine', 'groups', 'watched'] as const;
export type InboxView = (typeof INBOX_VIEWS)[number];

export const TASK_PRIORITIES = ['low', 'normal', 'high', 'urgent'] as const satisfies readonly TaskPriority[];

/**
 * Task types the hazard workflows open (`<caseKind>.<step>`, workflows/hazards/src/hazard-steps.ts); the
 * inbox offers them as a filter. A type the console does not know yet still shows, under its code.
 */
export const TASK_TYPES = [
  'hazard.submitPlan',
  'hazard.reviewPlan',
  'hazard.progressReport',
  'hazard.applyAcceptance',
  'hazard.reviewAcceptance',
  'hazard.approveCloseOut',
  'hazard.approveExtension',
  'hazard.issueLetter',
  'hazard.circulate',
  'hazard.summon',
  'hazard.expose',
  'hazard.fixGeneral',
  'hazard.reportGeneralFix',
  'hazard.verifyGeneral',
  'listing.approveListing',
  'listing.listingProgress',
  'listing.applyDelisting',
  'listing.delistingReview',
  'listing.approveDelisting',
] as const;

/**
 * open = nobody holds it yet, claimed = someone does, closed = decided, cancelled, expired or
 * superseded. The inbox shows open and claimed ones unless asked for another status.
 */
export const TASK_STATUSES = ['open', 'claimed', 'closed'] as const satisfies readonly TaskStatus[];

/** An inbox row (`GET /api/tasks/inbox`). */
export interface Task {
  id: string;
  type: string;
  /** Chinese title, the language of record; `titleEn` is its English label. */
  title: string;
  titleEn?: string | null;
  caseRef: string | null;
  /** What the case is: `hazard`, `listing`, … */
  caseKind?: string | null;
  step?: string | null;
  status: string;
  outcome?: string | null;
  priority: TaskPriority;
  dueAt: string | null;
  followUpAt: string | null;
  reactionDueAt?: string | null;
  overdue?: boolean;
  assignee: string | null;
  owner?: string | null;
  delegatedFrom?: string | null;
  orgUnitCode?: string | null;
  campaignId?: string | null;
  createdAt: string;
}

export interface InboxPage {
  data: Task[];
  nextCursor: string | null;
}

/** Inbox filters as the API takes them (all optional; empty means "any"). */
export interface InboxFilters {
  type?: string;
  status?: string;
  priority?: TaskPriority;
  /** Civil date (YYYY-MM-DD) in the UI; sent as the end of that day, Beijing time. */
  dueBefore?: string;
  overdue?: boolean;
  campaignId?: string;
  orgUnitCode?: string;
  q?: string;
}

export const INBOX_SORTS = ['createdAt', 'dueAt', 'priority'] as const;
export type InboxSort = (typeof INBOX_SORTS)[number];

/** One line of the per-task audit trail: who did what, with which decision, and what changed. */
export interface TaskHistoryEntry {
  id: string;
  action: TaskHistoryAction | string;
  actor: string | null;
  actorName: string | null;
  at: string;
  decision: string | null;
  comment: string | null;
  /** Field → `{ from, to }`, or details the server records (target user, reminder text…). */
  changes: Record<string, unknown> | null;
}

export interface TaskComment {
  id: string;
  author: string;
  authorName: string | null;
  body: string;
  createdAt: string;
}

/** Accepted by the tasks API (type sniffed on the server too): PDF, images, Office files, text. */
export const ATTACHMENT_CONTENT_TYPES = [
  'application/pdf',
  'image/png',
  'image/jpeg',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'application/msword',
  'application/vnd.ms-excel',
  'text/plain',
] as const;
export const MAX_TASK_ATTACHMENT_BYTES = 10 * 1024 * 1024;

export interface TaskAttachment {
  id: string;
  name: string;
  contentType: string;
  size: number;
  uploadedBy: string;
  createdAt: string;
}

/** What the caller may do with the task now, as the server decides it. */
export interface TaskActions {
  claim: boolean;
  unclaim: boolean;
  assign: boolean;
  transfer: boolean;
  delegate: boolean;
  resolve: boolean;
  complete: boolean;
  comment: boolean;
  watch: boolean;
}

/** `GET /api/tasks/tasks/:id`: the task with what the detail page needs to act on it. */
export interface TaskDetail extends Task {
  taskKey: string | null;
  workflowId: string;
  titleZh: string;
  titleEn: string | null;
  caseKind: string | null;
  step: string | null;
  outcome: string | null;
  owner: string | null;
  /** Set while the task is delegated (委派): the delegate resolves it back to this user. */
  delegatedFrom: string | null;
  decisions: DecisionOption[];
  formSchema: Record<string, unknown> | null;
  formData: Record<string, unknown> | null;
  reactionDueAt: string | null;
  overdue: boolean;
  claimedAt: string | null;
  completedAt: string | null;
  completedBy: string | null;
  decision: string | null;
  closedAt: string | null;
  candidates: CandidateRule[];
  watchers: string[];
  watching: boolean;
  actions: TaskActions;
  breaches: { kind: string; dueAt: string; breachedAt: string }[];
  history: TaskHistoryEntry[];
  comments: TaskComment[];
  attachments: TaskAttachment[];
  version: number;
}

/** A decision as the console sends it; the Idempotency-Key header travels beside it. */
export interface TaskCompletion {
  decision: string;
  comment: string;
  data?: Record<string, unknown>;
  attachments?: string[];
}

export interface TaskNotification {
  id: string;
  taskId: string | null;
  kind: 'reminder' | 'overdue' | 'escalation' | string;
  messageZh: string;
  messageEn: string;
  createdAt: string;
  readAt: string | null;
}

/** The public `/config.json` the gateway serves before anyone has logged in. */
export interface RuntimeConfig {
  keycloak: { url: string; realm: string; clientId: string };
  version: string;
}
