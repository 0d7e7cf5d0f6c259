import type { HazardPerson } from './hazards-api';
import type { CandidateRule, DurationSpec } from './tasks';

/**
 * The hazard context's contract between hazards-service (ledger, REST API, activities on
 * TASK_QUEUES.hazards) and the hazard workflows (workflows/hazards). No zod here: the request schemas
 * are in `hazards-api.ts`, so the workflows and the console take these constants and types alone.
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
  /**
   * When it happened, in workflow time (ISO). Bookkeeping runs in the background, so events of a case's
   * workflows can reach the ledger out of order; the timeline orders by this instant.
   */
  at?: string;
}

/** Activities hosted by hazards-service on TASK_QUEUES.hazards. */
export interface HazardsPort {
  recordHazardEvent(input: HazardEventInput): Promise<void>;
  setHazardStatus(input: {
    hazardId: string;
    status: HazardStatus;
    eventKey: string;
    deadlineAt?: string | null;
  }): Promise<void>;
  /** Approve the latest submitted plan version (sets the rectification deadline). Returns the deadline (ISO). */
  approvePlan(input: {
    hazardId: string;
    planVersion: number;
    eventKey: string;
  }): Promise<{ deadlineAt: string }>;
  extendDeadline(input: { hazardId: string; newDeadlineAt: string; eventKey: string }): Promise<void>;
  /** Opens a listing record for 挂牌督办 and returns its id (idempotent by eventKey). */
  createListing(input: {
    hazardId: string;
    proposedBy: string;
    reason: string;
    eventKey: string;
  }): Promise<{ listingId: string }>;
  setListingStatus(input: {
    listingId: string;
    status: string;
    eventKey: string;
    noticeDeadlineAt?: string | null;
  }): Promise<void>;
}

/** Activity hosted by directory-service on TASK_QUEUES.directory. */
export interface AuthorityPort {
  /** The unit that lists/delists (挂牌督办) or signs off (销号) for a town, from org data. */
  findAuthority(input: {
    orgUnitCode: string;
    purpose: 'listing' | 'closeOut';
  }): Promise<{ code: string; name: string } | null>;
}

export type { CandidateRule };

// ---------------------------------------------------------------------------------------------------
// Additions by the hazards context (hazards-service API, workflow messages, ledger projections).
// ---------------------------------------------------------------------------------------------------

/** Workflow type hazards-service starts for every registered hazard (both grades). */
export const HAZARD_WORKFLOW_TYPE = 'majorHazardRectification';

// --------------------------------------------------------------------------------- workflow messages
// Messages of the hazard workflows (workflows/hazards/src/hazard.messages.ts defines the handles with
// these names). The names are the wire contract and appear in recorded histories: never rename them.

/** Update the hazard workflow handles for 延期申请 (enterprise asks for a later rectification deadline). */
export const REQUEST_EXTENSION_UPDATE = 'zhiben.hazard.requestExtension';
/** Update the hazard workflow handles when an official proposes 挂牌督办 by hand. */
export const PROPOSE_LISTING_UPDATE = 'zhiben.hazard.proposeListing';
/** Query of the hazard workflow's state (HazardStateView). */
export const HAZARD_STATE_QUERY = 'hazardState';
/** Query of the listed-supervision workflow's state (ListingStateView). */
export const LISTING_STATE_QUERY = 'listingState';
/**
 * Sent by `listedSupervision` to its hazard's workflow whenever the listing changes status (listed,
 * delisted, rejected). A signal to the workflow id reaches the hazard across continue-as-new.
 */
export const LISTING_STATUS_SIGNAL = 'zhiben.hazard.listingStatus';

export interface HazardActor {
  username: string;
  name: string;
}

