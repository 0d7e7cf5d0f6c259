import type { ClockSettings, HazardGrade } from './hazards';
import type { CandidateRule, DurationSpec } from './tasks';

/**
 * The tipline context's zod-free contract (workflow code imports it through `@zhiben/contracts/workflow`;
 * request schemas for tipline-service's API belong in a separate `tipline-api.ts`).
 *
 * Shape (processes.md P-06; regulations.md B8, C2):
 * - A member of the public files a tip (举报) — a hazard, an illegal operation, or a concealed accident —
 *   real-name or anonymous, through tipline-service's public intake. An anonymous reporter sets a claim
 *   code and password (`@zhiben/tipline-domain` holds their pure policy helpers).
 * - The reporter's identity (name, phone, ID number, bank account) lives only in tipline-service's
 *   encrypted vault. Everything here — the workflow input, the port, every DTO an official sees — carries
 *   the pseudonymous `reporterId` alone; no field anywhere in this file holds identity.
 * - One `tipVerification` workflow per tip: acceptance decision (accept / not within scope / forward) →
 *   verification within 60 days (+30 with the approval of the level above) → a substantiated tip opens a
 *   hazard (source 群众举报 `PublicReport`) or an enforcement case, linked → feedback to the reporter
 *   within 10 days → reward computed by rule → approved → claimed within the window → paid, or lapsed.
 *   A reporter who disputes an "unsubstantiated" conclusion gets a 复查 (re-check, 应急〔2023〕106号).
 *
 * Every time limit and amount is a default in versioned, jurisdiction-scoped `TiplineRules`, never a literal.
 */

type Labels<K extends string> = Readonly<Record<K, { zh: string; en: string }>>;

// ------------------------------------------------------------------------------------------- ids
export const TIP_VERIFICATION_WORKFLOW_TYPE = 'tipVerification';
export const tipVerificationWorkflowId = (tipId: string) => `tip-${tipId}`;

// -------------------------------------------------------------------------------------- the tip
/** The three kinds of report the 2018 办法 rewards (regulations.md B8). */
export const TIP_KINDS = [
  'hazard', // 事故隐患（重大事故隐患奖励；一般隐患视省级规则）
  'illegalOperation', // 非法违法生产经营建设行为
  'concealedAccident', // 瞒报、谎报事故
] as const;
export type TipKind = (typeof TIP_KINDS)[number];
export const TIP_KIND_LABELS: Labels<TipKind> = {
  hazard: { zh: '事故隐患', en: 'Accident hazard' },
  illegalOperation: { zh: '非法违法生产经营行为', en: 'Illegal operation' },
  concealedAccident: { zh: '瞒报谎报事故', en: 'Concealed or falsely reported accident' },
};

/** How the tip came in (P-06 Channels). The public web form is `web`; the others are keyed in by staff. */
export const TIP_CHANNELS = [
  'web',
  'hotline12350',
  'letter',
  'email',
  'visit',
  'wechat',
  'internal',
] as const;
export type TipChannel = (typeof TIP_CHANNELS)[number];
export const TIP_CHANNEL_LABELS: Labels<TipChannel> = {
  web: { zh: '网上举报', en: 'Web form' },
  hotline12350: { zh: '12350 举报热线', en: '12350 hotline' },
  letter: { zh: '来信', en: 'Letter' },
  email: { zh: '电子邮件', en: 'Email' },
  visit: { zh: '来访', en: 'Visit' },
  wechat: { zh: '微信公众号/小程序', en: 'WeChat' },
  internal: { zh: '内部吹哨人', en: 'Internal whistleblower' },
};

/** Accident grades (生产安全事故报告和调查处理条例 第三条), which set the per-death reward. */
export const ACCIDENT_GRADES = ['general', 'larger', 'major', 'especiallyMajor'] as const;
export type AccidentGrade = (typeof ACCIDENT_GRADES)[number];
export const ACCIDENT_GRADE_LABELS: Labels<AccidentGrade> = {
  general: { zh: '一般事故', en: 'General accident' },
  larger: { zh: '较大事故', en: 'Larger accident' },
  major: { zh: '重大事故', en: 'Major accident' },
  especiallyMajor: { zh: '特别重大事故', en: 'Especially major accident' },
};

/**
 * Status of a tip in tipline-service's read model, set by the workflow (`setTipStatus`). Final statuses
 * come with `closedAt`. The public status page shows the coarser `PublicTipStatus`.
 */
export const TIP_STATUSES = [
  'received', // 已接收，待受理
  'verifying', // 已受理，核查中
  'verified', // 查证属实（反馈、奖励待办）
  'unfounded', // 查无实据
  'rechecking', // 复查中
  'rewardAssessment', // 奖励核定中（已按规则计算，待审批）
  'rewardApproved', // 奖励已批准，待举报人领取
  'rewardClaimed', // 举报人已申领，待兑付
  'rewardPaid', // 奖励已兑付（final）
  'rewardLapsed', // 逾期未领取（final）
  'rewardRejected', // 奖励未获批准（final）
  'noReward', // 属实但不符合奖励条件（final）
  'notAccepted', // 不予受理（final）
  'forwarded', // 已转交系统外主管部门（final）
] as const;
export type TipStatus = (typeof TIP_STATUSES)[number];
export const TIP_STATUS_LABELS: Labels<TipStatus> = {
  received: { zh: '待受理', en: 'Received' },
  verifying: { zh: '核查中', en: 'Verifying' },
  verified: { zh: '查证属实', en: 'Substantiated' },
  unfounded: { zh: '查无实据', en: 'Unsubstantiated' },
  rechecking: { zh: '复查中', en: 'Re-checking' },
  rewardAssessment: { zh: '奖励核定中', en: 'Reward being assessed' },
  rewardApproved: { zh: '奖励待领取', en: 'Reward approved, awaiting claim' },
  rewardClaimed: { zh: '奖励已申领，待兑付', en: 'Reward claimed, awaiting payment' },
  rewardPaid: { zh: '奖励已兑付', en: 'Reward paid' },
  rewardLapsed: { zh: '奖励逾期未领取', en: 'Reward lapsed' },
  rewardRejected: { zh: '奖励未获批准', en: 'Reward not approved' },
  noReward: { zh: '不符合奖励条件', en: 'Not eligible for a reward' },
  notAccepted: { zh: '不予受理', en: 'Not accepted' },
  forwarded: { zh: '已转交主管部门', en: 'Forwarded to the competent department' },
};

