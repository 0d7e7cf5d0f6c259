import type { ClockSettings, HazardGrade } from './hazards';
import type { CandidateRule, DurationSpec } from './tasks';

/**
 * The enforcement context's zod-free contract (workflow code imports it through
 * `@zhiben/contracts/workflow`; the zod request schemas live in `enforcement-api.ts`).
 *
 * Shape (processes.md P-04, P-05, P-07; regulations.md B3, B4, B7, B9):
 * - Inspections (routine, 双随机一公开, 四不两直, 明查暗访, cross-region) are records in enforcement-service.
 *   Recording one with findings creates hazards in the hazards context (source 执法检查).
 * - A penalty case runs in one `enforcementCase` workflow: 立案 → 调查 → 审查 → 告知 (陈述申辩 / 听证)
 *   → 决定 → 送达 (within 7 days) → 执行, with the rectification order's deadline and 整改复查 within 10 days
 *   of the deadline or of the enterprise's application. A failed re-inspection escalates (按日连续处罚,
 *   停产整顿, 约谈/通报/曝光); an enterprise refusing to stop or rectify a 重大事故隐患 is flagged as a suspected
 *   危险作业罪 (刑法第134条之一) and the workflow proposes a referral.
 * - A referral (行刑衔接) runs in one `criminalReferral` workflow (B7 deadlines, each a durable timer that
 *   raises one alert and one escalation task when breached).
 *
 * Every time limit is a default in versioned, jurisdiction-scoped `EnforcementRules`, never a literal.
 */

// ------------------------------------------------------------------------------------------- ids
export const ENFORCEMENT_CASE_WORKFLOW_TYPE = 'enforcementCase';
export const CRIMINAL_REFERRAL_WORKFLOW_TYPE = 'criminalReferral';
export const enforcementCaseWorkflowId = (caseId: string) => `enforcement-case-${caseId}`;
export const criminalReferralWorkflowId = (referralId: string) => `referral-${referralId}`;

// ---------------------------------------------------------------------------------- inspections
export const INSPECTION_KINDS = [
  'routine', // 日常执法检查（年度/月度计划）
  'randomDraw', // 双随机一公开
  'unannounced', // 四不两直
  'covert', // 明查暗访
  'crossRegion', // 交叉检查 / 异地交叉互检
] as const;
export type InspectionKind = (typeof INSPECTION_KINDS)[number];
export const INSPECTION_KIND_LABELS: Readonly<Record<InspectionKind, { zh: string; en: string }>> = {
  routine: { zh: '日常检查', en: 'Routine inspection' },
  randomDraw: { zh: '双随机一公开', en: 'Random draw (双随机一公开)' },
  unannounced: { zh: '四不两直', en: 'Unannounced (四不两直)' },
  covert: { zh: '明查暗访', en: 'Covert inspection' },
  crossRegion: { zh: '交叉检查', en: 'Cross-region inspection' },
};

export const INSPECTION_STATUSES = [
  'planned',
  'recorded', // findings recorded and signed
  'closed', // no violation
  'caseOpened', // a penalty case was filed (立案)
] as const;
export type InspectionStatus = (typeof INSPECTION_STATUSES)[number];
export const INSPECTION_STATUS_LABELS: Readonly<Record<InspectionStatus, { zh: string; en: string }>> = {
  planned: { zh: '已计划', en: 'Planned' },
  recorded: { zh: '已记录', en: 'Recorded' },
  closed: { zh: '无违法，已结束', en: 'Closed (no violation)' },
  caseOpened: { zh: '已立案', en: 'Case opened' },
};

/** One checklist line: a clause of the hazard-standard catalogue and what the inspectors found. */
export type ChecklistResult = 'compliant' | 'violation' | 'notApplicable';

// ----------------------------------------------------------------------------------- penalty cases
export const PENALTY_PARTY_KINDS = [
  'unit', // 生产经营单位
  'principal', // 主要负责人
  'directlyResponsibleManager', // 直接负责的主管人员
  'otherResponsible', // 其他直接责任人员
] as const;
export type PenaltyPartyKind = (typeof PENALTY_PARTY_KINDS)[number];
export const PENALTY_PARTY_KIND_LABELS: Readonly<Record<PenaltyPartyKind, { zh: string; en: string }>> = {
  unit: { zh: '生产经营单位', en: 'The unit' },
  principal: { zh: '主要负责人', en: 'Principal' },
  directlyResponsibleManager: { zh: '直接负责的主管人员', en: 'Directly responsible manager' },
  otherResponsible: { zh: '其他直接责任人员', en: 'Other directly responsible staff' },
};

/** A penalised party of a case (一案双罚: the unit and its principal or responsible staff). */
export interface PenaltyParty {
  kind: PenaltyPartyKind;
  name: string;
  /** Fine in yuan (integer), 0 when only other measures apply. */
  fineYuan: number;
  /** Other measures: 警告, 没收违法所得, 暂扣证照… */
  measures?: string[];
}