/** REQUEST_EXTENSION_UPDATE argument. */
export interface RequestExtensionPayload {
  /** End of the requested day, Asia/Shanghai, as an ISO instant; must be after the current deadline. */
  newDeadlineAt: string;
  reason: string;
  requestedBy: HazardActor;
  /** The ledger's extension-request id, so the decision can be matched to the stored request. */
  extensionId?: string;
  /** Caller's idempotency key (also used as the Temporal update id). */
  requestId?: string;
}

export interface RequestExtensionResult {
  accepted: true;
  /** The `approveExtension` task opened for the officials. */
  taskKey: string;
}

/** PROPOSE_LISTING_UPDATE argument (提请挂牌督办 before the escalation ladder gets there). */
export interface ProposeListingPayload {
  reason: string;
  /** hazards-service adds the proposer's unit; the workflow needs only who it is. */
  proposedBy: HazardActor & { orgUnitCode?: string | null };
  requestId?: string;
}

export interface ProposeListingResult {
  listingId: string;
  workflowId: string;
}

/**
 * Why a hazard Update was rejected: the `ApplicationFailure.type`, with a HazardUpdateRejection as
 * `details[0]` (same shape as the task decide Update's rejections).
 */
export const HAZARD_UPDATE_REJECTIONS = [
  'HazardClosed',
  'NotRectifying',
  'InvalidDeadline',
  'DeadlineNotLater',
  'ReasonRequired',
  'RequesterRequired',
  'ExtensionPending',
  'ListingActive',
  'NotMajorHazard',
] as const;
export type HazardUpdateRejectionType = (typeof HAZARD_UPDATE_REJECTIONS)[number];

export interface HazardUpdateRejection {
  type: HazardUpdateRejectionType;
  field?: string;
  messageZh: string;
  messageEn: string;
}

/** Stage of the rectification workflow (finer than the ledger status). */
export type RectificationStage =
  | 'planning' // submitPlan open
  | 'plan_review' // reviewPlan open
  | 'rectifying' // applyAcceptance, progress reports, deadline and ladder
  | 'acceptance_review' // reviewAcceptance open
  | 'awaiting_delisting' // accepted; the listing must be delisted before close-out
  | 'closeout_review' // approveCloseOut open
  | 'general_fixing' // fixGeneral open
  | 'general_rectifying' // reportGeneralFix open (fix by deadline)
  | 'general_verifying' // verifyGeneral open
  | 'closed';

export interface TimelineEntry {
  at: string;
  type: string;
  summaryZh: string;
  summaryEn: string;
}

export interface OpenTaskView {
  taskKey: string;
  step: string;
  decisions: string[];
}

export interface ListingRef {
  listingId: string;
  workflowId: string;
  status: ListingWorkflowStatus;
}

/** HAZARD_STATE_QUERY result. */
export interface HazardStateView {
  hazardId: string;
  caseRef: string;
  grade: HazardGrade;
  stage: RectificationStage;
  status: HazardStatus;
  /** Current rectification deadline (calendar instant, ISO), once a plan or fix deadline is set. */
  deadlineAt: string | null;
  overdue: boolean;
  escalation: {
    /** Rungs climbed so far, in order. */
    climbed: EscalationRung[];
    /** The last rung climbed (函告/通报/约谈/曝光/挂牌督办), or null. */
    rung: EscalationRung | null;
    /** The next rung and when it falls due, while overdue. */
    next: { rung: EscalationRung; at: string } | null;
  };
  openTasks: OpenTaskView[];
  pendingExtension: (RequestExtensionPayload & { taskKey: string }) | null;
  listing: ListingRef | null;
  /** The latest timeline entries, oldest first (the ledger keeps the full timeline). */
  history: TimelineEntry[];
}

/** What `listedSupervision` returns to its parent (and signals at the end). */
export interface ListingOutcome {
  listingId: string;
  hazardId: string;
  outcome: 'delisted' | 'rejected';
  at: string;
}

/** LISTING_STATUS_SIGNAL argument. */
export interface ListingStatusChange {
  listingId: string;
  hazardId: string;
  status: ListingWorkflowStatus;
  at: string;
  noticeDeadlineAt?: string | null;
}

