/**
 * The hazard ledger (隐患台账) as hazards-service serves it; mirrors libs/contracts/src/hazards.ts by
 * hand (the console imports no server code).
 */

/** 隐患来源 (processes.md P-02 "Discovery channels"). */
export const HAZARD_SOURCES = [
  'SelfInspection',
  'EnforcementInspection',
  'SupervisoryInspection',
  'PublicReport',
  'CovertInspection',
  'AccidentLesson',
  'SystemDetection',
] as const;
export type HazardSource = (typeof HAZARD_SOURCES)[number];

export const HAZARD_GRADES = ['general', 'major'] as const;
export type HazardGrade = (typeof HAZARD_GRADES)[number];

/** Ledger status, derived from the workflow's progress (P-02 States). */
export const HAZARD_STATUSES = [
  'registered',
  'planning',
  'plan_review',
  'rectifying',
  'overdue',
  'acceptance_review',
  'closeout_review',
  'closed',
  'listed',
] as const;
export type HazardStatus = (typeof HAZARD_STATUSES)[number];

/**
 * A hazard as the detail pages use it. react-admin seeds its per-record cache from list pages, so a
 * detail page can first render a list row (without plans, files, timeline…) until the detail arrives:
 * the related records default to empty rather than crash the page.
 */
export const asDetail = (hazard: Hazard | HazardDetail): HazardDetail => {
  const detail = hazard as Partial<HazardDetail> & Hazard;
  return {
    ...detail,
    plans: detail.plans ?? [],
    progressReports: detail.progressReports ?? [],
    acceptanceApplications: detail.acceptanceApplications ?? [],
    acceptanceReviews: detail.acceptanceReviews ?? [],
    dualReports: detail.dualReports ?? [],
    extensionRequests: detail.extensionRequests ?? [],
    closeout: detail.closeout ?? null,
    listings: detail.listings ?? [],
    files: detail.files ?? [],
    timeline: detail.timeline ?? [],
  };
};

/** 主要负责人, 实际控制人, 整改责任人, 验收人… */
export interface HazardPerson {
  name: string;
  phone?: string;
  title?: string;
}

export interface HazardActor {
  username: string;
  name: string;
}

/** A ledger row (`GET /api/hazards/hazards/:id`, HazardDto in libs/contracts). */
export interface Hazard {
  id: string;
  /** 台账编号, shown to people and used as the tasks' case reference. */
  caseRef: string;
  title: string;
  source: HazardSource;
  grade: HazardGrade;
  status: HazardStatus;
  /** 隐患类别 */
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
  interimMeasures: string | null;
  rectificationDeadline: string | null;
  overdue: boolean;
  closedAt: string | null;
  workflow: { id: string; started: boolean };
  createdBy: HazardActor;
  version: number;
  createdAt: string;
  updatedAt: string;
}

/** `GET /api/hazards/hazards/:id`: the ledger row with everything recorded about the case. */
export interface HazardDetail extends Hazard {
  plans: RectificationPlan[];
  progressReports: ProgressReportView[];
  acceptanceApplications: AcceptanceApplicationView[];
  acceptanceReviews: AcceptanceReviewView[];
  dualReports: DualReport[];
  extensionRequests: ExtensionRequestView[];
  closeout: CloseoutView | null;
  listings: Listing[];
  files: HazardFile[];
  timeline: HazardEvent[];
}

export const PLAN_STATUSES = [
  'draft',
  'submitted',
  'approved',
  'returned',
  'superseded',
  'rejected',
] as const;

/**
 * 重大事故隐患治理方案, one version: the six items of 16号令 第十五条 (目标任务, 方法措施, 经费物资,
 * 机构人员, 时间要求, 安全措施和应急预案) and the 验收人.
 */
export interface RectificationPlan {
  id?: string;
  planVersion: number;
  status: (typeof PLAN_STATUSES)[number] | string;
  /** 目标任务 */
  targets: string;
  /** 方法措施 */
  measures: string;
  /** 经费物资 */
  fundsAndMaterials: string;
  fundsAmountYuan: number | string | null;
  /** 机构人员 */
  organisationAndPeople: string;
  responsiblePerson: HazardPerson;
  /** 时间要求: completion date (YYYY-MM-DD), the deadline once approved. */
  deadline: string;
  timeRequirements: string | null;
  /** 安全措施 */
  safetyMeasures: string;
  /** 应急预案 */
  emergencyPlan: string;
  /** 验收人 */
  acceptor: HazardPerson;
  acceptanceCriteria: string | null;
  executor: HazardPerson | null;
  attachments: string[];
  submittedBy: HazardActor;
  submittedAt: string;
  reviewedBy: HazardActor | null;
  reviewedAt: string | null;
  reviewComment: string | null;
  rejectionReason: string | null;
}