export const ENFORCEMENT_CASE_STAGES = [
  'filing', // 立案 approval
  'investigating', // 调查
  'reviewing', // 审查（法制审核）
  'notifying', // 告知: waiting for 陈述申辩 / 听证 request
  'hearing', // 听证
  'deciding', // 决定
  'serving', // 送达 (within 7 days)
  'executing', // 执行 + rectification period
  'reinspecting', // 整改复查 (within 10 days)
  'escalated', // failed re-inspection: 按日连续处罚 / 停产整顿 / referral
  'closed',
  'dismissed', // not filed, or no penalty decided
] as const;
export type EnforcementCaseStage = (typeof ENFORCEMENT_CASE_STAGES)[number];
export const ENFORCEMENT_CASE_STAGE_LABELS: Readonly<
  Record<EnforcementCaseStage, { zh: string; en: string }>
> = {
  filing: { zh: '立案审批', en: 'Filing' },
  investigating: { zh: '调查取证', en: 'Investigating' },
  reviewing: { zh: '法制审核', en: 'Legal review' },
  notifying: { zh: '告知（陈述申辩/听证）', en: 'Notice of rights' },
  hearing: { zh: '听证', en: 'Hearing' },
  deciding: { zh: '处罚决定', en: 'Deciding' },
  serving: { zh: '送达', en: 'Serving' },
  executing: { zh: '执行与整改', en: 'Executing and rectifying' },
  reinspecting: { zh: '整改复查', en: 'Re-inspection' },
  escalated: { zh: '拒不整改·升级处置', en: 'Escalated' },
  closed: { zh: '已结案', en: 'Closed' },
  dismissed: { zh: '不予立案/不予处罚', en: 'Dismissed' },
};

/** Recorded measures (P-08, B9) and orders. */
export const ENFORCEMENT_ACTION_KINDS = [
  'rectificationOrder', // 责令限期整改
  'suspensionOrder', // 停产整顿 / 停止施工 / 停止使用
  'suspensionLifted', // 恢复生产（复查同意）
  'dailyFine', // 按日连续处罚（第一百一十二条）
  'summons', // 约谈
  'circular', // 通报
  'exposure', // 曝光
] as const;
export type EnforcementActionKind = (typeof ENFORCEMENT_ACTION_KINDS)[number];
export const ENFORCEMENT_ACTION_LABELS: Readonly<Record<EnforcementActionKind, { zh: string; en: string }>> =
  {
    rectificationOrder: { zh: '责令限期整改', en: 'Order to rectify by a deadline' },
    suspensionOrder: { zh: '责令停产停业整顿', en: 'Suspension order' },
    suspensionLifted: { zh: '解除停产整顿', en: 'Suspension lifted' },
    dailyFine: { zh: '按日连续处罚', en: 'Daily continuing fine' },
    summons: { zh: '约谈', en: 'Summons' },
    circular: { zh: '通报', en: 'Circular' },
    exposure: { zh: '曝光', en: 'Public exposure' },
  };

/** Suspected-crime types (应急〔2019〕54号 seven types, plus 危险作业罪 flagged by the case workflow). */
export const SUSPECTED_CRIMES = [
  'dangerousOperation', // 危险作业罪（刑法第一百三十四条之一）
  'majorLiabilityAccident', // 重大责任事故罪
  'forcingRiskyOperation', // 强令、组织他人违章冒险作业罪
  'majorLabourSafetyAccident', // 重大劳动安全事故罪
  'dangerousGoodsAccident', // 危险物品肇事罪
  'fireLiabilityAccident', // 消防责任事故罪 / 失火罪
  'concealingAccident', // 不报、谎报安全事故罪
  'otherSafetyCrime', // 非法采矿、非法制造爆炸物、非法经营、伪造证件等
] as const;
export type SuspectedCrime = (typeof SUSPECTED_CRIMES)[number];
export const SUSPECTED_CRIME_LABELS: Readonly<Record<SuspectedCrime, { zh: string; en: string }>> = {
  dangerousOperation: { zh: '危险作业罪（刑法第一百三十四条之一）', en: 'Dangerous operation (Art. 134-1)' },
  majorLiabilityAccident: { zh: '重大责任事故罪', en: 'Major liability accident' },
  forcingRiskyOperation: { zh: '强令、组织他人违章冒险作业罪', en: 'Forcing risky operations' },
  majorLabourSafetyAccident: { zh: '重大劳动安全事故罪', en: 'Major labour-safety accident' },
  dangerousGoodsAccident: { zh: '危险物品肇事罪', en: 'Dangerous-goods accident' },
  fireLiabilityAccident: { zh: '消防责任事故罪、失火罪', en: 'Fire liability accident' },
  concealingAccident: { zh: '不报、谎报安全事故罪', en: 'Failing to report / misreporting an accident' },
  otherSafetyCrime: { zh: '其他涉安全生产犯罪', en: 'Other safety-related crime' },
};