/** LISTING_STATE_QUERY result. */
export interface ListingStateView {
  listingId: string;
  hazardId: string;
  status: ListingWorkflowStatus;
  noticeDeadlineAt: string | null;
  authority: { code: string; name: string } | null;
  openTasks: OpenTaskView[];
  history: TimelineEntry[];
}

// ---------------------------------------------------------------------------------- enterprise steps

/**
 * Step names (OPEN_TASKS_QUERY `step`) of the enterprise's own tasks; hazards-service completes them with
 * TASK_DECIDE_UPDATE, decision `submit`, when the enterprise submits through the hazards API.
 */
export const HAZARD_ENTERPRISE_STEPS = {
  plan: 'submitPlan',
  progress: 'progressReport',
  acceptance: 'applyAcceptance',
} as const;
export type HazardEnterpriseStep = (typeof HAZARD_ENTERPRISE_STEPS)[keyof typeof HAZARD_ENTERPRISE_STEPS];
export const HAZARD_SUBMIT_DECISION = 'submit';

/** `data` of the decide Update when hazards-service completes an enterprise step. */
export interface HazardSubmissionData {
  /** submitPlan: the stored plan version and its completion deadline (YYYY-MM-DD, 时间要求). */
  planVersion?: number;
  planId?: string;
  deadline?: string;
  /** progressReport */
  progressReportId?: string;
  percentComplete?: number;
  /** applyAcceptance */
  acceptanceApplicationId?: string;
  completedOn?: string;
}

/**
 * 挂牌督办 record lifecycle (processes.md P-03 States): the listed-supervision workflow's statuses
 * (`rejected` = not listed, `overdue` = notice deadline passed) plus `in_progress` and `withdrawn` [design].
 */
export const LISTING_STATUSES = [
  'proposed',
  'rejected',
  'listed',
  'in_progress',
  'overdue',
  'rectification_claimed',
  'verification',
  'delisting_review',
  'delisted',
  'withdrawn',
] as const;
export type ListingStatus = (typeof LISTING_STATUSES)[number];

/** The statuses the listed-supervision workflow moves a listing through (`setListingStatus`). */
export const LISTING_WORKFLOW_STATUSES = [
  'proposed', // 提请挂牌
  'rejected', // 不予挂牌
  'listed', // 已挂牌，督办通知书已下达
  'overdue', // 督办期限已过
  'rectification_claimed', // 企业申请摘牌
  'verification', // 现场核查中
  'delisting_review', // 摘牌销号审批中
  'delisted', // 已摘牌销号
] as const satisfies readonly ListingStatus[];
export type ListingWorkflowStatus = (typeof LISTING_WORKFLOW_STATUSES)[number];

export const HAZARD_STATUS_LABELS: Readonly<Record<HazardStatus, { zh: string; en: string }>> = {
  registered: { zh: '已登记', en: 'Registered' },
  planning: { zh: '待提交整改方案', en: 'Awaiting rectification plan' },
  plan_review: { zh: '方案审核中', en: 'Plan under review' },
  rectifying: { zh: '整改中', en: 'Rectifying' },
  overdue: { zh: '逾期', en: 'Overdue' },
  acceptance_review: { zh: '验收审核中', en: 'Acceptance under review' },
  closeout_review: { zh: '销号审核中', en: 'Close-out under review' },
  closed: { zh: '已销号', en: 'Closed' },
  listed: { zh: '挂牌督办中', en: 'Under listed supervision' },
};

