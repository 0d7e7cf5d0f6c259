import type { ReportKind, ReportSchedule, Stage, CampaignPeriod } from './campaigns';
import type { ClockSettings } from './hazards';
import type { CandidateRule, DurationSpec } from './tasks';

/**
 * The campaign workflows' contract (zod-free, imported by workflow code through
 * `@zhiben/contracts/workflow`): ids, message names, inputs, and the activities campaigns-service and
 * hazards-service host for them.
 *
 * Shape: one `campaign` workflow per campaign instance (approval → issued → stages by durable timers on
 * absolute dates or by a signal for event-ended stages → summarizing → closed; continue-as-new between
 * reporting occurrences) which, at each report occurrence's opening day, starts one `campaignReport` child
 * per participating unit (parent-close policy ABANDON). A `campaignReport` opens the unit's fill-in task
 * (pre-filled from the ledgers), then the unit leader's review-and-sign task, reminds before the due day,
 * marks the report late at the due instant, sends 催报 reminders, and escalates (通报) to the issuing office.
 */

export const CAMPAIGN_WORKFLOW_TYPE = 'campaign';
export const CAMPAIGN_REPORT_WORKFLOW_TYPE = 'campaignReport';
export const campaignWorkflowId = (campaignId: string) => `campaign-${campaignId}`;
export const campaignReportWorkflowId = (campaignId: string, occurrenceKey: string, unitCode: string) =>
  `campaign-report-${campaignId}-${occurrenceKey}-${unitCode}`;

/** Signal: an event-ended stage's event happened (e.g. 党的二十大结束, seed 002:22). */
export const CAMPAIGN_EVENT_SIGNAL = 'zhiben.campaign.event';
export interface CampaignEventSignal {
  eventKey: string;
  /** ISO instant the event happened (may be earlier than the signal). */
  at: string;
  by: { username: string; name: string };
}
/** Query: the campaign's state for the console. */
export const CAMPAIGN_STATE_QUERY = 'campaignState';
/** Query on a campaignReport: its state. */
export const CAMPAIGN_REPORT_STATE_QUERY = 'campaignReportState';

/**
 * Update (added for the workflow): the issuing unit resubmits a plan its leaders (or the parent's office,
 * at 备案) returned. Accepted only while the campaign is a returned draft; the workflow then opens the
 * approval again. `revised` replaces those parts of the plan (the service stores the revised plan first).
 */
export const CAMPAIGN_RESUBMIT_UPDATE = 'zhiben.campaign.resubmit';
export interface CampaignResubmitInput {
  by: { username: string; name: string };
  comment?: string;
  revised?: Partial<
    Pick<CampaignWorkflowInput, 'title' | 'period' | 'stages' | 'schedules' | 'participants'>
  >;
}
/** Update (added): the issuing unit withdraws a returned draft; the campaign ends as `rejected`. */
export const CAMPAIGN_WITHDRAW_UPDATE = 'zhiben.campaign.withdraw';
export interface CampaignWithdrawInput {
  by: { username: string; name: string };
  reason: string;
}
/** Why a resubmit/withdraw Update was rejected (ApplicationFailure.type). */
export const CAMPAIGN_UPDATE_REJECTIONS = ['NotReturned', 'ReasonRequired', 'RequesterRequired'] as const;

/** What `CAMPAIGN_STATE_QUERY` returns. Instants are ISO strings on the campaign's calendar timeline. */
export interface CampaignStateView {
  campaignId: string;
  status: CampaignStatus;
  /** The calendar instant the workflow considers "now" (differs from wall time only on scaled clocks). */
  calendarNow: string;
  currentStage: string | null;
  activeStages: string[];
  endedStages: string[];
  upcomingStages: string[];
  awaitedEvents: string[];
  /** Events received so far, with the instant each one took effect. */
  events: { eventKey: string; at: string }[];
  /** Occurrences whose report workflows have all been started, as `<scheduleId>.<key>`. */
  startedOccurrences: string[];
  /** The next occurrences still to open (at most 5). */
  nextOccurrences: { occurrenceKey: string; opensAt: string; dueAt: string }[];
  openTasks: { taskKey: string; step: string; decisions: string[] }[];
  /** Latest timeline entries of this run (at most 30). */
  timeline: { at: string; type: string; summaryZh: string; summaryEn: string }[];
}

export interface CampaignReportStateView {
  reportId: string;
  status: CampaignReportStatus;
  late: boolean;
  urges: number;
  circulated: boolean;
  openTasks: { taskKey: string; step: string; decisions: string[] }[];
}

export const CAMPAIGN_STATUSES = [
  'draft',
  'approval',
  'issued',
  'running',
  'summarizing',
  'closed',
  'rejected',
] as const;
export type CampaignStatus = (typeof CAMPAIGN_STATUSES)[number];

