import { z } from 'zod';
import { civilDateSchema } from './directory';
import { sectorCodeSchema } from './sectors';
import type { CandidateRule, DurationSpec } from './tasks';
import { usccSchema } from './uscc';

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

/** Update the hazard workflow handles for 延期申请 (enterprise asks for a later rectification deadline). */
export const REQUEST_EXTENSION_UPDATE = 'zhiben.hazard.requestExtension';
/** Update the hazard workflow handles when an official proposes 挂牌督办 by hand. */
export const PROPOSE_LISTING_UPDATE = 'zhiben.hazard.proposeListing';

export interface HazardActor {
  username: string;
  name: string;
}

export interface RequestExtensionPayload {
  /** End of the requested day, Asia/Shanghai, as an ISO instant. */
  newDeadlineAt: string;
  reason: string;
  requestedBy: HazardActor;
  /** The ledger's extension-request id, so the decision can be matched to the stored request. */
  extensionId?: string;
  /** Caller's idempotency key (also used as the Temporal update id). */
  requestId?: string;
}

export interface ProposeListingPayload {
  reason: string;
  proposedBy: HazardActor & { orgUnitCode: string | null };
  requestId?: string;
}

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

// ---------------------------------------------------------------------------------------------- API

const msg = (zh: string, en: string) => ({ message: `${zh} / ${en}` });
const text = (max: number) =>
  z
    .string(msg('须为文本', 'Must be a string'))
    .trim()
    .min(1, msg('不能为空', 'Must not be empty'))
    .max(max, msg(`不能超过 ${max} 个字符`, `At most ${max} characters`));
const uuid = z.uuid(msg('必须是合法的 UUID', 'Must be a UUID'));
const phone = z
  .string()
  .trim()
  .regex(/^[0-9+\-() ]{5,30}$/, msg('电话号码格式无效', 'Invalid phone number'));

export const hazardPersonSchema = z.strictObject({ name: text(50), phone: phone.optional() });
export type HazardPerson = z.infer<typeof hazardPersonSchema>;

export const hazardSourceSchema = z.enum(
  HAZARD_SOURCES,
  msg(
    `隐患来源无效，可选：${HAZARD_SOURCES.join('、')}`,
    `Invalid source; one of ${HAZARD_SOURCES.join(', ')}`,
  ),
);
export const hazardGradeSchema = z.enum(
  HAZARD_GRADES,
  msg('隐患等级须为 general（一般）或 major（重大）', 'Grade must be general or major'),
);
export const hazardStatusSchema = z.enum(
  HAZARD_STATUSES,
  msg(
    `状态无效，可选：${HAZARD_STATUSES.join('、')}`,
    `Invalid status; one of ${HAZARD_STATUSES.join(', ')}`,
  ),
);
export const listingStatusSchema = z.enum(
  LISTING_STATUSES,
  msg(
    `状态无效，可选：${LISTING_STATUSES.join('、')}`,
    `Invalid status; one of ${LISTING_STATUSES.join(', ')}`,
  ),
);

const attachments = z.array(uuid).max(20, msg('附件最多 20 个', 'At most 20 attachments')).default([]);

/** POST /hazards — register a hazard in the ledger (台账) and start its rectification workflow. */
export const registerHazardSchema = z
  .strictObject({
    /** Required for officials; an enterprise registers for itself (may be omitted). */
    enterpriseCreditCode: usccSchema.optional(),
    /** Enterprises register 企业自查 (SelfInspection) only; officials any source. */
    source: hazardSourceSchema.optional(),
    grade: hazardGradeSchema,
    title: text(100),
    /** 隐患类别 (004:171) */
    category: text(50).optional(),
    /** 隐患详述 */
    description: text(4000),
    location: text(300),
    /** The 判定标准 clause the hazard was judged under (required for 重大 hazards). */
    standard: z.strictObject({ catalogueId: text(100), clauseId: text(50) }).optional(),
    foundOn: civilDateSchema,
    /** 发现人; defaults to the caller. */
    foundBy: text(50).optional(),
    /** 主要负责人; defaults to the enterprise's principal in the directory. */
    principal: hazardPersonSchema.optional(),
    /** 实际控制人 */
    actualController: hazardPersonSchema.optional(),
    /** 整改责任人 */
    rectificationOwner: hazardPersonSchema.optional(),
    /** 临时性保护措施 (004:169) */
    interimMeasures: text(2000).optional(),
    /** Test/demo facility: milliseconds per day for the workflow's timers. Accepted from sys-admin only. */
    clockMsPerDay: z
      .number(msg('须为数字', 'Must be a number'))
      .int(msg('须为整数', 'Must be an integer'))
      .min(100, msg('不能小于 100', 'Must be at least 100'))
      .max(86_400_000, msg('不能大于 86400000', 'Must be at most 86400000'))
      .optional(),
  })
  .superRefine((v, ctx) => {
    if (v.grade === 'major' && !v.standard) {
      ctx.addIssue({
        code: 'custom',
        path: ['standard'],
        ...msg(
          '重大事故隐患须注明判定标准及条款',
          'A major hazard must cite the standard clause it was judged under',
        ),
      });
    }
  });
export type RegisterHazard = z.infer<typeof registerHazardSchema>;

/**
 * POST /hazards/:id/plan — 重大事故隐患治理方案: the six elements of 16号令 第十五条 (regulations.md B1),
 * which also carry the 五落实 (measures, responsibility, funds, deadline, contingency plan; 000:39), plus
 * the named acceptor (五定 定整改验收人, 004:408).
 */