// ---------------------------------------------------------------------------------------- referrals
/** The five documents of a referral package (国务院令第310号 第六条); all required before submission. */
export const REFERRAL_DOCUMENT_KINDS = [
  'transferLetter', // 涉嫌犯罪案件移送书
  'investigationReport', // 涉嫌犯罪案件调查报告
  'itemList', // 涉案物品清单
  'inspectionReport', // 有关检验报告或者鉴定意见
  'otherMaterial', // 其他有关涉嫌犯罪的材料
] as const;
export type ReferralDocumentKind = (typeof REFERRAL_DOCUMENT_KINDS)[number];
export const REFERRAL_DOCUMENT_LABELS: Readonly<Record<ReferralDocumentKind, { zh: string; en: string }>> = {
  transferLetter: { zh: '涉嫌犯罪案件移送书', en: 'Transfer letter' },
  investigationReport: { zh: '涉嫌犯罪案件调查报告', en: 'Investigation report' },
  itemList: { zh: '涉案物品清单', en: 'List of items involved' },
  inspectionReport: { zh: '检验报告或鉴定意见', en: 'Test report or expert opinion' },
  otherMaterial: { zh: '其他有关涉嫌犯罪的材料', en: 'Other material on the suspected crime' },
};

export const REFERRAL_STAGES = [
  'preparing', // team of ≥2 officers prepares the package
  'headDecision', // agency head decides within 3 days of the report
  'transferring', // transfer to 公安 within 24 hours of approval
  'awaitingReceipt', // 公安 signs the receipt
  'policeReview', // 公安 decides to register or not within 3 days of receipt
  'awaitingNotice', // written notice within 3 days of the decision, copied to 检察院
  'handover', // registered: items and material handed over within 3 days of the notice
  'outcome', // case outcome tracked (起诉/判决/撤案)
  'reconsiderationChoice', // declined: the agency asks for 复议 (within 3 days) or for 检察院 supervision
  'reconsideration', // 公安 answers the 复议 within 3 days
  'procuratorate', // 检察院 立案监督
  'closed',
  'notApproved', // the head did not approve (reasons recorded)
] as const;
export type ReferralStage = (typeof REFERRAL_STAGES)[number];
export const REFERRAL_STAGE_LABELS: Readonly<Record<ReferralStage, { zh: string; en: string }>> = {
  preparing: { zh: '准备移送材料', en: 'Preparing the package' },
  headDecision: { zh: '负责人审批', en: 'Head decision' },
  transferring: { zh: '移送公安', en: 'Transferring to police' },
  awaitingReceipt: { zh: '待公安签收', en: 'Awaiting police receipt' },
  policeReview: { zh: '公安审查（立案与否）', en: 'Police review' },
  awaitingNotice: { zh: '待书面通知', en: 'Awaiting written notice' },
  handover: { zh: '移交涉案物品及材料', en: 'Handing over items' },
  outcome: { zh: '跟踪案件结果', en: 'Tracking the outcome' },
  reconsiderationChoice: { zh: '不予立案·复议或提请监督', en: 'Declined: reconsideration or supervision' },
  reconsideration: { zh: '公安复议', en: 'Police reconsideration' },
  procuratorate: { zh: '检察院立案监督', en: 'Procuratorate supervision' },
  closed: { zh: '已办结', en: 'Closed' },
  notApproved: { zh: '负责人不批准移送', en: 'Not approved' },
};

/** Legal deadlines of a referral, each a durable timer with an alert and an escalation task. */
export const REFERRAL_DEADLINE_KINDS = [
  'headDecision', // 3 days from the referral report
  'transfer', // 24 hours from approval
  'policeDecision', // 3 days from receipt
  'policeNotice', // written notice 3 days from the police decision
  'reconsiderationRequest', // 复议 requested within 3 days of the refusal notice
  'reconsiderationAnswer', // 公安 answers within 3 days
  'procuratorateRequest', // agency asks 检察院 within 3 days of the upheld refusal
  'handover', // items handed over within 3 days of the registration notice
] as const;
export type ReferralDeadlineKind = (typeof REFERRAL_DEADLINE_KINDS)[number];
export const REFERRAL_DEADLINE_LABELS: Readonly<Record<ReferralDeadlineKind, { zh: string; en: string }>> = {
  headDecision: { zh: '负责人3日内决定', en: 'Head decides within 3 days' },
  transfer: { zh: '批准后24小时内移送', en: 'Transfer within 24 hours' },
  policeDecision: { zh: '公安3日内决定是否立案', en: 'Police decide within 3 days' },
  policeNotice: { zh: '3日内书面通知并抄送检察院', en: 'Written notice within 3 days' },
  reconsiderationRequest: { zh: '3日内提请复议', en: 'Request reconsideration within 3 days' },
  reconsiderationAnswer: { zh: '公安3日内作出复议决定', en: 'Police answer within 3 days' },
  procuratorateRequest: { zh: '3日内提请检察院监督', en: 'Ask the procuratorate within 3 days' },
  handover: { zh: '3日内移交涉案物品', en: 'Hand over items within 3 days' },
};