/** What the public status page shows (no internal step names, nobody's name). */
export const PUBLIC_TIP_STATUSES = [
  'received',
  'processing',
  'verified',
  'unfounded',
  'rechecking',
  'rewardAssessing',
  'rewardClaimable',
  'rewardClaimed',
  'rewardPaid',
  'rewardLapsed',
  'noReward',
  'notAccepted',
  'forwarded',
] as const;
export type PublicTipStatus = (typeof PUBLIC_TIP_STATUSES)[number];
export const PUBLIC_TIP_STATUS_LABELS: Labels<PublicTipStatus> = {
  received: { zh: '已收到，待受理', en: 'Received' },
  processing: { zh: '已受理，正在核查', en: 'Accepted and being verified' },
  verified: { zh: '经核查属实', en: 'Substantiated' },
  unfounded: { zh: '经核查不属实', en: 'Not substantiated' },
  rechecking: { zh: '复查中', en: 'Being re-checked' },
  rewardAssessing: { zh: '奖励核定中', en: 'Reward being assessed' },
  rewardClaimable: { zh: '奖励可领取', en: 'Reward ready to claim' },
  rewardClaimed: { zh: '奖励已申领，待发放', en: 'Reward claimed, payment pending' },
  rewardPaid: { zh: '奖励已发放', en: 'Reward paid' },
  rewardLapsed: { zh: '逾期未领取，奖励已失效', en: 'Claim window expired' },
  noReward: { zh: '经核定不符合奖励条件', en: 'Not eligible for a reward' },
  notAccepted: { zh: '不予受理', en: 'Not accepted' },
  forwarded: { zh: '已转交主管部门办理', en: 'Forwarded to the competent department' },
};
const PUBLIC_STATUS_OF: Readonly<Record<TipStatus, PublicTipStatus>> = {
  received: 'received',
  verifying: 'processing',
  verified: 'verified',
  unfounded: 'unfounded',
  rechecking: 'rechecking',
  rewardAssessment: 'rewardAssessing',
  rewardApproved: 'rewardClaimable',
  rewardClaimed: 'rewardClaimed',
  rewardPaid: 'rewardPaid',
  rewardLapsed: 'rewardLapsed',
  // An unapproved reward reads to the reporter as "not eligible" (the reasons stay internal).
  rewardRejected: 'noReward',
  noReward: 'noReward',
  notAccepted: 'notAccepted',
  forwarded: 'forwarded',
};
/** The public status page's view of a status. */
export function publicTipStatus(status: TipStatus): PublicTipStatus {
  return PUBLIC_STATUS_OF[status];
}

// -------------------------------------------------------------------------------------- rewards
/** What a reward rule applies to, resolved from the tip's kind and the verified facts. */
export const REWARD_SUBJECTS = ['majorHazard', 'generalHazard', 'violation', 'concealedAccident'] as const;
export type RewardSubject = (typeof REWARD_SUBJECTS)[number];
export const REWARD_SUBJECT_LABELS: Labels<RewardSubject> = {
  majorHazard: { zh: '举报重大事故隐患', en: 'Report of a major accident hazard' },
  generalHazard: { zh: '举报一般事故隐患', en: 'Report of a general hazard' },
  violation: { zh: '举报非法违法生产经营建设行为', en: 'Report of an illegal operation' },
  concealedAccident: { zh: '举报瞒报谎报事故', en: 'Report of a concealed accident' },
};

/**
 * A share of the administrative fine, bounded: 15% (1500 basis points), at least 3,000, at most 300,000
 * yuan nationally; Shandong 50%, 5,000–500,000 (regulations.md B8). Basis points keep the arithmetic in
 * integers.
 */
export interface FineShareTier {
  basis: 'fineShare';
  rateBasisPoints: number;
  minYuan: number;
  maxYuan: number;
}
/** A discretionary amount within a range (e.g. Shandong's ordinary hazards, 500–5,000 yuan). */
export interface RangeTier {
  basis: 'range';
  minYuan: number;
  maxYuan: number;
}
export type RewardTier = FineShareTier | RangeTier;

/** Per concealed or falsely reported death, by the accident's final grade, capped in total. */
export interface PerDeathTier {
  basis: 'perDeath';
  perDeathYuan: Record<AccidentGrade, number>;
  maxYuan: number;
}

export interface RewardRules {
  /** null: the subject earns no reward under these rules (`notCovered`). */
  majorHazard: RewardTier | null;
  generalHazard: RewardTier | null;
  violation: RewardTier | null;
  concealedAccident: PerDeathTier | null;
  /** Only the first accepted reporter of the same matter is rewarded (B8). */
  firstReporterOnly: boolean;
  /** Staff with safety supervision duties, their relatives and people they instruct are excluded (B8). */
  excludeSupervisoryStaff: boolean;
  /** Fractions of a yuan from a fine share: half up to the yuan, or down. */
  rounding: 'halfUp' | 'down';
}