export const submitPlanSchema = z.strictObject({
  /** 目标任务 */
  targets: text(2000),
  /** 方法措施 */
  measures: text(4000),
  /** 经费物资 */
  fundsAndMaterials: text(2000),
  fundsAmountYuan: z
    .number(msg('须为数字', 'Must be a number'))
    .nonnegative(msg('不能为负数', 'Must not be negative'))
    .max(1e12, msg('金额过大', 'Amount too large'))
    .optional(),
  /** 机构人员 */
  organisationAndPeople: text(2000),
  /** 整改责任人 (定整改责任人) */
  responsiblePerson: hazardPersonSchema,
  /** 时间要求: the completion date that becomes the rectification deadline once approved. */
  deadline: civilDateSchema,
  /** 时间要求: milestones in words. */
  timeRequirements: text(2000).optional(),
  /** 安全措施 (incl. interim protective measures while rectifying) */
  safetyMeasures: text(4000),
  /** 应急预案 */
  emergencyPlan: text(4000),
  /** 验收人 */
  acceptor: z.strictObject({ name: text(50), title: text(50).optional(), phone: phone.optional() }),
  /** 整改验收标准 (004:169) */
  acceptanceCriteria: text(2000).optional(),
  /** 定整改完成人 (004:408) */
  executor: hazardPersonSchema.optional(),
  attachments,
});
export type SubmitPlan = z.infer<typeof submitPlanSchema>;

/** POST /hazards/:id/progress — periodic progress report while rectifying. */
export const progressReportSchema = z.strictObject({
  summary: text(4000),
  percentComplete: z
    .number(msg('须为数字', 'Must be a number'))
    .int(msg('须为整数', 'Must be an integer'))
    .min(0, msg('不能小于 0', 'Must be at least 0'))
    .max(100, msg('不能大于 100', 'Must be at most 100')),
  /** Are the interim controls (临时性保护措施) in place and effective? */
  interimControlsEffective: z.boolean(msg('须为 true 或 false', 'Must be true or false')),
  attachments,
});
export type ProgressReport = z.infer<typeof progressReportSchema>;

/** POST /hazards/:id/acceptance-application — rectification done (双报告 #2), asking for 验收. */
export const acceptanceApplicationSchema = z.strictObject({
  /** 整改完成情况 */
  summary: text(4000),
  completedOn: civilDateSchema,
  /** Self-check / evaluation conclusion (expert or 安全评价机构 report, 16号令 第十八条). */
  selfCheck: text(4000).optional(),
  attachments,
});
export type AcceptanceApplication = z.infer<typeof acceptanceApplicationSchema>;

/** POST /hazards/:id/extension-request — 延期申请. */
export const extensionRequestSchema = z.strictObject({
  newDeadline: civilDateSchema,
  reason: text(2000),
});
export type ExtensionRequest = z.infer<typeof extensionRequestSchema>;

/** POST /hazards/:id/listing-proposal — an official proposes 挂牌督办. */
export const listingProposalSchema = z.strictObject({ reason: text(2000) });
export type ListingProposal = z.infer<typeof listingProposalSchema>;

const pageQuery = {
  page: z.coerce.number().int().min(1).max(100000).default(1),
  perPage: z.coerce.number().int().min(1).max(500).default(25),
  order: z
    .enum(['ASC', 'DESC', 'asc', 'desc'], msg('排序方向须为 ASC 或 DESC', 'Order must be ASC or DESC'))
    .default('DESC')
    .transform((v) => v.toUpperCase() as 'ASC' | 'DESC'),
  q: z.string().trim().max(100).optional(),
};
const boolQuery = z
  .enum(['true', 'false'], msg('须为 true 或 false', 'Must be true or false'))
  .transform((v) => v === 'true')
  .optional();

export const listHazardsQuerySchema = z.strictObject({
  ...pageQuery,
  sort: z
    .enum(['createdAt', 'updatedAt', 'foundOn', 'caseRef', 'deadline', 'status', 'grade', 'enterpriseName'])
    .default('createdAt'),
  grade: hazardGradeSchema.optional(),
  status: hazardStatusSchema.optional(),
  sector: sectorCodeSchema.optional(),
  townCode: z.string().trim().max(120).optional(),
  source: hazardSourceSchema.optional(),
  enterpriseCreditCode: z.string().trim().max(18).optional(),
  overdue: boolQuery,
});
export type ListHazardsQuery = z.infer<typeof listHazardsQuerySchema>;

export const listListingsQuerySchema = z.strictObject({
  ...pageQuery,
  sort: z.enum(['createdAt', 'noticeDeadlineAt', 'status', 'caseRef']).default('createdAt'),
  status: listingStatusSchema.optional(),
  overdue: boolQuery,
});
export type ListListingsQuery = z.infer<typeof listListingsQuerySchema>;

const durationSpecSchema = z.strictObject({
  amount: z.number().int().min(0).max(3650),
  unit: z.enum(['workingDays', 'naturalDays', 'hours']),
});

/** POST /rules — a new version of a jurisdiction's hazard rules (running workflows keep theirs). */
export const hazardRulesInputSchema = z.strictObject({
  orgUnitCode: z.string().trim().min(1).max(120),
  note: text(500).optional(),
  rules: z.strictObject({
    planSubmission: durationSpecSchema,
    planReview: durationSpecSchema,
    acceptanceReview: durationSpecSchema,
    closeOutReview: durationSpecSchema,
    progressReportEvery: durationSpecSchema,
    generalFixDefault: durationSpecSchema,
    escalationLadder: z
      .array(
        z.strictObject({
          rung: z.enum(['letter', 'circular', 'summons', 'exposure', 'listing']),
          after: durationSpecSchema,
        }),
      )
      .max(10),
    delistingReview: durationSpecSchema,
  }),
});
export type HazardRulesInput = z.infer<typeof hazardRulesInputSchema>;

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