// -------------------------------------------------------------------------------------------- rules
/**
 * Versioned, jurisdiction-scoped time limits of the enforcement context (defaults from regulations.md;
 * an admin may override them per jurisdiction; running workflows keep the version they started with).
 */
export interface EnforcementRules {
  version: number;
  /** 立案 approval by the department head. */
  filingApproval: DurationSpec;
  /** 调查 (investigation) time. */
  investigation: DurationSpec;
  /** 审查 (legal review). */
  legalReview: DurationSpec;
  /** 陈述申辩 / 听证 request window after the 告知. */
  statementWindow: DurationSpec;
  /** Decision after the notice window (or hearing). */
  decision: DurationSpec;
  /** 送达 within 7 days of the decision (B4). */
  service: DurationSpec;
  /** 整改复查 within 10 days of the deadline or of the enterprise's application (B4 第十七条). */
  reinspection: DurationSpec;
  /** Escalation decision after a failed re-inspection. */
  escalationDecision: DurationSpec;
  /** B7 referral deadlines. */
  referral: Record<ReferralDeadlineKind, DurationSpec>;
  /** Reminders before each due date, as fractions of the time to due. */
  remindAt: number[];
}

export const DEFAULT_ENFORCEMENT_RULES: EnforcementRules = {
  version: 1,
  filingApproval: { amount: 7, unit: 'workingDays' },
  investigation: { amount: 30, unit: 'naturalDays' },
  legalReview: { amount: 5, unit: 'workingDays' },
  // 行政处罚法第六十四条: a hearing is asked for within 5 days of the notice (第八十五条: working days).
  statementWindow: { amount: 5, unit: 'workingDays' },
  decision: { amount: 10, unit: 'workingDays' },
  service: { amount: 7, unit: 'workingDays' },
  reinspection: { amount: 10, unit: 'naturalDays' },
  escalationDecision: { amount: 3, unit: 'workingDays' },
  referral: {
    headDecision: { amount: 3, unit: 'naturalDays' },
    transfer: { amount: 24, unit: 'hours' },
    policeDecision: { amount: 3, unit: 'naturalDays' },
    policeNotice: { amount: 3, unit: 'naturalDays' },
    reconsiderationRequest: { amount: 3, unit: 'naturalDays' },
    reconsiderationAnswer: { amount: 3, unit: 'naturalDays' },
    procuratorateRequest: { amount: 3, unit: 'naturalDays' },
    handover: { amount: 3, unit: 'naturalDays' },
  },
  remindAt: [0.5],
};

// -------------------------------------------------------------------------------- workflow inputs
export interface EnforcementActor {
  username: string;
  name: string;
}

export interface EnforcementCaseInput {
  caseId: string;
  /** 案号 shown to people, e.g. 津应急罚〔2026〕12号. */
  caseNo: string;
  titleZh: string;
  /** The enforcing department (org unit code) and its town/district for scoping. */
  departmentCode: string;
  townCode: string;
  enterpriseCreditCode: string;
  enterpriseName: string;
  inspectionId: string | null;
  /** The hazards the inspection found (ids in the hazards context) and the worst grade among them. */
  hazardIds: string[];
  worstGrade: HazardGrade | null;
  /** The case officers (≥2, 调查 needs two with certificates). */
  officers: EnforcementActor[];
  /** Rectification deadline ordered at the inspection (ISO instant), if one was ordered. */
  rectificationDeadlineAt: string | null;
  /** Whether a 停产整顿 / stop order was given on site for a 重大事故隐患. */
  stopOrdered: boolean;
  /** Candidates: officers' department inspectors, its head (leader), its legal reviewer (official). */
  inspectors: CandidateRule[];
  head: CandidateRule[];
  legalReviewers: CandidateRule[];
  /** Supervising office (安委办 ops) that receives escalations when a deadline is breached. */
  supervisors: CandidateRule[];
  /**
   * Liaison officials (行刑衔接联络员) who record the police and procuratorate answers of a referral this
   * case starts; defaults to `inspectors`.
   */
  liaison?: CandidateRule[];
  rules: EnforcementRules;
  clock: ClockSettings;
}

export interface CriminalReferralInput {
  referralId: string;
  /** 移送编号 shown to people. */
  referralNo: string;
  titleZh: string;
  departmentCode: string;
  townCode: string;
  enterpriseCreditCode: string;
  enterpriseName: string;
  caseId: string | null;
  suspectedCrime: SuspectedCrime;
  /** Number of persons suspected (feeds the dispatch form's 移送司法机关（人）). */
  suspects: number;
  /** The officers' team (≥2), the agency head, the liaison officials, the supervising office. */
  officers: CandidateRule[];
  head: CandidateRule[];
  liaison: CandidateRule[];
  supervisors: CandidateRule[];
  rules: EnforcementRules;
  clock: ClockSettings;
}