/** Why a substantiated tip earns nothing. */
export const REWARD_EXCLUSIONS = [
  'notSubstantiated', // 查无实据
  'notFirstReporter', // 同一事项非首位举报人
  'supervisoryStaff', // 负有安全生产监管职责的工作人员
  'relativeOfStaff', // 上述人员的近亲属
  'instructedByStaff', // 受上述人员指使
  'notCovered', // 不在本规则奖励范围
] as const;
export type RewardExclusion = (typeof REWARD_EXCLUSIONS)[number];
export const REWARD_EXCLUSION_LABELS: Labels<RewardExclusion> = {
  notSubstantiated: { zh: '举报事项查无实据', en: 'The tip was not substantiated' },
  notFirstReporter: {
    zh: '同一事项已有他人先行举报，仅奖励首位举报人',
    en: 'Someone reported the same matter first; only the first reporter is rewarded',
  },
  supervisoryStaff: {
    zh: '举报人为负有安全生产监督管理职责的工作人员，不予奖励',
    en: 'Reporter is staff with safety supervision duties',
  },
  relativeOfStaff: {
    zh: '举报人为负有安全生产监督管理职责人员的近亲属，不予奖励',
    en: 'Reporter is a relative of staff with safety supervision duties',
  },
  instructedByStaff: {
    zh: '举报人受负有安全生产监督管理职责人员指使，不予奖励',
    en: 'Reporter acted on the instruction of staff with supervision duties',
  },
  notCovered: { zh: '举报事项不在奖励范围内', en: 'The matter is not covered by the reward rules' },
};
/** Exclusions that depend on who the reporter is: only tipline-service (with the vault) may assert them. */
export type ReporterExclusion = Extract<
  RewardExclusion,
  'supervisoryStaff' | 'relativeOfStaff' | 'instructedByStaff'
>;
export const REPORTER_EXCLUSIONS = [
  'supervisoryStaff',
  'relativeOfStaff',
  'instructedByStaff',
] as const satisfies readonly ReporterExclusion[];

/** What `computeReward` (libs/tipline-domain) needs: the verified facts, no identity. */
export interface RewardFacts {
  kind: TipKind;
  substantiated: boolean;
  /** hazard tips: the verified hazard's grade. */
  hazardGrade?: HazardGrade | null;
  /** hazard / illegal operation: the administrative fine in whole yuan (0 when none was imposed). */
  fineYuan?: number | null;
  /** concealed accident: the concealed or falsely reported deaths and the accident's final grade. */
  concealedDeaths?: number | null;
  accidentGrade?: AccidentGrade | null;
  /** False when an earlier accepted tip reported the same matter. */
  firstReporter: boolean;
  /** Asserted by tipline-service from the vault; never derived in workflow code. */
  reporterExclusion: ReporterExclusion | null;
  /** Range tiers: the amount the handler proposes (clamped to the range; the minimum when absent). */
  proposedAmountYuan?: number | null;
}

/** One line of the explanation, shown on the approval page (e.g. "15% × 10,000 = 1,500; minimum 3,000"). */
export interface RewardRuleLine {
  code:
    | 'subject'
    | 'fineShare'
    | 'minimum'
    | 'maximum'
    | 'range'
    | 'perDeath'
    | 'exclusion'
    | 'total'
    | 'rounding';
  zh: string;
  en: string;
  /** The running amount after this line, in yuan. */
  amountYuan?: number;
}

export interface RewardComputation {
  /** Whole yuan; 0 when excluded. */
  amountYuan: number;
  subject: RewardSubject | null;
  exclusion: RewardExclusion | null;
  lines: RewardRuleLine[];
  rulesVersion: number;
  jurisdiction: string;
}

/** Status of the reward on the tip (RewardDto). */
export const REWARD_STATUSES = [
  'awaitingFine', // the fine is not decided yet
  'assessed', // computed, awaiting approval
  'approved', // approved, claim window open
  'rejected',
  'claimed',
  'paid',
  'lapsed',
  'notEligible', // computed to 0 (exclusion)
] as const;
export type RewardStatus = (typeof REWARD_STATUSES)[number];
export const REWARD_STATUS_LABELS: Labels<RewardStatus> = {
  awaitingFine: { zh: '待行政处罚决定', en: 'Awaiting the penalty decision' },
  assessed: { zh: '已核定，待审批', en: 'Assessed, awaiting approval' },
  approved: { zh: '已批准，待领取', en: 'Approved, awaiting claim' },
  rejected: { zh: '未批准', en: 'Not approved' },
  claimed: { zh: '已申领，待兑付', en: 'Claimed, awaiting payment' },
  paid: { zh: '已兑付', en: 'Paid' },
  lapsed: { zh: '逾期未领取', en: 'Lapsed' },
  notEligible: { zh: '不予奖励', en: 'Not eligible' },
};

// --------------------------------------------------------------------------------- claim codes
/**
 * The anonymous reporter's claim code and password (B8 anonymous pattern: identity code + password set at
 * submission). The code is shown once, at submission; tipline-service stores only a slow hash of the
 * password and a keyed hash of the code. Format and checks: `@zhiben/tipline-domain` (claim-code.ts).
 */
