import { defineQuery, defineSignal, defineUpdate } from '@temporalio/workflow';
import type { EscalationRung, HazardGrade, HazardStatus } from '@zhiben/contracts';

/**
 * Messages of the hazard workflows, shared by the workflows and their callers (hazards-service,
 * console). Names are the wire contract: callers that cannot import this file use the strings.
 */
export const REQUEST_EXTENSION_UPDATE = 'zhiben.hazard.requestExtension';
export const PROPOSE_LISTING_UPDATE = 'zhiben.hazard.proposeListing';
export const HAZARD_STATE_QUERY = 'hazardState';
export const LISTING_STATE_QUERY = 'listingState';
/**
 * Sent by `listedSupervision` to its hazard's workflow whenever the listing changes status (listed,
 * delisted, rejected). A signal to the workflow id reaches the hazard across continue-as-new.
 */
export const LISTING_STATUS_SIGNAL = 'zhiben.hazard.listingStatus';

export interface Person {
  username: string;
  name: string;
}

/** 延期申请: the enterprise asks to move the rectification deadline. */
export interface RequestExtensionInput {
  /** ISO instant; must be after the current deadline. */
  newDeadlineAt: string;
  reason: string;
  requestedBy: Person;
}

export interface RequestExtensionResult {
  accepted: true;
  /** The `approveExtension` task opened for the officials. */
  taskKey: string;
}

/** 提请挂牌督办: an official proposes listed supervision before the ladder gets there. */
export interface ProposeListingInput {
  reason: string;
  proposedBy: Person;
}

export interface ProposeListingResult {
  listingId: string;
  workflowId: string;
}

/**
 * Why a hazard Update was rejected: the `ApplicationFailure.type`, with this object as `details[0]`
 * (same shape as the task decide Update's rejections).
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

/** Listing statuses (P-03), as `setListingStatus` records them. */
export const LISTING_STATUSES = [
  'proposed', // 提请挂牌
  'rejected', // 不予挂牌
  'listed', // 已挂牌，督办通知书已下达
  'overdue', // 督办期限已过
  'rectification_claimed', // 企业申请摘牌
  'verification', // 现场核查中
  'delisting_review', // 摘牌销号审批中
  'delisted', // 已摘牌销号
] as const;
export type ListingStatus = (typeof LISTING_STATUSES)[number];

export interface ListingRef {
  listingId: string;
  workflowId: string;
  status: ListingStatus;
}

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
  pendingExtension: (RequestExtensionInput & { taskKey: string }) | null;
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

export interface ListingStatusChange {
  listingId: string;
  hazardId: string;
  status: ListingStatus;
  at: string;
  noticeDeadlineAt?: string | null;
}

export interface ListingStateView {
  listingId: string;
  hazardId: string;
  status: ListingStatus;
  noticeDeadlineAt: string | null;
  authority: { code: string; name: string } | null;
  openTasks: OpenTaskView[];
  history: TimelineEntry[];
}

export const requestExtensionUpdate = defineUpdate<RequestExtensionResult, [RequestExtensionInput]>(
  REQUEST_EXTENSION_UPDATE,
);
export const proposeListingUpdate = defineUpdate<ProposeListingResult, [ProposeListingInput]>(
  PROPOSE_LISTING_UPDATE,
);
export const hazardStateQuery = defineQuery<HazardStateView>(HAZARD_STATE_QUERY);
export const listingStateQuery = defineQuery<ListingStateView>(LISTING_STATE_QUERY);
export const listingStatusSignal = defineSignal<[ListingStatusChange]>(LISTING_STATUS_SIGNAL);