// ------------------------------------------------------------------------------------- messages
/** Update (enforcementCase): the enterprise applies for 整改复查 before the deadline. */
export const APPLY_REINSPECTION_UPDATE = 'zhiben.enforcement.applyReinspection';
export interface ApplyReinspectionInput {
  by: EnforcementActor;
  note: string;
  /** Evidence file ids (stored by enforcement-service). */
  evidence: string[];
}
export interface ApplyReinspectionResult {
  accepted: true;
  /** The 整改复查 is due by this instant (rules.reinspection from the application). */
  reinspectionDueAt: string;
}
/** Query: the case's state. */
export const ENFORCEMENT_CASE_STATE_QUERY = 'enforcementCaseState';
/**
 * Update (criminalReferral): the officers' team submits the package (the service validates documents,
 * officers and dates first; the validator re-checks that all five documents are present).
 */
export const SUBMIT_REFERRAL_UPDATE = 'zhiben.referral.submit';
export interface SubmitReferralInput {
  by: EnforcementActor;
  /** The referral report date (ISO instant); the head's 3 days run from here. */
  reportedAt: string;
  officers: EnforcementActor[];
  documents: ReferralDocumentKind[];
}
export interface SubmitReferralResult {
  accepted: true;
  /** The preparePackage task the submission completed. */
  taskKey: string;
  /** The head's decision is due by this instant (rules.referral.headDecision from reportedAt). */
  headDecisionDueAt: string;
}
/** Query: the referral's state (stage, deadlines with their clocks). */
export const REFERRAL_STATE_QUERY = 'referralState';
/** Why an enforcement Update was rejected (ApplicationFailure.type). */
export const ENFORCEMENT_UPDATE_REJECTIONS = [
  'NotApplicable', // the case/referral is not at the step that accepts this
  'DocumentsMissing',
  'OfficersMissing',
  'DateOrder',
] as const;
export type EnforcementUpdateRejectionType = (typeof ENFORCEMENT_UPDATE_REJECTIONS)[number];
/** `details[0]` of a rejected enforcement Update (bilingual, with the offending field when one is). */
export interface EnforcementUpdateRejection {
  type: EnforcementUpdateRejectionType;
  field?: string;
  messageZh: string;
  messageEn: string;
  /** DocumentsMissing: which of the five documents are missing. */
  missing?: ReferralDocumentKind[];
}

/** Task steps (OPEN_TASKS_QUERY `step`) of the two workflows. */
export const ENFORCEMENT_STEPS = {
  approveFiling: 'approveFiling',
  investigate: 'investigate',
  legalReview: 'legalReview',
  respondToNotice: 'respondToNotice', // enterprise: 陈述申辩 / 听证 / waive
  holdHearing: 'holdHearing',
  decide: 'decide',
  serve: 'serve',
  recordExecution: 'recordExecution',
  reinspect: 'reinspect', // 整改复查, 复查意见书
  escalate: 'escalate', // failed re-inspection: choose measures
  proposeReferral: 'proposeReferral', // suspected 危险作业罪
  breachFollowUp: 'breachFollowUp', // escalation task on a breached deadline
} as const;
export const REFERRAL_STEPS = {
  prepare: 'preparePackage',
  headDecision: 'headDecision',
  transfer: 'transfer',
  receipt: 'recordReceipt',
  policeDecision: 'recordPoliceDecision',
  policeNotice: 'recordPoliceNotice',
  handover: 'handover',
  outcome: 'recordOutcome',
  reconsiderationChoice: 'chooseReconsideration',
  reconsiderationAnswer: 'recordReconsiderationAnswer',
  procuratorateRequest: 'requestProcuratorate',
  procuratorateOutcome: 'recordProcuratorateOutcome',
  breachFollowUp: 'breachFollowUp',
} as const;

export interface ReferralDeadlineView {
  kind: ReferralDeadlineKind;
  /** When the clock started and when it falls due (calendar instants, ISO). */
  startedAt: string;
  dueAt: string;
  /** When the step was done, or null while running. */
  metAt: string | null;
  breachedAt: string | null;
}

export interface ReferralStateView {
  referralId: string;
  stage: ReferralStage;
  /** Calendar "now" of the workflow (differs from wall time only on scaled clocks). */
  calendarNow: string;
  deadlines: ReferralDeadlineView[];
  openTasks: { taskKey: string; step: string; decisions: string[] }[];
}

export interface EnforcementCaseStateView {
  caseId: string;
  stage: EnforcementCaseStage;
  calendarNow: string;
  rectificationDeadlineAt: string | null;
  reinspectionDueAt: string | null;
  suspectedCrime: SuspectedCrime | null;
  referralId: string | null;
  openTasks: { taskKey: string; step: string; decisions: string[] }[];
}

// ------------------------------------------------------------------------------------ activities
export interface EnforcementEventInput {
  /** `case:<id>` or `referral:<id>`. */
  subject: { kind: 'case' | 'referral' | 'inspection'; id: string };
  eventKey: string;
  type: string;
  summaryZh: string;
  summaryEn: string;
  actor?: EnforcementActor | null;
  data?: Record<string, unknown>;
  /** Workflow time (ISO) of the event. */
  at?: string;
}