export const CAMPAIGN_REPORT_STATUSES = [
  'open', // the unit fills it in
  'review', // the unit leader reviews and signs
  'submitted',
  'submittedLate',
] as const;
export type CampaignReportStatus = (typeof CAMPAIGN_REPORT_STATUSES)[number];

/** Late-report policy (versioned rules, not literals): reminders before due, 催报 after, then 通报. */
export interface ReportLatePolicy {
  /** Reminders before the due instant, as fractions of the time from opening to due. */
  remindAt: number[];
  /** 催报: repeat the overdue reminder this often after the due instant. */
  urgeEvery: DurationSpec;
  /** Stop urging after this many 催报 notices. */
  maxUrges: number;
  /** 通报: escalate to the issuing office this long after the due instant. */
  circulateAfter: DurationSpec;
}

export interface CampaignWorkflowInput {
  campaignId: string;
  title: string;
  templateId: string;
  templateVersion: number;
  /** The issuing unit (安委办 / 镇政府); its leaders approve, its office receives 通报 and filings. */
  issuingUnitCode: string;
  period: CampaignPeriod;
  stages: Stage[];
  schedules: ReportSchedule[];
  /** Participating units (org unit codes, or `ent:<credit code>` for enterprises). */
  participants: string[];
  /** Who approves the campaign plan (the issuing unit's leaders). */
  approvers: CandidateRule[];
  /** Who receives 通报 escalations and 备案 filings (the issuing office). */
  office: CandidateRule[];
  /** A lower unit's plan drafted from a higher one: filed (备案) with the parent's office once approved. */
  parent: { campaignId: string; officeCandidates: CandidateRule[] } | null;
  latePolicy: ReportLatePolicy;
  clock: ClockSettings;
}

export interface CampaignReportWorkflowInput {
  campaignId: string;
  campaignTitle: string;
  reportId: string;
  scheduleKey: string;
  occurrenceKey: string;
  kind: ReportKind;
  /** Human label of the period, e.g. 2023年6月. */
  periodLabelZh: string;
  periodLabelEn: string;
  unitCode: string;
  /** ISO instants. */
  opensAt: string;
  dueAt: string;
  /** Whether the dispatch form is pre-filled from the ledgers for this report. */
  prefill: boolean;
  office: CandidateRule[];
  latePolicy: ReportLatePolicy;
  clock: ClockSettings;
  /**
   * Added (optional): the calendar instant (ISO) at which the campaign started this report. On a scaled
   * clock it anchors the report's timers; absent, the report anchors at `opensAt`.
   */
  calendarAt?: string;
}

export interface CampaignEventInput {
  campaignId: string;
  /** Deterministic key: the same event recorded twice is stored once. */
  eventKey: string;
  type: string;
  summaryZh: string;
  summaryEn: string;
  actor: { username: string; name: string } | null;
  reportId?: string | null;
  data?: Record<string, unknown>;
}

/** Hazard ledger figures for one unit's own scope, keyed by dispatch-form row id. */
export interface HazardFiguresRequest {
  /** Org unit code (town/department) or `ent:<credit code>`. */
  unitCode: string;
  /** Count up to this instant (ISO). */
  asOf: string;
  /** Count from this instant (ISO) for `period` counting, null for cumulative. */
  since: string | null;
}
export type HazardFigures = Record<string, number>;

/** Activities hosted by campaigns-service on TASK_QUEUES.campaigns (all idempotent). */
export interface CampaignsPort {
  setCampaignStatus(input: {
    campaignId: string;
    status: CampaignStatus;
    eventKey: string;
    currentStageKey?: string | null;
  }): Promise<void>;
  recordCampaignEvent(input: CampaignEventInput): Promise<void>;
  /** Creates the unit's report row for an occurrence (idempotent by reportId) with its pre-filled figures. */
  openReport(input: {
    reportId: string;
    campaignId: string;
    scheduleKey: string;
    occurrenceKey: string;
    unitCode: string;
    dueAt: string;
    prefilled: HazardFigures | null;
  }): Promise<void>;
  setReportStatus(input: {
    reportId: string;
    status: CampaignReportStatus;
    eventKey: string;
    late?: boolean;
  }): Promise<void>;
}

/** Activity hosted by hazards-service on TASK_QUEUES.hazards for the dispatch form's pre-fill. */
export interface HazardFiguresPort {
  hazardFigures(input: HazardFiguresRequest): Promise<HazardFigures>;
}

/**
 * Activity hosted by enforcement-service on TASK_QUEUES.enforcement: the dispatch form's enforcement rows
 * (行政处罚 次/万元, 一案双罚, 移送司法机关（人）, 责令停产整顿, 曝光约谈…) for one unit's own scope, keyed by row id.
 */
export interface EnforcementFiguresPort {
  enforcementFigures(input: HazardFiguresRequest): Promise<HazardFigures>;
}
/** Patch: report workflows started after it also ask enforcement-service for the pre-fill. */
export const ENFORCEMENT_FIGURES_PATCH = 'zhiben.enforcement-figures';
