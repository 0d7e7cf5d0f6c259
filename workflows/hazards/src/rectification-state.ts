import type { EscalationRung, HazardGrade, HazardStatus } from '@zhiben/contracts/workflow';
import type { HazardStep } from './hazard-steps';
import type {
  HazardUpdateRejection,
  ListingRef,
  ListingStatus,
  ProposeListingInput,
  RectificationStage,
  RequestExtensionInput,
  TimelineEntry,
} from './hazard.messages';
import { LADDER_START, parseInstant, type LadderProgress, type Mark } from './schedule';

/** How many timeline entries the workflow keeps for its query (the ledger keeps them all). */
export const HISTORY_LIMIT = 30;

export interface Authority {
  code: string;
  name: string;
}

/**
 * Everything the rectification workflow knows, in one serialisable object: it is the query's source
 * and what continue-as-new carries to the next run.
 */
export interface RectificationState {
  stage: RectificationStage;
  /** Sequence behind every event key (`${workflowId}:${step}:${seq}`). */
  seq: number;
  /** Visits per step: the next task of a step is `<step>#<visits + 1>`. */
  visits: Partial<Record<HazardStep, number>>;
  planVersion: number | null;
  deadline: Mark | null;
  /** Bumped whenever the deadline moves, so timers waiting on the old one re-arm. */
  deadlineVersion: number;
  overdue: boolean;
  ladder: LadderProgress;
  climbed: EscalationRung[];
  pendingExtension: (RequestExtensionInput & { taskKey: string }) | null;
  listing: ListingRef | null;
  /** Listings started over the hazard's life (idempotency of createListing). */
  listingsStarted: number;
  /** `${status}|${deadlineAt}` last sent to the ledger. */
  lastPublished: string | null;
  history: TimelineEntry[];
  /** Org unit names already looked up, for readable timeline texts. */
  names: Record<string, string>;
  authorities: { listing?: Authority | null; closeOut?: Authority | null };
}

export function initialState(grade: HazardGrade): RectificationState {
  return {
    stage: grade === 'general' ? 'general_fixing' : 'planning',
    seq: 0,
    visits: {},
    planVersion: null,
    deadline: null,
    deadlineVersion: 0,
    overdue: false,
    ladder: LADDER_START,
    climbed: [],
    pendingExtension: null,
    listing: null,
    listingsStarted: 0,
    lastPublished: null,
    history: [],
    names: {},
    authorities: {},
  };
}

/** A listing that is in force (approved and not yet delisted) puts the hazard under 挂牌督办. */
export function listingInForce(listing: ListingRef | null): boolean {
  return listing !== null && (listing.status === 'listed' || isListingWorking(listing.status));
}

function isListingWorking(status: ListingStatus): boolean {
  return (
    status === 'overdue' ||
    status === 'rectification_claimed' ||
    status === 'verification' ||
    status === 'delisting_review'
  );
}

/** A listing that still blocks close-out: proposed or in force. */
export function listingOpen(listing: ListingRef | null): boolean {
  return listing !== null && listing.status !== 'rejected' && listing.status !== 'delisted';
}

/** The ledger status (HazardStatus) a stage shows, given the side states 逾期 and 挂牌督办. */
export function ledgerStatus(stage: RectificationStage, overdue: boolean, listed: boolean): HazardStatus {
  switch (stage) {
    case 'planning':
      return 'planning';
    case 'plan_review':
      return 'plan_review';
    case 'rectifying':
      return listed ? 'listed' : overdue ? 'overdue' : 'rectifying';
    case 'general_fixing':
      return 'rectifying';
    case 'general_rectifying':
      return overdue ? 'overdue' : 'rectifying';
    case 'acceptance_review':
    case 'general_verifying':
      return 'acceptance_review';
    case 'awaiting_delisting':
      return 'listed';
    case 'closeout_review':
      return 'closeout_review';
    case 'closed':
      return 'closed';
  }
}

export function statusOf(state: RectificationState): HazardStatus {
  return ledgerStatus(state.stage, state.overdue, listingInForce(state.listing));
}