/** Activities hosted by enforcement-service on TASK_QUEUES.enforcement (all idempotent by eventKey). */
export interface EnforcementPort {
  recordEnforcementEvent(input: EnforcementEventInput): Promise<void>;
  /** Moves the case's read model (stage, the decided parties and amounts, dates). */
  setCaseStage(input: {
    caseId: string;
    stage: EnforcementCaseStage;
    eventKey: string;
    patch?: {
      parties?: PenaltyParty[];
      decidedAt?: string;
      servedAt?: string;
      /** 送达 deadline (the decision plus rules.service). */
      serveDueAt?: string | null;
      rectificationDeadlineAt?: string | null;
      reinspectionDueAt?: string | null;
      reinspectionResult?: 'passed' | 'failed' | null;
      suspectedCrime?: SuspectedCrime | null;
      referralId?: string | null;
    };
  }): Promise<void>;
  /** Records an order or measure (责令整改, 停产整顿, 按日连续处罚, 约谈/通报/曝光). */
  recordAction(input: {
    caseId: string;
    kind: EnforcementActionKind;
    eventKey: string;
    detail: string;
    deadlineAt?: string | null;
    amountYuan?: number | null;
    by?: EnforcementActor | null;
    at: string;
  }): Promise<void>;
  /** Creates the referral record for a suspected crime the case proposes (idempotent by eventKey). */
  createReferralFromCase(input: {
    caseId: string;
    suspectedCrime: SuspectedCrime;
    /** Persons suspected (移送司法机关（人）); the case's penalised persons when absent. */
    suspects?: number;
    proposedBy: EnforcementActor;
    reason: string;
    eventKey: string;
  }): Promise<{ referralId: string; referralNo: string }>;
  setReferralStage(input: {
    referralId: string;
    stage: ReferralStage;
    eventKey: string;
    patch?: Record<string, unknown>;
  }): Promise<void>;
  /** Opens, meets or breaches one legal deadline on the referral board (idempotent per referral+kind). */
  trackReferralDeadline(input: {
    referralId: string;
    kind: ReferralDeadlineKind;
    eventKey: string;
    startedAt?: string;
    dueAt?: string;
    metAt?: string;
    breachedAt?: string;
  }): Promise<void>;
}

// ------------------------------------------------------------------------ decisions and their data
/**
 * Decision codes of each human step and the `data` the deciding official sends with them (the tasks API
 * passes `data` through to the workflow). Instants are ISO strings; the workflow checks their order.
 */
export const ENFORCEMENT_DECISIONS = {
  approveFiling: ['file', 'reject'], // reject requires a comment
  investigate: ['submit'], // data: InvestigationData
  legalReview: ['pass', 'return'], // return → back to investigate, comment required
  respondToNotice: ['waive', 'statement', 'requestHearing'], // enterprise; overdue = waived
  holdHearing: ['held'], // data: { heldAt, summary }
  decide: ['penalize', 'noPenalty', 'return'], // data for penalize: DecisionData
  serve: ['served'], // data: { servedAt, method }
  recordExecution: ['paid', 'enforcedByCourt', 'refused'],
  reinspect: ['passed', 'failed'], // data: ReinspectionData (复查意见书)
  escalate: ['dailyFine', 'suspend', 'summons', 'circular', 'exposure', 'newDeadline'], // data: EscalationData
  proposeReferral: ['refer', 'noReferral'], // noReferral requires a comment
  breachFollowUp: ['acknowledged'],
} as const;

export const REFERRAL_DECISIONS = {
  preparePackage: ['submit'], // completed by the service's submit endpoint (SUBMIT_REFERRAL_UPDATE)
  headDecision: ['approve', 'reject'], // reject requires a comment (reasons recorded)
  transfer: ['transferred'], // data: { transferredAt, policeUnit }
  recordReceipt: ['received'], // data: { receivedAt, receiptNo }
  recordPoliceDecision: ['registered', 'declined'], // data: { decidedAt, reasons? }
  recordPoliceNotice: ['noticeReceived'], // data: { noticeAt, copiedToProcuratorate: true }
  handover: ['handedOver'], // data: { handedOverAt, items }
  recordOutcome: ['prosecuted', 'notProsecuted', 'judged', 'withdrawn'], // data: { at, summary }
  chooseReconsideration: ['reconsider', 'procuratorate', 'accept'], // accept requires a comment
  recordReconsiderationAnswer: ['registered', 'upheld'], // data: { answeredAt }
  requestProcuratorate: ['requested'], // data: { requestedAt }
  recordProcuratorateOutcome: ['registered', 'notRegistered'], // data: { at, summary }
  breachFollowUp: ['acknowledged'],
} as const;

