import {
  HAZARD_ENTERPRISE_STEPS,
  type HazardActor,
  type HazardDto,
  type HazardEnterpriseStep,
  type HazardEventDto,
  type HazardFileDto,
  type HazardStandardClauseDto,
  type HazardStandardDto,
  type ListingDto,
} from '@zhiben/contracts';

/**
 * The hazard ledger (隐患台账) as hazards-service serves it: the DTOs of `@zhiben/contracts` (hazards.ts),
 * and console views of the detail records the contracts do not type yet.
 */

export { HAZARD_GRADES, HAZARD_SOURCES, HAZARD_STATUSES, LISTING_STATUSES } from '@zhiben/contracts';
export type { HazardGrade, HazardSource, HazardStatus, ListingStatus } from '@zhiben/contracts';
export type { HazardActor };

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

/** A ledger row (`GET /api/hazards/hazards`). */
export type Hazard = HazardDto;

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

/** Evidence file metadata. */
export type HazardFile = HazardFileDto;

/** One line of the hazard's readable timeline. */
export type HazardEvent = HazardEventDto;

/** A 判定标准 catalogue. */
export type HazardStandard = HazardStandardDto;

export type HazardClause = HazardStandardClauseDto;

/** 挂牌督办 record. */
export type Listing = ListingDto;

/** Steps where the enterprise acts through the hazards API (the service completes the task). */
export const isHazardEnterpriseStep = (step: string | null): step is HazardEnterpriseStep =>
  (Object.values(HAZARD_ENTERPRISE_STEPS) as readonly string[]).includes(step ?? '');
