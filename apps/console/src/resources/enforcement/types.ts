import type {
  ChecklistLineDto,
  ChecklistResult,
  EnforcementActionDto,
  EnforcementActionKind,
  EnforcementActor,
  EnforcementCaseStage,
  EnforcementEventDto,
  FindingDto,
  HazardGrade,
  InspectionDto,
  InspectionKind,
  InspectionPlanDto,
  InspectionStatus,
  PenaltyCaseDto,
  PenaltyParty,
  PenaltyPartyKind,
  ReferralDeadlineKind,
  ReferralDeadlineView,
  ReferralDocumentDto,
  ReferralDocumentKind,
  ReferralDto,
  ReferralStage,
  SuspectedCrime,
} from '@zhiben/contracts';

/**
 * The enforcement context (执法检查, 行政处罚, 行刑衔接) as enforcement-service serves it behind
 * `/api/enforcement`: the DTOs and zod-free constants of `@zhiben/contracts` (enforcement.ts), and the
 * request bodies the console sends (console views until the service's zod schemas land in
 * `enforcement-api.ts`; `import type` only there, so zod stays out of the bundle).
 */

export {
  ENFORCEMENT_ACTION_KINDS,
  ENFORCEMENT_CASE_STAGES,
  INSPECTION_KINDS,
  INSPECTION_STATUSES,
  PENALTY_PARTY_KINDS,
  REFERRAL_DEADLINE_KINDS,
  REFERRAL_DECISIONS,
  REFERRAL_DOCUMENT_KINDS,
  REFERRAL_STAGES,
  REFERRAL_STEPS,
  SUSPECTED_CRIMES,
} from '@zhiben/contracts';
export type {
  ChecklistLineDto,
  ChecklistResult,
  EnforcementActionDto,
  EnforcementActionKind,
  EnforcementActor,
  EnforcementCaseStage,
  EnforcementEventDto,
  FindingDto,
  HazardGrade,
  InspectionKind,
  InspectionStatus,
  PenaltyParty,
  PenaltyPartyKind,
  ReferralDeadlineKind,
  ReferralDeadlineView,
  ReferralDocumentDto,
  ReferralDocumentKind,
  ReferralStage,
  SuspectedCrime,
};

export type Inspection = InspectionDto;
export type InspectionPlan = InspectionPlanDto;
export type PenaltyCase = PenaltyCaseDto;
export type Referral = ReferralDto;

/**
 * The referral board (`GET /referrals/board`): open referrals, each with its clocks (the service's
 * `ReferralBoardRow`s, normalised to `data`), and its counts.
 */
export interface ReferralBoard {
  data: ReferralBoardRow[];
  open?: number;
  overdue?: number;
  /** When the server computed the board (its calendar "now"), when it says. */
  calendarNow?: string;
}

/** A board row: the referral's head and its deadlines (each also with the server's status). */
export type ReferralBoardRow = Pick<
  Referral,
  'id' | 'referralNo' | 'title' | 'stage' | 'enterprise' | 'department' | 'suspects' | 'overdue' | 'deadlines'
>;

/** A file stored by enforcement-service (inspection photos). */
export interface EnforcementFile {
  id: string;
  fileName: string;
  contentType: string;
  size: number;
}

// ------------------------------------------------------------------------------ request bodies
/** POST /plans. */
export interface InspectionPlanInput {
  title: string;
  kind: InspectionKind;
  period: { from: string; to: string };
  /** The planned targets (credit codes); a 双随机 plan draws them instead. */
  enterpriseCreditCodes: string[];
}

/** POST /plans/:id/draw: how many enterprises, from which inspector pool, how many inspectors each. */
export interface InspectionDrawInput {
  enterpriseCount: number;
  inspectorPool: InspectorInput[];
  inspectorsPerInspection: number;
  sector?: string;
  seed?: string;
}

export interface InspectorInput {
  username: string;
  name: string;
  certificateNo?: string;
}

/** POST /inspections: a planned (or, for 四不两直/明查暗访, an immediate) inspection. */
export interface InspectionInput {
  kind: InspectionKind;
  enterpriseCreditCode: string;
  planId?: string;
  plannedOn?: string;
  inspectors: InspectorInput[];
}

/** A finding as recorded on site (becomes a hazard with source 执法检查). */
export interface FindingInput {
  description: string;
  grade: HazardGrade;
  catalogueId?: string;
  clauseId?: string;
  location?: string;
  photos: string[];
  /** 责令限期整改 deadline (YYYY-MM-DD); absent when removed on the spot. */
  rectifyBy?: string;
  stopOrdered: boolean;
}

/** POST /inspections/:id/record: the record; findings become hazards. Signatures follow (…/sign). */
export interface InspectionRecordInput {
  inspectedAt: string;
  checklist: {
    catalogueId?: string;
    clauseId?: string;
    item: string;
    result: ChecklistResult;
    note?: string;
  }[];
  findings: FindingInput[];
  principalDutiesChecked: boolean;
  responsiblePersonsChecked: boolean;
}

/** POST /cases: 立案 from an inspection. */
export interface OpenCaseInput {
  inspectionId: string;
  title: string;
  officers: EnforcementActor[];
}

/** POST /cases/:id/actions: a recorded measure or order. */
export interface CaseActionInput {
  kind: EnforcementActionKind;
  detail: string;
  deadlineAt?: string;
  amountYuan?: number;
}

/** POST /cases/:id/reinspection-application: the enterprise applies for 整改复查 before the deadline. */
export interface ReinspectionApplicationInput {
  note: string;
  evidence?: string[];
}

/** POST /referrals. */
export interface ReferralInput {
  caseId?: string;
  enterpriseCreditCode?: string;
  title: string;
  suspectedCrime: SuspectedCrime;
  suspects: number;
}

/** POST /referrals/:id/submit: the team's package (documents were uploaded one by one before). */
export interface ReferralSubmission {
  reportedAt: string;
  officers: EnforcementActor[];
}

/** POST /referrals/:id/steps/:step: the liaison's record of a police or procuratorate answer. */
export interface ReferralStepInput {
  decision: string;
  comment?: string;
  data: Record<string, unknown>;
}