export interface InvestigationData {
  summary: string;
  /** Proposed penalised parties (一案双罚). */
  parties: PenaltyParty[];
  legalBasis: string;
}
export interface DecisionData {
  parties: PenaltyParty[];
  decidedAt: string;
  /** New or confirmed rectification deadline (ISO), required when the case has unremedied hazards. */
  rectificationDeadlineAt?: string | null;
}
export interface ReinspectionData {
  /** 复查意见书. */
  opinion: string;
  inspectedAt: string;
  reviewers: string[];
  /** The reviewed unit signed the 复查意见书. */
  unitSigned: boolean;
  /**
   * A failed re-inspection of a 重大事故隐患: whether the unit refused to rectify (default true when
   * failed; false when it is rectifying in good faith but not done) and whether it kept operating
   * despite the stop order. Either flags a suspected 危险作业罪 (刑法第一百三十四条之一 第二项).
   */
  refusedToRectify?: boolean;
  continuedDespiteStopOrder?: boolean;
}
/** `data` of proposeReferral → refer (optional; the workflow counts the penalised persons otherwise). */
export interface ProposeReferralData {
  /** Persons suspected (移送司法机关（人）). */
  suspects?: number;
}
export interface EscalationData {
  /** 按日连续处罚: the daily amount (the original fine) and from which day. */
  dailyAmountYuan?: number;
  /** New deadline for a further re-inspection (ISO). */
  newDeadlineAt?: string;
  detail?: string;
}

// ------------------------------------------------------------------------------------------ DTOs
/** What the enforcement API returns (the console and tests read these). Instants are ISO strings. */
export interface ChecklistLineDto {
  /** Clause of the hazard-standard catalogue (e.g. `gongmao-2023` / `4.1`), or a free item. */
  catalogueId: string | null;
  clauseId: string | null;
  item: string;
  result: ChecklistResult;
  note: string | null;
}
export interface FindingDto {
  id: string;
  description: string;
  grade: HazardGrade;
  catalogueId: string | null;
  clauseId: string | null;
  location: string | null;
  /** Evidence photos (file ids of enforcement-service). */
  photos: string[];
  /** 责令限期整改 deadline (civil date) or null when removed on the spot. */
  rectifyBy: string | null;
  /** 重大事故隐患 ordered to stop on site (停产停业/停止施工/停止使用). */
  stopOrdered: boolean;
  /** The hazard created in the hazards context (source 执法检查), once registered. */
  hazardId: string | null;
  /** Why registering the hazard failed last time (bilingual), while `hazardId` is still null. */
  hazardError?: string | null;
}
export interface InspectionDto {
  id: string;
  ref: string;
  kind: InspectionKind;
  status: InspectionStatus;
  planId: string | null;
  department: { code: string; name: string };
  town: { code: string; name: string };
  enterprise: { creditCode: string; name: string };
  plannedOn: string | null;
  inspectedAt: string | null;
  /** ≥2 inspectors, each of whom signed (谁检查、谁签名、谁负责). */
  inspectors: { username: string; name: string; certificateNo: string | null; signedAt: string | null }[];
  checklist: ChecklistLineDto[];
  findings: FindingDto[];
  /** 两个必查: the principal's duty performance and the three-tier responsible persons were checked. */
  principalDutiesChecked: boolean;
  responsiblePersonsChecked: boolean;
  caseId: string | null;
  createdBy: EnforcementActor;
  createdAt: string;
  version: number;
}
export interface InspectionPlanDto {
  id: string;
  title: string;
  department: { code: string; name: string };
  kind: InspectionKind;
  period: { from: string; to: string };
  /** 双随机: the draw's seed and result, published (一公开). */
  draw: { seed: string; drawnAt: string; enterprises: string[]; inspectors: string[] } | null;
  enterprises: { creditCode: string; name: string }[];
  inspectionCount: number;
  createdAt: string;
}
export interface EnforcementActionDto {
  id: string;
  kind: EnforcementActionKind;
  detail: string;
  deadlineAt: string | null;
  amountYuan: number | null;
  by: EnforcementActor | null;
  at: string;
}
export interface EnforcementEventDto {
  id: string;
  at: string;
  type: string;
  summaryZh: string;
  summaryEn: string;
  actor: EnforcementActor | null;
  data: Record<string, unknown>;
}
export interface PenaltyCaseDto {
  id: string;
  caseNo: string;
  title: string;
  stage: EnforcementCaseStage;
  department: { code: string; name: string };
  town: { code: string; name: string };
  enterprise: { creditCode: string; name: string };
  inspectionId: string | null;
  hazardIds: string[];
  officers: EnforcementActor[];
  parties: PenaltyParty[];
  totalFineYuan: number;
  filedAt: string;
  decidedAt: string | null;
  servedAt: string | null;
  /** 送达 deadline (7 days after the decision). */
  serveDueAt: string | null;
  rectificationDeadlineAt: string | null;
  reinspectionDueAt: string | null;
  reinspectionResult: 'passed' | 'failed' | null;
  suspectedCrime: SuspectedCrime | null;
  referralId: string | null;
  actions: EnforcementActionDto[];
  closedAt: string | null;
  rulesVersion: number;
  workflow: { id: string; started: boolean };
  version: number;
}
export interface ReferralDocumentDto {
  id: string;
  kind: ReferralDocumentKind;
  fileName: string;
  contentType: string;
  size: number;
  sha256: string;
  uploadedBy: string;
  uploadedAt: string;
}
export interface ReferralDto {
  id: string;
  referralNo: string;
  title: string;
  stage: ReferralStage;
  department: { code: string; name: string };
  town: { code: string; name: string };
  enterprise: { creditCode: string; name: string };
  caseId: string | null;
  suspectedCrime: SuspectedCrime;
  suspects: number;
  officers: EnforcementActor[];
  documents: ReferralDocumentDto[];
  /** Which of the five documents are still missing. */
  missingDocuments: ReferralDocumentKind[];
  reportedAt: string | null;
  headDecision: {
    decision: 'approve' | 'reject';
    at: string;
    by: EnforcementActor;
    reasons: string | null;
  } | null;
  transfer: { at: string; policeUnit: string; receivedAt: string | null; receiptNo: string | null } | null;
  police: {
    decision: 'registered' | 'declined' | null;
    decidedAt: string | null;
    noticeAt: string | null;
    copiedToProcuratorate: boolean;
    reasons: string | null;
  } | null;
  reconsideration: {
    requestedAt: string | null;
    answer: 'registered' | 'upheld' | null;
    answeredAt: string | null;
  } | null;
  procuratorate: {
    requestedAt: string | null;
    outcome: 'registered' | 'notRegistered' | null;
    at: string | null;
  } | null;
  handedOverAt: string | null;
  outcome: { result: string; at: string; summary: string | null } | null;
  /** Every legal deadline with its clock: met, breached or running. */
  deadlines: ReferralDeadlineView[];
  overdue: boolean;
  closedAt: string | null;
  rulesVersion: number;
  workflow: { id: string; started: boolean };
  version: number;
}