/** The next task key of a step (and counts the visit). */
export function nextTaskKey(
  state: { visits: Partial<Record<HazardStep, number>> },
  step: HazardStep,
): string {
  const visit = (state.visits[step] ?? 0) + 1;
  state.visits[step] = visit;
  return `${step}#${visit}`;
}

/** Deterministic idempotency key of the next event or status change. */
export function nextEventKey(state: { seq: number }, workflowId: string, step: string): string {
  state.seq += 1;
  return `${workflowId}:${step}:${state.seq}`;
}

export function pushHistory(history: TimelineEntry[], entry: TimelineEntry, limit = HISTORY_LIMIT): void {
  history.push(entry);
  if (history.length > limit) history.splice(0, history.length - limit);
}

const reject = (
  type: HazardUpdateRejection['type'],
  messageZh: string,
  messageEn: string,
  field?: string,
): HazardUpdateRejection => (field ? { type, field, messageZh, messageEn } : { type, messageZh, messageEn });

function personMissing(p: unknown): boolean {
  const person = p as { username?: unknown; name?: unknown } | null | undefined;
  return (
    typeof person?.username !== 'string' || person.username.trim() === '' || typeof person.name !== 'string'
  );
}

/** Why a 延期申请 must be rejected, or null to accept it. */
export function validateExtensionRequest(
  state: RectificationState,
  input: Partial<RequestExtensionInput> | undefined,
): HazardUpdateRejection | null {
  if (state.stage === 'closed') {
    return reject('HazardClosed', '隐患已销号，不能申请延期', 'The hazard is closed; no extension possible');
  }
  if (state.stage !== 'rectifying' || state.deadline === null) {
    return reject(
      'NotRectifying',
      '隐患不在整改阶段（尚无整改期限），不能申请延期',
      'The hazard is not being rectified (no deadline yet); no extension possible',
    );
  }
  if (state.pendingExtension) {
    return reject(
      'ExtensionPending',
      '已有延期申请正在审批，请等待审批结果',
      'An extension request is already pending',
    );
  }
  if (personMissing(input?.requestedBy)) {
    return reject('RequesterRequired', '缺少申请人', 'requestedBy is required', 'requestedBy');
  }
  if (typeof input?.reason !== 'string' || input.reason.trim() === '') {
    return reject('ReasonRequired', '请填写延期理由', 'A reason is required', 'reason');
  }
  const newMs = parseInstant(input.newDeadlineAt);
  if (newMs === null) {
    return reject(
      'InvalidDeadline',
      '新的整改期限不是有效时间',
      'newDeadlineAt is not a valid instant',
      'newDeadlineAt',
    );
  }
  if (newMs <= state.deadline.atMs) {
    return reject(
      'DeadlineNotLater',
      '新的整改期限须晚于当前整改期限',
      'The new deadline must be after the current one',
      'newDeadlineAt',
    );
  }
  return null;
}

/** Why a 挂牌督办 proposal must be rejected, or null to accept it. */
export function validateListingProposal(
  state: RectificationState,
  grade: HazardGrade,
  input: Partial<ProposeListingInput> | undefined,
): HazardUpdateRejection | null {
  if (state.stage === 'closed') {
    return reject('HazardClosed', '隐患已销号，不能提请挂牌督办', 'The hazard is closed');
  }
  if (grade !== 'major') {
    return reject(
      'NotMajorHazard',
      '挂牌督办仅适用于重大事故隐患',
      'Listed supervision applies to major hazards only',
    );
  }
  if (state.listing !== null && state.listing.status !== 'rejected') {
    return reject('ListingActive', '该隐患已提请或已挂牌督办', 'The hazard is already proposed or listed');
  }
  if (personMissing(input?.proposedBy)) {
    return reject('RequesterRequired', '缺少提请人', 'proposedBy is required', 'proposedBy');
  }
  if (typeof input?.reason !== 'string' || input.reason.trim() === '') {
    return reject('ReasonRequired', '请填写提请挂牌督办的理由', 'A reason is required', 'reason');
  }
  return null;
}