export interface ClaimCodePolicy {
  /** Characters of the code (Crockford base-32), the last one a check character; shown in groups of 4. */
  codeLength: number;
  passwordMinLength: number;
  passwordMaxLength: number;
  /** Lock-out after this many wrong attempts within `failureWindowMinutes`, for `lockoutMinutes`. */
  maxFailures: number;
  failureWindowMinutes: number;
  lockoutMinutes: number;
}
export const DEFAULT_CLAIM_CODE_POLICY: ClaimCodePolicy = {
  codeLength: 12,
  passwordMinLength: 8,
  passwordMaxLength: 64,
  maxFailures: 5,
  failureWindowMinutes: 15,
  lockoutMinutes: 30,
};

// -------------------------------------------------------------------------------------------- rules
/**
 * Versioned, jurisdiction-scoped rules of the tipline context. National defaults below; a province (or a
 * lower level) overrides them; a running workflow keeps the version it started with.
 */
export interface TiplineRules {
  version: number;
  /** Org unit code (or province code) the rules apply to; `national` for the defaults. */
  jurisdiction: string;
  /** The instrument(s) the numbers come from, for the approval page. */
  basisZh: string;
  /** Decide to accept, refuse (not within scope) or forward, from receipt. */
  acceptanceDecision: DurationSpec;
  /** Verification from acceptance (60 days, B8). */
  verification: DurationSpec;
  /** One extension with the approval of the level above (30 days, B8). */
  verificationExtension: DurationSpec;
  maxExtensions: number;
  /** The level above decides an extension request within this time. */
  extensionDecision: DurationSpec;
  /** Tell the reporter the result within 10 days after verification ends (B8). */
  feedback: DurationSpec;
  /** The recorded fine, when the penalty decision comes after verification. */
  fineRecording: DurationSpec | null;
  /** The reporter may ask for a 复查 of an "unsubstantiated" conclusion within this time after feedback. */
  disputeWindow: DurationSpec;
  /** The 复查 itself. */
  recheck: DurationSpec;
  maxRechecks: number;
  /** The approver decides the reward within this time. */
  rewardApproval: DurationSpec;
  /** The reporter claims within this time after approval (B8 pattern: 30 working days). */
  claimWindow: DurationSpec;
  /** Finance pays within this time after the claim (及时兑现). */
  payment: DurationSpec;
  /** Reminders before each due date, as fractions of the time to due. */
  remindAt: number[];
  reward: RewardRules;
  claimCode: ClaimCodePolicy;
}

/** The 2018 办法's amounts (安监总财〔2018〕19号 第九条), per-death by grade (一般/较大/重大/特别重大). */
export const NATIONAL_REWARD_RULES: RewardRules = {
  majorHazard: { basis: 'fineShare', rateBasisPoints: 1500, minYuan: 3000, maxYuan: 300_000 },
  // The 办法 rewards 重大事故隐患 and illegal operations; general hazards only where a province says so.
  generalHazard: null,
  violation: { basis: 'fineShare', rateBasisPoints: 1500, minYuan: 3000, maxYuan: 300_000 },
  concealedAccident: {
    basis: 'perDeath',
    perDeathYuan: { general: 30_000, larger: 40_000, major: 50_000, especiallyMajor: 60_000 },
    maxYuan: 300_000,
  },
  firstReporterOnly: true,
  excludeSupervisoryStaff: true,
  rounding: 'halfUp',
};

export const DEFAULT_TIPLINE_RULES: TiplineRules = {
  version: 1,
  jurisdiction: 'national',
  basisZh: '《安全生产领域举报奖励办法》（安监总财〔2018〕19号）；应急〔2023〕106号',
  // [design] The national texts set no acceptance time; Shandong's 359号令 asks for "a set time".
  acceptanceDecision: { amount: 5, unit: 'workingDays' },
  verification: { amount: 60, unit: 'naturalDays' },
  verificationExtension: { amount: 30, unit: 'naturalDays' },
  maxExtensions: 1,
  extensionDecision: { amount: 3, unit: 'workingDays' },
  feedback: { amount: 10, unit: 'naturalDays' },
  fineRecording: null,
  disputeWindow: { amount: 30, unit: 'naturalDays' },
  recheck: { amount: 30, unit: 'naturalDays' },
  maxRechecks: 1,
  rewardApproval: { amount: 15, unit: 'workingDays' },
  claimWindow: { amount: 30, unit: 'workingDays' },
  payment: { amount: 15, unit: 'workingDays' },
  remindAt: [0.5, 0.8],
  reward: NATIONAL_REWARD_RULES,
  claimCode: DEFAULT_CLAIM_CODE_POLICY,
};

/** Shandong (鲁应急发〔2021〕3号) as an example override: 50% of the fine, 5,000–500,000; ordinary hazards 500–5,000. */
export const SHANDONG_REWARD_RULES_2021: RewardRules = {
  ...NATIONAL_REWARD_RULES,
  majorHazard: { basis: 'fineShare', rateBasisPoints: 5000, minYuan: 5000, maxYuan: 500_000 },
  generalHazard: { basis: 'range', minYuan: 500, maxYuan: 5000 },
  violation: { basis: 'fineShare', rateBasisPoints: 5000, minYuan: 5000, maxYuan: 500_000 },
};

// -------------------------------------------------------------------------------- workflow input
export interface TipActor {
  username: string;
  name: string;
}

/** Who acts at each step (tipline-service fills them from the directory; see `defaultTipCandidates`). */
export interface TipCandidates {
  /** Tip handlers of the receiving unit: acceptance, verification, feedback, fine recording. */
  handlers: CandidateRule[];
  /** Reward approval (the receiving unit's leader). */
  approvers: CandidateRule[];
  /** The level above: approves a verification extension (B8: 报经上一级批准). */
  extensionApprovers: CandidateRule[];
  /** Receive escalations (督办) of breached limits: the level above. */
  supervisors: CandidateRule[];
  /** 复查: someone other than the original handlers (default: the level above's leaders). */
  recheckers: CandidateRule[];
  /** Reward payment (finance). */
  finance: CandidateRule[];
}