export const LISTING_STATUS_LABELS: Readonly<Record<ListingStatus, { zh: string; en: string }>> = {
  proposed: { zh: '提请挂牌', en: 'Proposed' },
  rejected: { zh: '不予挂牌', en: 'Not listed' },
  listed: { zh: '已挂牌', en: 'Listed' },
  in_progress: { zh: '督办整改中', en: 'In progress' },
  overdue: { zh: '督办逾期', en: 'Overdue' },
  rectification_claimed: { zh: '已报整改完成', en: 'Rectification reported' },
  verification: { zh: '核查中', en: 'Verification' },
  delisting_review: { zh: '摘牌审核中', en: 'Delisting review' },
  delisted: { zh: '已摘牌销号', en: 'Delisted' },
  withdrawn: { zh: '已撤销', en: 'Withdrawn' },
};

/**
 * Ledger event types. Every `recordHazardEvent` lands on the timeline; the types below are also
 * projected into the ledger's tables, with the `data` shapes documented next to them.
 */
export const HAZARD_EVENT_TYPES = {
  registered: 'hazard.registered',
  statusChanged: 'status.changed',
  /** data: DualReportEventData */
  dualReportDiscovery: 'dualReport.discovery',
  /** data: DualReportEventData */
  dualReportRectification: 'dualReport.rectification',
  planSubmitted: 'plan.submitted',
  planApproved: 'plan.approved',
  /** data: PlanReturnedEventData — the reviewer's reasons are kept on the plan version. */
  planReturned: 'plan.returned',
  progressReported: 'progress.reported',
  acceptanceApplied: 'acceptance.applied',
  /** data: AcceptanceReviewEventData */
  acceptancePassed: 'acceptance.passed',
  /** data: AcceptanceReviewEventData */
  acceptanceFailed: 'acceptance.failed',
  /** data: CloseoutEventData — the 销号 record. */
  closeoutApproved: 'closeout.approved',
  extensionRequested: 'extension.requested',
  extensionApproved: 'extension.approved',
  /** data: ExtensionDecisionEventData */
  extensionRejected: 'extension.rejected',
  /** data: SupervisionAssignedEventData — the supervising department resolved by the workflow. */
  supervisionAssigned: 'supervision.assigned',
  /** data: ResponsiblesNotifiedEventData — 通知到主要负责人、实际控制人 (003:122) */
  responsiblesNotified: 'responsibles.notified',
  listingProposed: 'listing.proposed',
  /** data: ListingNoticeEventData — listed; 督办通知书 issued with its deadline */
  listingNotice: 'listing.listed',
  /** data: ListingDelistingEvidenceEventData — the enterprise applies for delisting with evidence */
  listingDelistingEvidence: 'listing.delistingApplied',
  /** data: ListingAnnouncedEventData — public announcement of the delisting result */
  listingAnnounced: 'listing.announced',
  fileUploaded: 'file.uploaded',
} as const;
/** Escalation rungs are recorded as `escalation.<rung>` (EscalationRung), e.g. `escalation.letter`. */
export const escalationEventType = (rung: EscalationRung) => `escalation.${rung}`;
export type HazardEventType = (typeof HAZARD_EVENT_TYPES)[keyof typeof HAZARD_EVENT_TYPES];

export interface DualReportEventData {
  reportedAt?: string;
  recipient?: { code: string; name: string } | null;
  content?: string;
}
export interface PlanReturnedEventData {
  planVersion: number;
  /** 审核意见; when absent the event summary is kept as the reasons. */
  comment?: string;
}
export interface AcceptanceReviewEventData {
  comment?: string;
  /** Defaults to the latest application. */
  applicationId?: string;
}
export interface CloseoutEventData {
  comment?: string;
  authority?: { code: string; name: string } | null;
}
export interface ExtensionDecisionEventData {
  /** Defaults to the latest pending request. */
  extensionId?: string;
  comment?: string;
}
export interface ResponsiblesNotifiedEventData {
  principal?: boolean;
  actualController?: boolean;
}
export interface SupervisionAssignedEventData {
  department: { code: string; name: string } | null;
}
/** `listingId` defaults to the hazard's latest listing in all listing event data. */
export interface ListingNoticeEventData {
  listingId?: string;
  /** 督办通知书 text; when absent the event summary is kept. */
  noticeText?: string;
  noticeDeadlineAt?: string | null;
  authority?: { code: string; name: string } | null;
}
export interface ListingAnnouncedEventData {
  listingId?: string;
  text?: string;
}
export interface ListingDelistingEvidenceEventData {
  listingId?: string;
  attachments?: string[];
  comment?: string;
}