// ------------------------------------------------------------------------ additions (enforcement-service)
/** Event types enforcement-service writes itself (the workflows add their own). */
export const ENFORCEMENT_EVENT_TYPES = {
  planCreated: 'plan.created',
  drawPublished: 'plan.drawPublished',
  inspectionCreated: 'inspection.created',
  inspectionRecorded: 'inspection.recorded',
  inspectionSigned: 'inspection.signed',
  hazardRegistered: 'inspection.hazardRegistered',
  fileUploaded: 'file.uploaded',
  /** The case record was created (立案 itself is the workflow's `case.filed`, after the head approves). */
  caseCreated: 'case.created',
  caseStage: 'case.stage',
  actionRecorded: 'case.action',
  reinspectionApplied: 'case.reinspectionApplied',
  stepCompleted: 'step.completed',
  referralCreated: 'referral.created',
  referralSubmitted: 'referral.submitted',
  referralStage: 'referral.stage',
  deadlineOpened: 'referral.deadlineOpened',
  deadlineMet: 'referral.deadlineMet',
  deadlineBreached: 'referral.deadlineBreached',
} as const;

/** Kinds of files enforcement-service stores: inspection photos, case evidence, the referral documents. */
export const ENFORCEMENT_FILE_KINDS = ['photo', 'evidence', 'other', ...REFERRAL_DOCUMENT_KINDS] as const;
export type EnforcementFileKind = (typeof ENFORCEMENT_FILE_KINDS)[number];

export interface EnforcementFileDto {
  id: string;
  kind: EnforcementFileKind;
  fileName: string;
  contentType: string;
  size: number;
  sha256: string;
  uploadedBy: string;
  uploadedAt: string;
}

/** A deadline on the referral board: met, breached (also when met late) or still running. */
export type ReferralDeadlineStatus = 'met' | 'breached' | 'running';
export interface ReferralBoardDeadline extends ReferralDeadlineView {
  status: ReferralDeadlineStatus;
}
export interface ReferralBoardRow {
  id: string;
  referralNo: string;
  title: string;
  stage: ReferralStage;
  enterprise: { creditCode: string; name: string };
  department: { code: string; name: string };
  suspects: number;
  overdue: boolean;
  deadlines: ReferralBoardDeadline[];
  createdAt: string;
}
/** GET /referrals/board — open referrals, overdue ones, counts by stage, every deadline's state. */
export interface ReferralBoardDto {
  open: number;
  overdue: number;
  byStage: Partial<Record<ReferralStage, number>>;
  deadlines: Record<ReferralDeadlineStatus, number>;
  referrals: ReferralBoardRow[];
}

/** The enterprise's 整改复查 application (POST /cases/:id/reinspection-application). */
export interface ReinspectionApplicationDto {
  id: string;
  caseId: string;
  note: string;
  evidence: string[];
  status: 'submitted' | 'accepted' | 'rejected';
  rejectionReason: string | null;
  submittedBy: EnforcementActor;
  submittedAt: string;
}