/**
 * The default candidates: handlers `tip-handler`, approvers `leader` of the receiving unit; the level
 * above's `leader` approves extensions, re-checks and receives escalations; finance is `admin` of the
 * receiving unit (the realm has no finance role: the office's admin records payments).
 */
export function defaultTipCandidates(receivingUnitCode: string, parentUnitCode: string): TipCandidates {
  const above = [{ role: 'leader' as const, orgUnitCode: parentUnitCode }];
  return {
    handlers: [{ role: 'tip-handler', orgUnitCode: receivingUnitCode }],
    approvers: [{ role: 'leader', orgUnitCode: receivingUnitCode }],
    extensionApprovers: above,
    supervisors: above,
    recheckers: above,
    finance: [{ role: 'admin', orgUnitCode: receivingUnitCode }],
  };
}

/** The `tipVerification` workflow's input. Deliberately no identity: only the pseudonymous reporter id. */
export interface TipVerificationInput {
  tipId: string;
  /** 举报编号 shown to officials and on the public status page, e.g. JB-2026-000123. */
  tipRef: string;
  kind: TipKind;
  /** Pseudonymous reporter id (e.g. `R-7KQ2…`), stable per reporter within the vault, never an identity. */
  reporterId: string;
  anonymous: boolean;
  channel: TipChannel;
  /** When the tip was received (ISO); the acceptance decision counts from here. */
  receivedAt: string;
  /** A neutral title for task inboxes (kind, place, enterprise), never the report's own words. */
  titleZh: string;
  /** The unit that received the tip and pays the reward (谁受理、谁奖励), and its town for scoping. */
  receivingUnitCode: string;
  townCode: string | null;
  enterprise: { creditCode: string | null; name: string | null } | null;
  candidates: TipCandidates;
  rules: TiplineRules;
  clock: ClockSettings;
}

// ------------------------------------------------------------------------------------- messages
/**
 * Updates of `tipVerification`. tipline-service calls them from its own endpoints after validating the
 * request (the console's handler pages, the public claim and dispute pages); each validator re-checks what
 * the workflow must never accept. Those that complete a human task (`completes`) are the only way to
 * complete it: the generic decide Update is refused for that task.
 */
/** Completes `decideAcceptance`. */
export const DECIDE_TIP_ACCEPTANCE_UPDATE = 'zhiben.tip.decideAcceptance';
/** Completes `verify`. */
export const RECORD_TIP_VERIFICATION_UPDATE = 'zhiben.tip.recordVerification';
/** Opens `approveExtension` for the level above (while verifying, before the deadline). */
export const REQUEST_TIP_EXTENSION_UPDATE = 'zhiben.tip.requestExtension';
/** Completes `recordFine` (the penalty decision came after verification). */
export const RECORD_TIP_FINE_UPDATE = 'zhiben.tip.recordFine';
/** Completes `feedback`: the service has told the reporter (status page, and SMS/letter for real names). */
export const TIP_FEEDBACK_SENT_UPDATE = 'zhiben.tip.feedbackSent';
/** Completes `approveReward`. */
export const APPROVE_TIP_REWARD_UPDATE = 'zhiben.tip.approveReward';
/** From tipline-service after it verified the claim code and password (or the real-name reporter). */
export const CLAIM_TIP_REWARD_UPDATE = 'zhiben.tip.claimReward';
/** From tipline-service: the reporter disputes an "unsubstantiated" conclusion (复查申请). */
export const DISPUTE_TIP_UPDATE = 'zhiben.tip.dispute';
/** Completes `recheck` (复查). */
export const RECORD_TIP_RECHECK_UPDATE = 'zhiben.tip.recordRecheck';
/** Query: the tip's state (TipStateView). */
export const TIP_STATE_QUERY = 'tipState';

export interface DecideTipAcceptanceInput {
  decision: 'accept' | 'notInScope' | 'forward';
  by: TipActor;
  /** Required for notInScope and forward; for notInScope it is shown to the reporter. */
  reason?: string;
  /** forward: the competent department. `external` = outside this system (the workflow ends). */
  forwardTo?: { code: string; name: string; external: boolean };
  /** forward inside the system: the receiving department's candidates (tipline-service resolves them). */
  forwardCandidates?: TipCandidates;
}
export interface DecideTipAcceptanceResult {
  accepted: true;
  /** accept: verification is due by this instant (rules.verification from the acceptance). */
  verificationDueAt?: string;
}

/** The follow-up the verifying handler asks for when the tip is substantiated. */
export type TipFollowUpRequest =
  | { kind: 'hazard'; hazard: TipHazardDraft }
  | { kind: 'enforcementCase'; enforcementCase: TipCaseDraft }
  /** e.g. a concealed accident goes to the accident investigation; `reference` names it. */
  | { kind: 'none'; reference?: string };

/**
 * What the handler verified, to register the hazard in the hazards context (source 群众举报). Written by
 * the handler from the verification, never copied from the report (the report is never served on the
 * enterprise, regulations.md C2).
 */
export interface TipHazardDraft {
  enterpriseCreditCode: string;
  grade: HazardGrade;
  title: string;
  description: string;
  location: string;
  /** Required for a major hazard (判定标准 clause). */
  standard?: { catalogueId: string; clauseId: string };
  /** YYYY-MM-DD */
  foundOn: string;
}
export interface TipCaseDraft {
  enterpriseCreditCode: string;
  title: string;
  /** The verified violation, in the handler's words. */
  findings: string;
  /** The enforcing department that files the case. */
  departmentCode: string;
}