/** 双报告: discovery (#1) and rectification (#2) reports to the supervising department. */
export interface DualReport {
  kind: 'discovery' | 'rectification';
  reportedAt: string;
  reportedBy: HazardActor | null;
  recipient: { code: string; name: string } | null;
  content: string | null;
}

/** Progress reports, acceptance applications: `rejected` when the workflow refused the submission. */
interface Submission {
  id: string;
  seq: number;
  summary: string;
  attachments: string[];
  status: string;
  rejectionReason: string | null;
  submittedBy: HazardActor;
  submittedAt: string;
}

export interface ProgressReportView extends Submission {
  percentComplete: number;
  interimControlsEffective: boolean;
}

export interface AcceptanceApplicationView extends Submission {
  completedOn: string;
  selfCheck: string | null;
}

export interface AcceptanceReviewView {
  id: string;
  applicationId: string | null;
  decision: string;
  comment: string | null;
  reviewedBy: HazardActor | null;
  reviewedAt: string;
}

export interface ExtensionRequestView {
  id: string;
  requestedDeadlineAt: string;
  previousDeadlineAt: string | null;
  reason: string;
  status: string;
  decidedBy: HazardActor | null;
  decidedAt: string | null;
  decisionComment: string | null;
  rejectionReason: string | null;
  requestedBy: HazardActor;
  requestedAt: string;
}

/** 销号 record. */
export interface CloseoutView {
  authority: { code: string; name: string } | null;
  approvedBy: HazardActor | null;
  comment: string | null;
  closedAt: string;
}

export const HAZARD_FILE_KINDS = [
  'evidence',
  'plan',
  'progress',
  'acceptance',
  'delisting',
  'other',
] as const;
export type HazardFileKind = (typeof HAZARD_FILE_KINDS)[number];

/** Evidence file metadata (HazardFileDto). */
export interface HazardFile {
  id: string;
  hazardId: string;
  kind: HazardFileKind | string;
  fileName: string;
  contentType: string;
  sizeBytes: number;
  uploadedBy: HazardActor;
  createdAt: string;
}

/** One line of the hazard's readable timeline (HazardEventDto). */
export interface HazardEvent {
  seq: number;
  type: string;
  summaryZh: string;
  summaryEn: string;
  actor: HazardActor | null;
  data: Record<string, unknown>;
  occurredAt: string;
}

/** A 判定标准 catalogue (HazardStandardDto). */
export interface HazardStandard {
  id: string;
  titleZh: string;
  titleEn: string;
  instrument: string;
  effectiveFrom: string;
  sectors: string[];
  clauseCount: number;
}

export interface HazardClause {
  id: string;
  article: string;
  item: string;
  groupZh: string;
  groupEn: string;
  textZh: string;
  verified: boolean;
}

/** The ledger's listing statuses and the workflow's (which adds 不予挂牌 and 督办逾期). */
export const LISTING_STATUSES = [
  'proposed',
  'listed',
  'in_progress',
  'overdue',
  'rectification_claimed',
  'verification',
  'delisting_review',
  'delisted',
  'rejected',
  'withdrawn',
] as const;
export type ListingStatus = (typeof LISTING_STATUSES)[number];

/** 挂牌督办 record (ListingDto). */
export interface Listing {
  id: string;
  hazardId: string;
  caseRef: string;
  title: string;
  enterprise: { creditCode: string; name: string };
  town: { code: string; name: string };
  /** 挂牌督办单位 */
  authority: { code: string; name: string } | null;
  status: ListingStatus;
  reason: string;
  proposedBy: string;
  /** 督办通知书 deadline. */
  noticeDeadlineAt: string | null;
  noticeText: string | null;
  overdue: boolean;
  delistedAt: string | null;
  publicAnnouncementAt: string | null;
  publicAnnouncementText: string | null;
  createdAt: string;
  updatedAt: string;
}

/** Steps where the enterprise acts through the hazards API (the service completes the task). */
export const HAZARD_ENTERPRISE_STEPS = {
  submitPlan: 'plan',
  progressReport: 'progress',
  applyAcceptance: 'acceptance',
} as const;
