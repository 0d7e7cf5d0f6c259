import type { CandidateRule, DurationSpec } from './tasks';

/**
 * The hazard context's contract between hazards-service (ledger, REST API, activities on
 * TASK_QUEUES.hazards) and the hazard workflows (workflows/hazards).
 */

/** 隐患来源 (processes.md P-02 "Discovery channels"). */
export const HAZARD_SOURCES = [
  'SelfInspection', // 企业自查
  'EnforcementInspection', // 执法检查
  'SupervisoryInspection', // 督导检查
  'PublicReport', // 群众举报
  'CovertInspection', // 明查暗访
  'AccidentLesson', // 举一反三
  'SystemDetection', // 系统监测
] as const;
export type HazardSource = (typeof HAZARD_SOURCES)[number];

export const HAZARD_GRADES = ['general', 'major'] as const; // 一般 / 重大
export type HazardGrade = (typeof HAZARD_GRADES)[number];

/** Ledger status, derived from the workflow's progress (P-02 States). */
export const HAZARD_STATUSES = [
  'registered', // 已登记
  'planning', // 待提交整改方案
  'plan_review', // 方案审核中
  'rectifying', // 整改中
  'overdue', // 逾期
  'acceptance_review', // 验收审核中
  'closeout_review', // 销号审核中
  'closed', // 已销号
  'listed', // 挂牌督办中
] as const;
export type HazardStatus = (typeof HAZARD_STATUSES)[number];

/** Workflow ids are derived, so starting twice is a no-op. */
export const hazardWorkflowId = (hazardId: string) => `hazard-${hazardId}`;
export const listingWorkflowId = (listingId: string) => `listing-${listingId}`;

export interface ClockSettings {
  /** Milliseconds per day: 86 400 000 in production; tests scale time down (e.g. 2000). */
  msPerDay: number;
}

/** Per-jurisdiction rules (versioned in hazards-service; defaults from regulations.md). */
export interface HazardRules {
  version: number;
  planSubmission: DurationSpec; // time for the enterprise to submit a plan
  planReview: DurationSpec; // official review of the plan
  acceptanceReview: DurationSpec; // 验收 within 10 days after application
  closeOutReview: DurationSpec;
  progressReportEvery: DurationSpec; // periodic progress reports while rectifying
  generalFixDefault: DurationSpec; // 一般隐患 deadline when not fixed at once
  /** 函告 → 通报 → 约谈 → 挂牌督办: each rung after the previous one plus `after`. */
  escalationLadder: { rung: EscalationRung; after: DurationSpec }[];
  delistingReview: DurationSpec; // on-site review within 10 days
}
export type EscalationRung = 'letter' | 'circular' | 'summons' | 'exposure' | 'listing';

export interface MajorHazardWorkflowInput {
  hazardId: string;
  caseRef: string; // ledger number shown to people
  grade: HazardGrade;
  titleZh: string;
  enterpriseCreditCode: string;
  enterpriseName: string;
  townCode: string; // 属地镇街
  departmentCode: string | null; // 行业监管部门 supervising the sector
  /** Deadline set in the approved plan, or the rules' default, as epoch ms. */
  rules: HazardRules;
  clock: ClockSettings;
}

export interface ListedSupervisionInput {
  listingId: string;
  hazardId: string;
  caseRef: string;
  titleZh: string;
  enterpriseCreditCode: string;
  townCode: string;
  proposedBy: string;
  reason: string;
  rules: HazardRules;
  clock: ClockSettings;
}

export interface HazardEventInput {
  hazardId: string;
  /** Idempotency key, e.g. `${workflowId}:${step}:${seq}`. */
  eventKey: string;
  type: string;
  summaryZh: string;
  summaryEn: string;
  actor?: { username: string; name: string } | null;
  data?: Record<string, unknown>;
}

/** Activities hosted by hazards-service on TASK_QUEUES.hazards. */
export interface HazardsPort {
  recordHazardEvent(input: HazardEventInput): Promise<void>;
  setHazardStatus(input: { hazardId: string; status: HazardStatus; eventKey: string; deadlineAt?: string | null }): Promise<void>;
  /** Approve the latest submitted plan version (sets the rectification deadline). Returns the deadline (ISO). */
  approvePlan(input: { hazardId: string; planVersion: number; eventKey: string }): Promise<{ deadlineAt: string }>;
  extendDeadline(input: { hazardId: string; newDeadlineAt: string; eventKey: string }): Promise<void>;
  /** Opens a listing record for 挂牌督办 and returns its id (idempotent by eventKey). */
  createListing(input: { hazardId: string; proposedBy: string; reason: string; eventKey: string }): Promise<{ listingId: string }>;
  setListingStatus(input: { listingId: string; status: string; eventKey: string; noticeDeadlineAt?: string | null }): Promise<void>;
}

/** Activity hosted by directory-service on TASK_QUEUES.directory. */
export interface AuthorityPort {
  /** The unit that lists/delists (挂牌督办) or signs off (销号) for a town, from org data. */
  findAuthority(input: { orgUnitCode: string; purpose: 'listing' | 'closeOut' }): Promise<{ code: string; name: string } | null>;
}

export type { CandidateRule };