export interface RecordTipVerificationInput {
  outcome: 'substantiated' | 'unsubstantiated';
  by: TipActor;
  /** The conclusion in the handler's words (internal). */
  summary: string;
  /** substantiated hazard tips: the verified grade. */
  hazardGrade?: HazardGrade;
  /** substantiated hazard / illegal operation: the fine in whole yuan; null = not decided yet (recordFine). */
  fineYuan?: number | null;
  penaltyDecisionNo?: string | null;
  /** substantiated concealed accident: the concealed deaths (≥ 1) and the accident's final grade. */
  concealedDeaths?: number;
  accidentGrade?: AccidentGrade;
  /** substantiated: what to open (required). */
  followUp?: TipFollowUpRequest;
  /** false when an earlier accepted tip reported the same matter (`duplicateOfTipId`). */
  firstReporter: boolean;
  duplicateOfTipId?: string | null;
  /** Set by tipline-service from the vault (the handler never sees why); null when none applies. */
  reporterExclusion: ReporterExclusion | null;
  /** When the verification ended (ISO); the feedback's 10 days run from here. Defaults to now. */
  verifiedAt?: string;
}
export interface RecordTipVerificationResult {
  accepted: true;
  /** The reporter must hear back by this instant. */
  feedbackDueAt: string;
}

export interface RequestTipExtensionInput {
  by: TipActor;
  reason: string;
  requestId?: string;
}
export interface RequestTipExtensionResult {
  accepted: true;
  /** The `approveExtension` task opened for the level above. */
  taskKey: string;
  /** The deadline if approved. */
  extendedDueAt: string;
}

export interface RecordTipFineInput {
  by: TipActor;
  fineYuan: number;
  penaltyDecisionNo?: string | null;
  decidedAt?: string;
}
export interface RecordTipFineResult {
  accepted: true;
}

export const TIP_FEEDBACK_CHANNELS = ['statusPage', 'sms', 'phone', 'letter', 'email'] as const;
export type TipFeedbackChannel = (typeof TIP_FEEDBACK_CHANNELS)[number];
export interface TipFeedbackSentInput {
  by: TipActor;
  /** What the reporter was told (shown on the public status page; no names of officials or reporters). */
  messageZh: string;
  messageEn?: string;
  channels: TipFeedbackChannel[];
  sentAt?: string;
}
export interface TipFeedbackSentResult {
  accepted: true;
  /** unsubstantiated: the reporter may dispute until this instant. */
  disputeUntil: string | null;
}

export interface ApproveTipRewardInput {
  decision: 'approve' | 'reject';
  by: TipActor;
  /** approve: must equal the computed amount (guards against approving a stale computation). */
  amountYuan?: number;
  /** Required for reject. */
  reason?: string;
}
export interface ApproveTipRewardResult {
  accepted: true;
  /** approve: the claim window closes at this instant. */
  claimWindowEndsAt?: string;
}

export interface ClaimTipRewardInput {
  /** tipline-service's claim record (its payee details stay in the vault). */
  claimId: string;
  /** How the claimant proved entitlement: claim code + password (anonymous) or real-name check. */
  verifiedBy: 'claimCode' | 'realName';
  claimedAt?: string;
}
export interface ClaimTipRewardResult {
  accepted: true;
  /** Finance pays by this instant. */
  paymentDueAt: string;
}

export interface DisputeTipInput {
  /** tipline-service's dispute record. */
  disputeId: string;
  /** The reporter's reasons (may be shown to the re-checkers; identity never). */
  reason: string;
}
export interface DisputeTipResult {
  accepted: true;
  taskKey: string;
  recheckDueAt: string;
}

export interface RecordTipRecheckInput {
  decision: 'upheld' | 'revised';
  by: TipActor;
  summary: string;
  /** revised: the new conclusion (outcome substantiated, with the facts and follow-up as for verify). */
  revised?: RecordTipVerificationInput;
}
export interface RecordTipRecheckResult {
  accepted: true;
}

/** Why a tip Update was rejected (ApplicationFailure.type; `details[0]` is a TipUpdateRejection). */
export const TIP_UPDATE_REJECTIONS = [
  'NotApplicable', // the tip is not at the step that accepts this
  'InvalidData', // a field is missing or malformed (see `field`)
  'ReasonRequired',
  'AmountMismatch', // the approved amount differs from the computation
  'ExtensionNotAllowed', // already extended / pending / past the deadline
  'ClaimWindowClosed',
  'DisputeNotAllowed', // not unsubstantiated, window closed, re-check limit reached
] as const;
export type TipUpdateRejectionType = (typeof TIP_UPDATE_REJECTIONS)[number];
export interface TipUpdateRejection {
  type: TipUpdateRejectionType;
  field?: string;
  messageZh: string;
  messageEn: string;
}

// ------------------------------------------------------------------------------ steps and decisions
/** Task steps (OPEN_TASKS_QUERY `step`; task key `<step>#<visit>`; task type `tip.<step>`). */
export const TIP_STEPS = {
  decideAcceptance: 'decideAcceptance',
  verify: 'verify',
  approveExtension: 'approveExtension',
  breachFollowUp: 'breachFollowUp',
  feedback: 'feedback',
  recordFine: 'recordFine',
  approveReward: 'approveReward',
  payReward: 'payReward',
  recheck: 'recheck',
} as const;
export type TipStep = keyof typeof TIP_STEPS;

/**
 * Decision codes of each step. Steps completed through a tip Update show these codes in the inbox; the
 * others are decided with the generic decide Update and `data` as noted.
 */