// ---------------------------------------------------------------------------------------------- DTOs

export interface HazardDto {
  id: string;
  caseRef: string;
  title: string;
  source: HazardSource;
  grade: HazardGrade;
  status: HazardStatus;
  category: string | null;
  description: string;
  location: string;
  enterprise: { creditCode: string; name: string };
  sector: string;
  town: { code: string; name: string };
  supervisingDepartment: { code: string; name: string } | null;
  standard: { catalogueId: string; clauseId: string; titleZh: string | null } | null;
  foundOn: string;
  foundBy: string;
  principal: HazardPerson | null;
  actualController: HazardPerson | null;
  rectificationOwner: HazardPerson | null;
  principalNotifiedAt: string | null;
  actualControllerNotifiedAt: string | null;
  interimMeasures: string | null;
  rectificationDeadline: string | null;
  overdue: boolean;
  closedAt: string | null;
  rulesVersion: number;
  workflow: { id: string; started: boolean };
  createdBy: HazardActor;
  version: number;
  createdAt: string;
  updatedAt: string;
}

export interface HazardEventDto {
  seq: number;
  type: string;
  summaryZh: string;
  summaryEn: string;
  actor: HazardActor | null;
  data: Record<string, unknown>;
  occurredAt: string;
}

export interface HazardFileDto {
  id: string;
  hazardId: string;
  kind: string;
  fileName: string;
  contentType: string;
  sizeBytes: number;
  sha256: string;
  uploadedBy: HazardActor;
  createdAt: string;
}

export interface ListingDto {
  id: string;
  hazardId: string;
  caseRef: string;
  title: string;
  enterprise: { creditCode: string; name: string };
  town: { code: string; name: string };
  authority: { code: string; name: string } | null;
  status: ListingStatus;
  reason: string;
  proposedBy: string;
  noticeDeadlineAt: string | null;
  noticeText: string | null;
  overdue: boolean;
  delistedAt: string | null;
  publicAnnouncementAt: string | null;
  publicAnnouncementText: string | null;
  delistingEvidence: { fileIds: string[]; note: string | null };
  createdAt: string;
  updatedAt: string;
}

export interface HazardStandardClauseDto {
  id: string;
  article: string;
  item: string;
  groupZh: string;
  groupEn: string;
  textZh: string;
  /** false where the wording is reconstructed and not yet checked against the official text. */
  verified: boolean;
}

export interface HazardStandardDto {
  id: string;
  titleZh: string;
  titleEn: string;
  instrument: string;
  effectiveFrom: string;
  sectors: string[];
  clauseCount: number;
}

export const HAZARD_SOURCE_LABELS: Readonly<Record<HazardSource, { zh: string; en: string }>> = {
  SelfInspection: { zh: '企业自查', en: 'Enterprise self-inspection' },
  EnforcementInspection: { zh: '执法检查', en: 'Enforcement inspection' },
  SupervisoryInspection: { zh: '督导检查', en: 'Supervisory inspection' },
  PublicReport: { zh: '群众举报', en: 'Public report' },
  CovertInspection: { zh: '明查暗访', en: 'Covert inspection' },
  AccidentLesson: { zh: '举一反三', en: 'Lesson from an accident elsewhere' },
  SystemDetection: { zh: '系统监测', en: 'System detection' },
};

export const HAZARD_GRADE_LABELS: Readonly<Record<HazardGrade, { zh: string; en: string }>> = {
  general: { zh: '一般事故隐患', en: 'General hazard' },
  major: { zh: '重大事故隐患', en: 'Major accident hazard' },
};