export const TIP_DECISIONS = {
  decideAcceptance: ['accept', 'notInScope', 'forward'], // DECIDE_TIP_ACCEPTANCE_UPDATE
  verify: ['substantiated', 'unsubstantiated'], // RECORD_TIP_VERIFICATION_UPDATE
  approveExtension: ['approve', 'reject'], // decide Update; reject requires a comment
  breachFollowUp: ['acknowledged'], // decide Update
  feedback: ['sent'], // TIP_FEEDBACK_SENT_UPDATE
  recordFine: ['recorded'], // RECORD_TIP_FINE_UPDATE
  approveReward: ['approve', 'reject'], // APPROVE_TIP_REWARD_UPDATE
  payReward: ['paid'], // decide Update; data: TipPaymentData
  recheck: ['upheld', 'revised'], // RECORD_TIP_RECHECK_UPDATE
} as const satisfies Record<TipStep, readonly string[]>;

/** The Update that completes each step, or null for the generic decide Update. */
export const TIP_STEP_UPDATES: Readonly<Record<TipStep, string | null>> = {
  decideAcceptance: DECIDE_TIP_ACCEPTANCE_UPDATE,
  verify: RECORD_TIP_VERIFICATION_UPDATE,
  approveExtension: null,
  breachFollowUp: null,
  feedback: TIP_FEEDBACK_SENT_UPDATE,
  recordFine: RECORD_TIP_FINE_UPDATE,
  approveReward: APPROVE_TIP_REWARD_UPDATE,
  payReward: null,
  recheck: RECORD_TIP_RECHECK_UPDATE,
};

/** `data` of payReward → paid. */
export interface TipPaymentData {
  paidAt?: string;
  /** 支付凭证号 (the account itself stays in the vault; only the payout module sees it). */
  voucherNo?: string;
}

/** Legal limits watched on every tip (one breach each, per deadline). */
export const TIP_DEADLINE_KINDS = ['acceptance', 'verification', 'feedback', 'payment'] as const;
export type TipDeadlineKind = (typeof TIP_DEADLINE_KINDS)[number];
export const TIP_DEADLINE_LABELS: Labels<TipDeadlineKind> = {
  acceptance: { zh: '受理决定时限', en: 'Acceptance decision' },
  verification: { zh: '核查时限（60日，经批准可延长30日）', en: 'Verification (60 days, +30 if approved)' },
  feedback: { zh: '核查结束后10日内反馈举报人', en: 'Feedback to the reporter within 10 days' },
  payment: { zh: '奖励兑付时限', en: 'Reward payment' },
};

// ------------------------------------------------------------------------------------ state view
export interface TipOpenTaskView {
  taskKey: string;
  step: string;
  decisions: string[];
}

/** TIP_STATE_QUERY result. Instants are calendar instants (ISO). */
export interface TipStateView {
  tipId: string;
  status: TipStatus;
  /** Calendar "now" of the workflow (differs from wall time only on scaled clocks). */
  calendarNow: string;
  receivingUnitCode: string;
  acceptanceDueAt: string | null;
  verificationDueAt: string | null;
  extension: { status: 'pending' | 'approved' | 'rejected'; extendedDueAt: string } | null;
  feedbackDueAt: string | null;
  disputeUntil: string | null;
  rechecks: number;
  followUp: TipFollowUpRef | null;
  reward: {
    status: RewardStatus;
    computation: RewardComputation | null;
    claimWindowEndsAt: string | null;
    paymentDueAt: string | null;
  } | null;
  /** Breached limits so far (each once per deadline). */
  breaches: TipDeadlineKind[];
  openTasks: TipOpenTaskView[];
}

// ------------------------------------------------------------------------------------ activities
export interface TipFollowUpRef {
  kind: 'hazard' | 'enforcementCase';
  id: string;
  /** Ledger number / 案号. */
  ref: string;
}

export interface TipEventInput {
  tipId: string;
  /** Idempotency key, `<workflowId>:<type>:<seq>`. */
  eventKey: string;
  type: string;
  summaryZh: string;
  summaryEn: string;
  /** An official; never the reporter (the reporter is "举报人" in the summaries). */
  actor?: TipActor | null;
  data?: Record<string, unknown>;
  /** Workflow time (ISO). */
  at?: string;
}

/** Read-model fields the workflow moves with a status (only the ones that changed). */
export interface TipStatusPatch {
  receivingUnitCode?: string;
  acceptedAt?: string;
  acceptanceDueAt?: string | null;
  notAcceptedReason?: string;
  forwardedTo?: { code: string; name: string; external: boolean };
  verificationDueAt?: string | null;
  extension?: TipStateView['extension'];
  verificationOverdue?: boolean;
  verifiedAt?: string;
  outcome?: 'substantiated' | 'unsubstantiated';
  feedbackDueAt?: string | null;
  feedbackSentAt?: string;
  feedbackOverdue?: boolean;
  disputeUntil?: string | null;
  followUp?: TipFollowUpRef;
  closedAt?: string;
}

export interface TipRewardPatch {
  status: RewardStatus;
  computation?: RewardComputation;
  approvedBy?: TipActor;
  approvedAt?: string;
  rejectionReason?: string;
  claimWindowEndsAt?: string;
  claimId?: string;
  claimedAt?: string;
  paymentDueAt?: string;
  paidAt?: string;
  voucherNo?: string | null;
  lapsedAt?: string;
}

/** Notices tipline-service sends the reporter through the channels the vault knows (the workflow never does). */
export const REPORTER_NOTICE_KINDS = [
  'accepted',
  'notAccepted',
  'forwarded',
  'feedback',
  'rewardApproved',
  'rewardLapsingSoon',
  'rewardPaid',
  'recheckResult',
] as const;
export type ReporterNoticeKind = (typeof REPORTER_NOTICE_KINDS)[number];

/**
 * Activities hosted by tipline-service on TASK_QUEUES.tipline, all idempotent by eventKey. None takes or
 * returns identity: the service resolves the reporter from the vault where it must (notices, payment).
 */
export interface TiplinePort {
  recordTipEvent(input: TipEventInput): Promise<void>;
  setTipStatus(input: {
    tipId: string;
    status: TipStatus;
    eventKey: string;
    patch?: TipStatusPatch;
  }): Promise<void>;
  setTipReward(input: { tipId: string; eventKey: string; reward: TipRewardPatch }): Promise<void>;
  /**
   * Registers the verified hazard through hazards-service (POST /hazards, source `PublicReport`, linked
   * to the tip; the report itself is not attached). Returns the hazard; the same eventKey returns the same
   * hazard (one per tip however often retried).
   */
  createHazardFromTip(input: {
    tipId: string;
    eventKey: string;
    source: 'PublicReport';
    hazard: TipHazardDraft;
    requestedBy: TipActor;
  }): Promise<{ hazardId: string; caseRef: string }>;
  /** Files the enforcement case through enforcement-service (origin: this tip). Idempotent by eventKey. */
  createEnforcementCaseFromTip(input: {
    tipId: string;
    eventKey: string;
    source: 'PublicReport';
    enforcementCase: TipCaseDraft;
    requestedBy: TipActor;
  }): Promise<{ caseId: string; caseNo: string }>;
  /** Tells the reporter (status page always; SMS/letter to real-name reporters). Idempotent by eventKey. */
  notifyReporter(input: {
    tipId: string;
    eventKey: string;
    kind: ReporterNoticeKind;
    messageZh: string;
    messageEn: string;
  }): Promise<void>;
}

// ------------------------------------------------------------------------------------------ DTOs
/** Dispatch-form metrics the tipline feeds (L5a 举报奖励, L5b 其中匿名举报查实奖励, in 万元; 000:307). */
export const TIPLINE_METRICS = ['rewardsPaid', 'anonymousRewardsPaid'] as const;
export type TiplineMetric = (typeof TIPLINE_METRICS)[number];

export interface TipEventDto {
  id: string;
  at: string;
  type: string;
  summaryZh: string;
  summaryEn: string;
  actor: TipActor | null;
  data: Record<string, unknown>;
}

export interface RewardDto {
  tipId: string;
  tipRef: string;
  status: RewardStatus;
  /** The computation with its rule lines; null while awaiting the fine. */
  computation: RewardComputation | null;
  amountYuan: number | null;
  anonymous: boolean;
  approvedBy: TipActor | null;
  approvedAt: string | null;
  rejectionReason: string | null;
  claimWindowEndsAt: string | null;
  claimedAt: string | null;
  paymentDueAt: string | null;
  paidAt: string | null;
  voucherNo: string | null;
  rulesVersion: number;
  jurisdiction: string;
}

/**
 * A tip as officials see it (handlers' queue, detail page). The reporter is `reporterId` (pseudonymous)
 * and `anonymous`; no name, phone, ID number or account, ever — unmasking is a separate, approved and
 * audited request against the vault.
 */
export interface TipDto {
  id: string;
  ref: string;
  kind: TipKind;
  status: TipStatus;
  channel: TipChannel;
  reporterId: string;
  anonymous: boolean;
  receivedAt: string;
  receivingUnit: { code: string; name: string };
  town: { code: string; name: string } | null;
  enterprise: { creditCode: string | null; name: string | null } | null;
  location: string;
  /** The report's text, for the handlers only (never served on the enterprise). */
  description: string;
  /** Photo file ids (tipline-service). */
  photos: string[];
  acceptance: {
    decision: 'accept' | 'notInScope' | 'forward';
    at: string;
    by: TipActor;
    reason: string | null;
    forwardedTo: { code: string; name: string; external: boolean } | null;
  } | null;
  acceptanceDueAt: string | null;
  verification: {
    dueAt: string;
    extension: TipStateView['extension'];
    overdue: boolean;
    outcome: 'substantiated' | 'unsubstantiated' | null;
    verifiedAt: string | null;
    summary: string | null;
    firstReporter: boolean | null;
    duplicateOfTipId: string | null;
  } | null;
  followUp: TipFollowUpRef | null;
  feedback: { dueAt: string; sentAt: string | null; overdue: boolean; messageZh: string | null } | null;
  disputes: { id: string; at: string; reason: string; result: 'pending' | 'upheld' | 'revised' }[];
  reward: RewardDto | null;
  closedAt: string | null;
  rulesVersion: number;
  workflow: { id: string; started: boolean };
  version: number;
}

/**
 * GET /public/tips/status (claim code + password, or the real-name reporter's link): what the reporter
 * may see about their own tip. No officials' names, no enterprise details beyond what they reported.
 */
export interface PublicTipStatusDto {
  ref: string;
  kind: TipKind;
  status: PublicTipStatus;
  statusLabel: { zh: string; en: string };
  receivedAt: string;
  updatedAt: string;
  /** Feedback and notices, oldest first. */
  messages: { at: string; zh: string; en: string }[];
  reward: {
    status: RewardStatus;
    amountYuan: number | null;
    claimWindowEndsAt: string | null;
    canClaim: boolean;
  } | null;
  dispute: { canDispute: boolean; until: string | null };
}
